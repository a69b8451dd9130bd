import type { WorkingDayCalendar } from './calendar.ts';
import type { CaseSummary, Notice } from './case.ts';
import type { CaseFile } from './case-file.ts';
import { clockOf } from './clock.ts';

/** A case as GET /v1/cases/{caseId} shows it to whoever the gate let see it. */
export function caseView(file: CaseFile, now: Date, calendar: WorkingDayCalendar) {
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
    clock: clockOf(c, now, calendar),
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
export const caseSummary = (c: CaseSummary) => ({
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
