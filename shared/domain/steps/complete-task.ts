import { actorOf } from '../actor.ts';
import type { Caller } from '../caller.ts';
import type { Case, CaseStatus, Task } from '../case.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { caseIdOf } from '../ids.ts';
import { assertTransition } from '../lifecycle.ts';
import { APPEAL_RIGHTS, noticeIssuer } from '../notices.ts';
import type { CaseMetric, Ports } from '../ports.ts';
import { unknownMissing } from '../rules/h22-one-time-correction.ts';
import { acceptanceWindow } from '../rules/n14-deemed-acceptance.ts';
import { runCaseStep, type Outcome, type StepContext, type StepPorts } from './run.ts';

/** A decision on a task (API.md `POST /v1/tasks/{taskId}/complete`). */
export type TaskDecision =
  | { decision: 'accept' }
  | { decision: 'correction'; missing: string[]; reason: string }
  | { decision: 'reject'; reason: string }
  | { decision: 'return'; reason: string }
  | { decision: 'approve'; opinion?: string }
  | { decision: 'deny'; reason: string };

export type TaskPorts = StepPorts & Pick<Ports, 'workflows' | 'calendar'>;

/** The case a task id belongs to; a task id that is not of a task is no task at all. */
export function caseOfTask(taskId: string): string {
  const caseId = caseIdOf(taskId, ['A', 'R']);
  if (!caseId) throw new NotFound(`there is no task ${taskId}`);
  return caseId;
}

const COUNTED: Partial<Record<CaseStatus, CaseMetric>> = { accepted: 'CaseAccepted', correction_required: 'CaseCorrectionRequested', rejected: 'CaseRejected', returned: 'CaseReturned' };

/** Completes an acceptance or review task with a decision [N14]; returns the case's new status. */
export async function completeTask(
  ports: TaskPorts & Pick<Ports, 'catalog' | 'settings'>,
  caller: Caller,
  taskId: string,
  d: TaskDecision,
): Promise<{ caseId: string; status: CaseStatus; taskId: string }> {
  const caseId = caseOfTask(taskId);
  return runCaseStep(ports, { caseId, taskId, caller, action: 'task.complete' }, async (ctx) => {
    const task = ctx.task!;
    if (task.status !== 'open') throw new Conflict('the task has already been completed', { extra: { completedAt: task.completedAt } });
    const outcome = task.kind === 'acceptance' ? await decideAcceptance(ports, caller, ctx, task, d) : decideReview(caller, ctx, task, d);
    return { ...outcome, result: (saved: Case) => ({ caseId, status: saved.status, taskId }) };
  });
}

type Decided = Omit<Outcome<unknown>, 'result'>;

