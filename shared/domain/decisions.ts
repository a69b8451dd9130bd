import type { Caller } from '../auth/caller.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { getMatter } from '../catalog/catalog-store.ts';
import { conflict, forbidden, notFound, unprocessable } from '../http/problem.ts';
import { countCase, type CaseMetric } from '../observability.ts';
import { startWorkflow } from '../workflows/start.ts';
import type { Case, CaseStatus, Task } from './case.ts';
import { commitCase, getCaseFile, StaleCase, type CaseFile } from './case-store.ts';
import { caseIdOfTask } from './keys.ts';
import { assertTransition } from './lifecycle.ts';
import { actorOf } from './intake.ts';
import { makeNotice } from './notices.ts';
import { acceptanceWindow } from './rules/deemed-acceptance.ts';
import { assertMayActOn } from './ab-post.ts';
import { registeredRoles } from './staff.ts';
import type { TaskDecision } from './schemas.ts';

/** Working days an applicant has to answer a correction notice before the case is closed. */
export const CORRECTION_WORKING_DAYS = Number(process.env.CORRECTION_WORKING_DAYS ?? 30);

/** Retries a step that lost a race on the case's version (two departments deciding at once). */
export async function withRetry<T>(caseId: string, step: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await step();
    } catch (err) {
      if (!(err instanceof StaleCase) || i >= attempts - 1) {
        if (err instanceof StaleCase) throw conflict(`case ${caseId} is busy; try again`, undefined, err);
        throw err;
      }
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (i + 1)));
    }
  }
}

/** N13: a task is acted on by the roles its step names, of the department it belongs to. */
/** The roles that act on a task of each step: the window decides acceptance, the department reviews. */
export const stepRoles = (task: Task) => (task.kind === 'acceptance' ? (['clerk'] as const) : (['handler', 'head'] as const));

async function authorize(caller: Caller, task: Task): Promise<void> {
  const roles = stepRoles(task);
  if (!roles.some((r) => caller.roles.includes(r))) throw forbidden(`a ${task.kind} task is completed by ${roles.join(' or ')}`);
  if (caller.dept !== task.dept) throw forbidden('this task belongs to another department');
  // N13: a member in the department's staff register acts only in the roles registered for them
  const registered = await registeredRoles(task.dept, caller.sub);
  if (registered && !roles.some((r) => registered.includes(r))) throw forbidden(`the staff register of ${task.dept} does not give ${caller.sub} the role ${roles.join(' or ')}`);
}

export async function loadTask(taskId: string): Promise<{ file: CaseFile; task: Task }> {
  const file = await getCaseFile(caseIdOfTask(taskId));
  const task = file?.tasks.find((t) => t.taskId === taskId);
  if (!file || !task) throw notFound(`there is no task ${taskId}`);
  return { file, task };
}

/** An open review task of a case in review, acted on by staff of its department in one of `roles`. */
export async function loadOpenReview(caller: Caller, taskId: string, roles: ('handler' | 'head')[]): Promise<{ file: CaseFile; task: Task }> {
  const { file, task } = await loadTask(taskId);
  if (!roles.some((r) => caller.roles.includes(r))) throw forbidden(`this needs the role ${roles.join(' or ')}`);
  if (caller.dept !== task.dept) throw forbidden('this task belongs to another department');
  if (task.kind !== 'review' || task.status !== 'open' || file.case.status !== 'in_review') {
    throw conflict('this is done on an open review task of a case in review', { from: file.case.status, allowed: [] });
  }
  return { file, task };
}

const nextNoticeSeq = (file: CaseFile) => file.notices.length + 1;

/** Completes an acceptance or review task with a decision (N14); returns the case's new status. */
export async function completeTask(caller: Caller, taskId: string, d: TaskDecision, now = () => new Date()): Promise<{ caseId: string; status: CaseStatus; taskId: string }> {
  const caseId = caseIdOfTask(taskId);
  const result = await withRetry(caseId, async () => {
    const { file, task } = await loadTask(taskId);
    await authorize(caller, task);
    if (task.status !== 'open') throw conflict('the task has already been completed', { completedAt: task.completedAt });
    await assertMayActOn(caller, task, now());
    const at = now().toISOString();
    return task.kind === 'acceptance' ? decideAcceptance(caller, file, task, d, at) : decideReview(caller, file, task, d, at);
  });
  const metric: Partial<Record<CaseStatus, CaseMetric>> = { accepted: 'CaseAccepted', correction_required: 'CaseCorrectionRequested', rejected: 'CaseRejected', returned: 'CaseReturned' };
  if (metric[result.status]) countCase(metric[result.status]!);
  if (result.pendingWorkflow) await startWorkflow(result.pendingWorkflow, caseId);
  return { caseId, status: result.status, taskId };
}

