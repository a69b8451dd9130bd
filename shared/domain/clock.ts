import type * as z from 'zod/mini';
import type { Caller } from '../auth/caller.ts';
import { CALENDAR, workingDaysBetween, type Deadline, type WorkingDayCalendar } from '../calendar/working-days.ts';
import { conflict, unprocessable } from '../http/problem.ts';
import type { Case, ClockAdjustments } from './case.ts';
import { commitCase } from './case-store.ts';
import { loadOpenReview, withRetry } from './decisions.ts';
import { actorOf } from './intake.ts';
import { makeNotice } from './notices.ts';
import type { ExtensionRequest, SpecialProcedureEnd, SpecialProcedureRequest } from './schemas.ts';

const NONE: ClockAdjustments = { pausedDays: 0, extensions: [] };

/**
 * The promised time limit (承诺时限, N14/N20) as a clock: deadline = acceptance + promised working days
 * + working days spent in special procedures + extensions approved by the department head.
 */
export function deadlineOf(c: Case, adj: ClockAdjustments, calendar: WorkingDayCalendar = CALENDAR): Deadline {
  const extra = adj.pausedDays + adj.extensions.reduce((n, e) => n + e.days, 0);
  return calendar.addWorkingDays(c.acceptedAt!, c.promiseDays + extra);
}

/**
 * A deadline counted past the last year the calendar knew (weekends only) is counted again once a
 * calendar that knows that year is deployed. Returns the new deadline, or undefined when nothing changes.
 */
export function recomputedDeadline(c: Case, calendar: WorkingDayCalendar = CALENDAR): Deadline | undefined {
  if (!c.deadlineProvisional || !c.acceptedAt) return undefined;
  const next = deadlineOf(c, c.clockAdjustments ?? NONE, calendar);
  return next.date === c.deadline && next.provisional ? undefined : next;
}


export async function startSpecialProcedure(caller: Caller, taskId: string, req: z.infer<typeof SpecialProcedureRequest>, now = () => new Date()) {
  return withRetry(taskId, async () => {
    const { file } = await loadOpenReview(caller, taskId, ['handler', 'head']);
    const c = file.case;
    const adj = c.clockAdjustments ?? NONE;
    if (adj.pause) throw conflict('a special procedure is already under way on this case', { since: adj.pause.startedAt });
    const at = now().toISOString();
    const actor = actorOf(caller, caller.roles.includes('head') ? 'head' : 'handler');
    const notice = makeNotice(c.caseId, 'special_procedure', file.notices.length + 1, at, { procedure: req.kind, reason: req.reason, dept: caller.dept });
    const after: Case = { ...c, clockAdjustments: { ...adj, pause: { kind: req.kind, reason: req.reason, startedAt: at, taskId } } };
    return commitCase({ before: c, after, event: { at, actor, action: 'pause_clock', detail: { kind: req.kind, taskId } }, notices: [notice] });
  });
}

export async function endSpecialProcedure(caller: Caller, taskId: string, req: z.infer<typeof SpecialProcedureEnd>, now = () => new Date()) {
  return withRetry(taskId, async () => {
    const { file } = await loadOpenReview(caller, taskId, ['handler', 'head']);
    const c = file.case;
    const adj = c.clockAdjustments ?? NONE;
    if (!adj.pause) throw conflict('no special procedure is under way on this case');
    const at = now().toISOString();
    const days = workingDaysBetween(adj.pause.startedAt, at);
    const next: ClockAdjustments = { pausedDays: adj.pausedDays + days, extensions: adj.extensions };
    const deadline = deadlineOf(c, next);
    const after: Case = { ...c, clockAdjustments: next, deadline: deadline.date, deadlineProvisional: deadline.provisional };
    const actor = actorOf(caller, caller.roles.includes('head') ? 'head' : 'handler');
    return commitCase({ before: c, after, event: { at, actor, action: 'resume_clock', detail: { pausedDays: days, result: req.result, deadline: deadline.date } } });
  });
}

export async function extendDeadline(caller: Caller, taskId: string, req: z.infer<typeof ExtensionRequest>, now = () => new Date()) {
  return withRetry(taskId, async () => {
    const { file } = await loadOpenReview(caller, taskId, ['head']);
    const c = file.case;
    const adj = c.clockAdjustments ?? NONE;
    // 行政许可法 第四十二条: one extension of at most ten working days, approved by the head
    if (adj.extensions.length) throw unprocessable('the time limit has already been extended once', [{ path: 'days', message: 'one extension per case' }]);
    const at = now().toISOString();
    const next: ClockAdjustments = { ...adj, extensions: [{ days: req.days, reason: req.reason, approvedBy: caller.sub, at }] };
    const deadline = deadlineOf(c, next);
    const notice = makeNotice(c.caseId, 'extension', file.notices.length + 1, at, { days: req.days, reason: req.reason, deadline: deadline.date, approvedBy: caller.name });
    const after: Case = { ...c, clockAdjustments: next, deadline: deadline.date, deadlineProvisional: deadline.provisional };
    return commitCase({
      before: c,
      after,
      event: { at, actor: actorOf(caller, 'head'), action: 'extend', detail: { days: req.days, deadline: deadline.date } },
      notices: [notice],
    });
  });
}
