import type { Caller } from '../auth/caller.ts';
import { shanghaiDate, workingDaysBetween } from '../calendar/working-days.ts';
import { notFound } from '../http/problem.ts';
import type { Case, Notice } from './case.ts';
import type { CaseFile } from './case-store.ts';
import type { CASE_SUMMARY_FIELDS } from './keys.ts';

/**
 * Who may see a case (API.md): the applicant, whoever filed it for them, staff of a department on the
 * case, supervisors and archivists. To anyone else it does not exist (404, not 403).
 */
export function canSee(caller: Caller, c: Case): boolean {
  if (caller.sub === c.applicant.sub || caller.sub === c.filedBy.sub) return true;
  if (caller.roles.includes('supervisor') || caller.roles.includes('archivist')) return true;
  const staff = caller.roles.some((r) => r === 'clerk' || r === 'handler' || r === 'head');
  return staff && !!caller.dept && (caller.dept === c.acceptingDept || c.handlingDepts.includes(caller.dept));
}

export function assertVisible(caller: Caller, file: CaseFile | undefined, caseId: string): CaseFile {
  if (!file || !canSee(caller, file.case)) throw notFound(`there is no case ${caseId}`);
  return file;
}

/** The clock (N14 承诺时限): promised working days, those used since acceptance, and any pause. */
const pausedSoFar = (c: Case, end: string) => {
  const a = c.clockAdjustments;
  return (a?.pausedDays ?? 0) + (a?.pause ? workingDaysBetween(a.pause.startedAt, end) : 0);
};

export function clockOf(c: Case, now = new Date()) {
  const end = c.completedAt ?? now.toISOString();
  const pausedDays = pausedSoFar(c, end);
  return {
    promiseDays: c.promiseDays,
    // paused days are not used days: the clock stands still during a special procedure
    usedWorkingDays: c.acceptedAt ? Math.max(0, workingDaysBetween(c.acceptedAt, end) - pausedDays) : 0,
    paused: !!c.clockAdjustments?.pause,
    pausedDays,
    extensionDays: (c.clockAdjustments?.extensions ?? []).reduce((n, e) => n + e.days, 0),
    acceptBy: c.acceptBy,
    deadline: c.deadline ?? null,
    provisional: c.deadlineProvisional ?? false,
    today: shanghaiDate(now),
  };
}

export function caseView(file: CaseFile) {
  const c = file.case;
  return {
    caseId: c.caseId,
    receiptNo: c.receiptNo,
    matterCode: c.matterCode,
    matterVersion: c.matterVersion,
    matterName: c.matterName,
    status: c.status,
    applicant: { type: c.applicant.type, name: c.applicant.name, idNumber: c.applicant.idNumber },
    channel: c.channel,
    filedBy: { sub: c.filedBy.sub, name: c.filedBy.name, role: c.filedBy.role },
    ...(c.filedAt ? { filedAt: c.filedAt } : {}),
    submittedAt: c.submittedAt,
    acceptedAt: c.acceptedAt ?? null,
    responsible: c.responsible ? { sub: c.responsible.sub, name: c.responsible.name, dept: c.responsible.dept } : null,
    deadline: c.deadline ?? null,
    clock: clockOf(c),
    materials: c.materials,
    tasks: file.tasks.map((t) => ({
      taskId: t.taskId,
      kind: t.kind,
      dept: t.dept,
      status: t.status,
      deadline: t.deadline,
      decision: t.decision ?? null,
      completedAt: t.completedAt ?? null,
      assignee: t.assignee ? { sub: t.assignee.sub, name: t.assignee.name } : null,
      ...(t.missing ? { missing: t.missing } : {}),
      ...(t.offlineSteps ? { offlineSteps: t.offlineSteps } : {}),
    })),
    notices: file.notices.map(noticeView),
    timeline: file.events.map((e) => ({ seq: e.seq, at: e.at, actor: { sub: e.actor.sub, name: e.actor.name, role: e.actor.role }, action: e.action, from: e.from, to: e.to, detail: e.detail })),
    ...(c.result ? { result: c.result } : {}),
    ...(c.archive ? { archive: c.archive } : {}),
  };
}

/** An applicant's list entry: only what the `byApplicant` index projects (CASE_SUMMARY_FIELDS). */
export const caseSummary = (c: Pick<Case, (typeof CASE_SUMMARY_FIELDS)[number]>) => ({
  caseId: c.caseId,
  receiptNo: c.receiptNo,
  matterCode: c.matterCode,
  matterName: c.matterName,
  status: c.status,
  submittedAt: c.submittedAt,
  deadline: c.deadline ?? null,
});

/** A notice as listed: its content hash, and its document (PDF) once rendered, with the PDF's own hash. */
export const noticeView = (n: Notice) => ({
  noticeId: n.noticeId,
  kind: n.kind,
  title: n.title,
  issuedAt: n.issuedAt,
  sha256: n.sha256,
  body: n.body,
  document: n.pdf
    ? { status: 'ready' as const, contentType: 'application/pdf', sha256: n.pdf.sha256, bytes: n.pdf.bytes, pages: n.pdf.pages, renderedAt: n.pdf.renderedAt, ...(n.pdf.missing.length ? { missingCharacters: n.pdf.missing } : {}) }
    : { status: 'rendering' as const },
});