async function decideAcceptance(caller: Caller, file: CaseFile, task: Task, d: TaskDecision, at: string): Promise<Case> {
  // 首问负责 (H10, H22): the first clerk to decide on the case stays responsible for it
  const c: Case = { ...file.case, responsible: file.case.responsible ?? actorOf(caller, 'clerk') };
  const actor = actorOf(caller, 'clerk');
  const done: Task = { ...task, status: 'done', decision: d.decision, completedBy: actor, completedAt: at };
  const seq = nextNoticeSeq(file);
  switch (d.decision) {
    case 'accept': {
      assertTransition(c.status, 'accepted');
      // N14: the promised time limit runs from acceptance, in working days; a late acceptance counts
      // from receipt (deemed accepted, 行政许可法 第三十二条)
      const { late, clockStart } = acceptanceWindow(c, at);
      const deadline = addWorkingDays(clockStart, c.promiseDays);
      const after: Case = { ...c, status: 'accepted', acceptedAt: clockStart, deadline: deadline.date, deadlineProvisional: deadline.provisional, pendingWorkflow: 'forwarding' };
      return commitCase({ before: file.case, after, event: { at, actor, action: 'accept', detail: { deadline: deadline.date, ...(late ? { deemedFrom: clockStart } : {}) } }, completedTasks: [done] });
    }
    case 'correction': {
      assertTransition(c.status, 'correction_required');
      // H22 and 行政许可法 第三十二条: the one-time correction notice is due within the 5 working days
      if (acceptanceWindow(c, at).late) {
        throw conflict(`the correction notice was due by ${c.acceptBy}; the case now counts as accepted from receipt`, { from: c.status, allowed: ['accepted', 'rejected', 'returned'] });
      }
      const matter = await getMatter(c.matterCode, c.matterVersion);
      const names = new Map(matter?.materials.map((m) => [m.code, m.name]));
      const unknown = d.missing.filter((code) => !names.has(code));
      if (unknown.length) throw unprocessable(`the matter has no material ${unknown.join(', ')}`, unknown.map((code) => ({ path: 'missing', message: `unknown material ${code}` })));
      // H22 一次性告知: one notice lists everything missing, at once
      const correctionDue = addWorkingDays(at, CORRECTION_WORKING_DAYS).date;
      const notice = makeNotice(c.caseId, 'correction', seq, at, {
        missing: d.missing.map((code) => ({ code, name: names.get(code) })),
        reason: d.reason,
        dept: task.dept,
        answerBy: correctionDue,
      });
      // a correction never answered is closed after a configurable period (CORRECTION_WORKING_DAYS)
      const after: Case = { ...c, status: 'correction_required', correctionDue };
      return commitCase({
        before: file.case,
        after,
        event: { at, actor, action: 'request_correction', detail: { missing: d.missing, reason: d.reason, noticeId: notice.noticeId, answerBy: correctionDue } },
        completedTasks: [{ ...done, missing: d.missing, reason: d.reason }],
        notices: [notice],
      });
    }
    case 'reject':
    case 'return': {
      const to = d.decision === 'reject' ? 'rejected' : 'returned';
      assertTransition(c.status, to);
      const notice = makeNotice(c.caseId, d.decision === 'reject' ? 'rejection' : 'return', seq, at, { reason: d.reason, dept: task.dept });
      return commitCase({
        before: file.case,
        after: { ...c, status: to },
        event: { at, actor, action: d.decision, detail: { reason: d.reason, noticeId: notice.noticeId } },
        completedTasks: [{ ...done, reason: d.reason }],
        notices: [notice],
      });
    }
    default:
      throw unprocessable(`an acceptance task takes accept, correction, reject or return, not ${d.decision}`, [{ path: 'decision', message: 'not an acceptance decision' }]);
  }
}

async function decideReview(caller: Caller, file: CaseFile, task: Task, d: TaskDecision, at: string): Promise<Case> {
  if (d.decision !== 'approve' && d.decision !== 'deny') {
    throw unprocessable(`a review task takes approve or deny, not ${d.decision}`, [{ path: 'decision', message: 'not a review decision' }]);
  }
  const c = file.case;
  if (c.status !== 'in_review') throw conflict(`the case is ${c.status}, not in review`, { from: c.status, allowed: [] });
  const actor = actorOf(caller, caller.roles.includes('head') ? 'head' : 'handler');
  const done: Task = {
    ...task,
    status: 'done',
    decision: d.decision,
    ...(d.decision === 'approve' ? { opinion: d.opinion } : { reason: d.reason }),
    completedBy: actor,
    completedAt: at,
  };
  const reviews = file.tasks.filter((t) => t.kind === 'review');
  // N14 分头办理 → 统一反馈: the last department to decide moves the case on, exactly once (the
  // version condition makes concurrent deciders serialize; the loser re-reads and counts again)
  const allDecided = reviews.every((t) => t.taskId === task.taskId || t.status === 'done');
  const to: CaseStatus = allDecided ? 'decided' : 'in_review';
  assertTransition(c.status, to);
  return commitCase({
    before: c,
    after: { ...c, status: to, ...(allDecided ? { pendingWorkflow: 'unified_return' as const } : {}) },
    event: { at, actor, action: `review_${d.decision}`, detail: { taskId: task.taskId, dept: task.dept } },
    completedTasks: [done],
  });
}
