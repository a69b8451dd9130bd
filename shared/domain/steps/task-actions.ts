import { actorOf } from '../actor.ts';
import type { Caller } from '../caller.ts';
import type { Case, ClockAdjustments, OfflineStep, Task } from '../case.ts';
import { deadlineOf, NO_ADJUSTMENTS } from '../clock.ts';
import { Conflict } from '../errors.ts';
import { noticeIssuer } from '../notices.ts';
import type { Ports } from '../ports.ts';
import { assertExtensible } from '../rules/n20-one-extension.ts';
import { caseOfTask, type TaskPorts } from './complete-task.ts';
import { runCaseStep, type StepContext } from './run.ts';

/** 首问负责 [H10] [H22] for a task: the first of its department to take it answers for it; a taken task is theirs. */
export async function claimTask(ports: TaskPorts, caller: Caller, taskId: string): Promise<Task> {
  return runCaseStep(ports, { caseId: caseOfTask(taskId), taskId, caller, action: 'task.claim' }, ({ file, task, role, at }) => {
    const t = task!;
    if (t.status !== 'open') throw new Conflict('the task has already been completed');
    if (t.assignee) {
      if (t.assignee.sub === caller.sub) return { result: () => t };
      throw new Conflict(`the task has been taken by ${t.assignee.name}`, { extra: { assignee: t.assignee.sub } });
    }
    const actor = actorOf(caller, role);
    const taken: Task = { ...t, assignee: actor };
    return {
      change: { before: file.case, after: file.case, event: { at, actor, action: 'claim_task', detail: { taskId } }, updatedTasks: [taken] },
      result: () => taken,
    };
  });
}

/** What is done on a review task happens while it is open and its case in review. */
function openReview({ file, task }: StepContext): Task {
  if (task!.kind !== 'review' || task!.status !== 'open' || file.case.status !== 'in_review') {
    throw new Conflict('this is done on an open review task of a case in review', { from: file.case.status, allowed: [] });
  }
  return task!;
}

/** [N17] site inspections, expert reviews and hearings are recorded, as they happened, on the review task. */
export async function recordOfflineStep(ports: TaskPorts, caller: Caller, taskId: string, req: Pick<OfflineStep, 'kind' | 'startedAt' | 'endedAt' | 'result'>): Promise<OfflineStep> {
  return runCaseStep(ports, { caseId: caseOfTask(taskId), taskId, caller, action: 'task.offline_step' }, (ctx) => {
    const task = openReview(ctx);
    const actor = actorOf(caller, ctx.role);
    const step: OfflineStep = { ...req, recordedBy: actor, recordedAt: ctx.at };
    return {
      change: {
        before: ctx.file.case,
        after: ctx.file.case,
        event: { at: ctx.at, actor, action: `offline_${req.kind}`, detail: { taskId, startedAt: req.startedAt, endedAt: req.endedAt } },
        updatedTasks: [{ ...task, offlineSteps: [...(task.offlineSteps ?? []), step] }],
      },
      result: () => step,
    };
  });
}

/** 特别程序 (行政许可法 第四十五条) [N14]: a hearing, test or appraisal stops the clock until it ends, with a notice. */
export async function startSpecialProcedure(ports: TaskPorts, caller: Caller, taskId: string, req: { kind: string; reason: string }): Promise<Case> {
  return runCaseStep(ports, { caseId: caseOfTask(taskId), taskId, caller, action: 'task.special_procedure' }, (ctx) => {
    openReview(ctx);
    const c = ctx.file.case;
    const adj = c.clockAdjustments ?? NO_ADJUSTMENTS;
    if (adj.pause) throw new Conflict('a special procedure is already under way on this case', { extra: { since: adj.pause.startedAt } });
    const notice = noticeIssuer(c.caseId, ctx.file.notices.length, ctx.at)('special_procedure', { procedure: req.kind, reason: req.reason, dept: caller.dept });
    const after: Case = { ...c, clockAdjustments: { ...adj, pause: { kind: req.kind, reason: req.reason, startedAt: ctx.at, taskId } } };
    return { change: { before: c, after, event: { at: ctx.at, actor: actorOf(caller, ctx.role), action: 'pause_clock', detail: { kind: req.kind, taskId } }, notices: [notice] }, result: (s: Case) => s };
  });
}

/** The special procedure ends: its working days are added to the deadline [N14]. */
export async function endSpecialProcedure(ports: TaskPorts, caller: Caller, taskId: string, req: { result: string }): Promise<Case> {
  return runCaseStep(ports, { caseId: caseOfTask(taskId), taskId, caller, action: 'task.special_procedure' }, (ctx) => {
    openReview(ctx);
    const c = ctx.file.case;
    const adj = c.clockAdjustments ?? NO_ADJUSTMENTS;
    if (!adj.pause) throw new Conflict('no special procedure is under way on this case');
    const calendar = ports.calendar;
    const days = calendar.workingDaysBetween(adj.pause.startedAt, ctx.at);
    const next: ClockAdjustments = { pausedDays: adj.pausedDays + days, extensions: adj.extensions };
    const deadline = deadlineOf(c, next, calendar);
    const after: Case = { ...c, clockAdjustments: next, deadline: deadline.date, deadlineProvisional: deadline.provisional };
    return {
      change: { before: c, after, event: { at: ctx.at, actor: actorOf(caller, ctx.role), action: 'resume_clock', detail: { pausedDays: days, result: req.result, deadline: deadline.date } } },
      result: (s: Case) => s,
    };
  });
}

/** The head extends the time limit once, by up to ten working days, with a notice [N20] (行政许可法 第四十二条). */
export async function extendDeadline(ports: TaskPorts, caller: Caller, taskId: string, req: { days: number; reason: string }): Promise<Case> {
  return runCaseStep(ports, { caseId: caseOfTask(taskId), taskId, caller, action: 'task.extend' }, (ctx) => {
    openReview(ctx);
    const c = ctx.file.case;
    const adj = c.clockAdjustments ?? NO_ADJUSTMENTS;
    assertExtensible(adj, req.days);
    const next: ClockAdjustments = { ...adj, extensions: [{ days: req.days, reason: req.reason, approvedBy: caller.sub, at: ctx.at }] };
    const deadline = deadlineOf(c, next, ports.calendar);
    const notice = noticeIssuer(c.caseId, ctx.file.notices.length, ctx.at)('extension', { days: req.days, reason: req.reason, deadline: deadline.date, approvedBy: caller.name });
    const after: Case = { ...c, clockAdjustments: next, deadline: deadline.date, deadlineProvisional: deadline.provisional };
    return {
      change: { before: c, after, event: { at: ctx.at, actor: actorOf(caller, 'head'), action: 'extend', detail: { days: req.days, deadline: deadline.date } }, notices: [notice] },
      result: (s: Case) => s,
    };
  });
}