async function decideAcceptance(ports: Pick<Ports, 'catalog' | 'settings' | 'clock' | 'calendar'>, caller: Caller, { file, role, at }: StepContext, task: Task, d: TaskDecision): Promise<Decided> {
  const before = file.case;
  const actor = actorOf(caller, role);
  // 首问负责 [H10] [H22]: the first clerk to decide on the case stays responsible for it
  const c: Case = { ...before, responsible: before.responsible ?? actor };
  const done: Task = { ...task, status: 'done', decision: d.decision, completedBy: actor, completedAt: at };
  const issue = noticeIssuer(c.caseId, file.notices.length, at);
  const calendar = ports.calendar;
  const counted = (to: CaseStatus, change: Decided['change']): Decided => ({ change, metrics: COUNTED[to] ? [COUNTED[to]!] : [] });
  switch (d.decision) {
    case 'accept': {
      assertTransition(c.status, 'accepted');
      // [N14] the promised time limit runs from acceptance, in working days; a late acceptance counts
      // from receipt (deemed accepted, 行政许可法 第三十二条)
      const { late, clockStart } = acceptanceWindow(c, at);
      const deadline = calendar.addWorkingDays(clockStart, c.promiseDays);
      const after: Case = { ...c, status: 'accepted', acceptedAt: clockStart, deadline: deadline.date, deadlineProvisional: deadline.provisional, pendingWorkflow: 'forwarding' };
      return counted('accepted', { before, after, event: { at, actor, action: 'accept', detail: { deadline: deadline.date, ...(late ? { deemedFrom: clockStart } : {}) } }, completedTasks: [done] });
    }
    case 'correction': {
      assertTransition(c.status, 'correction_required');
      // [H22] and 行政许可法 第三十二条: the one-time correction notice is due within the 5 working days
      if (acceptanceWindow(c, at).late) {
        throw new Conflict(`the correction notice was due by ${c.acceptBy}; the case now counts as accepted from receipt`, { from: c.status, allowed: ['accepted', 'rejected', 'returned'] });
      }
      const matter = await ports.catalog.getMatter(c.matterCode, c.matterVersion);
      if (!matter) throw new Error(`matter ${c.matterCode} v${c.matterVersion} is gone from the catalog`);
      const unknown = unknownMissing(matter, d.missing);
      if (unknown.length) throw new Invalid(`the matter has no material ${unknown.join(', ')}`, unknown.map((code) => ({ path: 'missing', message: `unknown material ${code}` })));
      const names = new Map(matter.materials.map((m) => [m.code, m.name]));
      // [H22] 一次性告知: one notice lists everything missing, at once; a correction never answered is
      // closed after the deployment's correctionWorkingDays
      const correctionDue = calendar.addWorkingDays(at, ports.settings.correctionWorkingDays).date;
      const notice = issue('correction', { missing: d.missing.map((code) => ({ code, name: names.get(code) })), reason: d.reason, dept: task.dept, answerBy: correctionDue });
      return counted('correction_required', {
        before,
        after: { ...c, status: 'correction_required', correctionDue },
        event: { at, actor, action: 'request_correction', detail: { missing: d.missing, reason: d.reason, noticeId: notice.noticeId, answerBy: correctionDue } },
        completedTasks: [{ ...done, missing: d.missing, reason: d.reason }],
        notices: [notice],
      });
    }
    case 'reject':
    case 'return': {
      const to = d.decision === 'reject' ? 'rejected' : 'returned';
      assertTransition(c.status, to);
      const notice = issue(d.decision === 'reject' ? 'rejection' : 'return', { reason: d.reason, dept: task.dept, ...(d.decision === 'reject' ? { rights: APPEAL_RIGHTS } : {}) });
      return counted(to, {
        before,
        after: { ...c, status: to },
        event: { at, actor, action: d.decision, detail: { reason: d.reason, noticeId: notice.noticeId } },
        completedTasks: [{ ...done, reason: d.reason }],
        notices: [notice],
      });
    }
    default:
      throw new Invalid(`an acceptance task takes accept, correction, reject or return, not ${d.decision}`, [{ path: 'decision', message: 'not an acceptance decision' }]);
  }
}

function decideReview(caller: Caller, { file, role, at }: StepContext, task: Task, d: TaskDecision): Decided {
  if (d.decision !== 'approve' && d.decision !== 'deny') {
    throw new Invalid(`a review task takes approve or deny, not ${d.decision}`, [{ path: 'decision', message: 'not a review decision' }]);
  }
  const c = file.case;
  if (c.status !== 'in_review') throw new Conflict(`the case is ${c.status}, not in review`, { from: c.status, allowed: [] });
  const actor = actorOf(caller, role);
  const done: Task = { ...task, status: 'done', decision: d.decision, ...(d.decision === 'approve' ? { opinion: d.opinion } : { reason: d.reason }), completedBy: actor, completedAt: at };
  // [N14] 分头办理 → 统一反馈: the last department to decide moves the case on, exactly once (the
  // version condition makes concurrent deciders serialize; the loser reads again and counts again)
  const allDecided = file.tasks.filter((t) => t.kind === 'review').every((t) => t.taskId === task.taskId || t.status === 'done');
  const to: CaseStatus = allDecided ? 'decided' : 'in_review';
  assertTransition(c.status, to);
  return {
    change: {
      before: c,
      after: { ...c, status: to, ...(allDecided ? { pendingWorkflow: 'unified_return' as const } : {}) },
      event: { at, actor, action: `review_${d.decision}`, detail: { taskId: task.taskId, dept: task.dept, ...(d.decision === 'deny' ? { reason: d.reason } : {}) } },
      completedTasks: [done],
    },
  };
}
