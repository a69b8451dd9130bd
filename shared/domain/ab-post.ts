import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import type { Caller } from '../auth/caller.ts';
import { conflict, forbidden, unprocessable } from '../http/problem.ts';
import { dynamo, env } from '../storage/clients.ts';
import type { Task } from './case.ts';
import { commitCase } from './case-store.ts';
import { loadTask, stepRoles, withRetry } from './decisions.ts';
import { actorOf } from './intake.ts';
import type { AbsenceRequest } from './schemas.ts';

/**
 * AB岗 (H22 顶岗补位): a task taken by a member of staff is theirs to complete; when they are away, the
 * backup the department head named (B岗) acts in their place, and the head always may. The absence and
 * its backup are recorded by the head, with who recorded it and why.
 */
export interface Absence {
  dept: string;
  sub: string;
  backup: string;
  until: string;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

const absenceKey = (dept: string, sub: string) => ({ pk: `STAFF#${dept}`, sk: `ABSENCE#${sub}` });

export async function recordAbsence(caller: Caller, req: z.infer<typeof AbsenceRequest>, now = () => new Date()): Promise<Absence> {
  if (!caller.roles.includes('head') || !caller.dept) throw forbidden('absences and their backups are recorded by the department head');
  if (req.backup === req.sub) throw unprocessable('the backup is someone else', [{ path: 'backup', message: 'same as sub' }]);
  if (Date.parse(req.until) <= now().getTime()) throw unprocessable('until must be in the future', [{ path: 'until', message: 'in the past' }]);
  const a: Absence = { dept: caller.dept, ...req, recordedBy: caller.sub, recordedAt: now().toISOString() };
  await dynamo().send(new PutCommand({ TableName: env('CASES_TABLE'), Item: { ...absenceKey(caller.dept, req.sub), type: 'absence', ...a } }));
  return a;
}

async function absenceOf(dept: string, sub: string, at: Date): Promise<Absence | undefined> {
  const res = await dynamo().send(new GetCommand({ TableName: env('CASES_TABLE'), Key: absenceKey(dept, sub) }));
  const a = res.Item as Absence | undefined;
  return a && Date.parse(a.until) > at.getTime() ? a : undefined;
}

/** The caller may complete a task someone took: they took it, they are the head, or they back up the absent taker. */
export async function assertMayActOn(caller: Caller, task: Task, at: Date): Promise<void> {
  if (!task.assignee || task.assignee.sub === caller.sub || caller.roles.includes('head')) return;
  const away = await absenceOf(task.dept, task.assignee.sub, at);
  if (away?.backup === caller.sub) return;
  throw forbidden(`task ${task.taskId} was taken by ${task.assignee.name}; ${away ? `their backup is ${away.backup}` : 'they are not recorded as absent'}`);
}

/** 首问负责 for a task: the first of the department to take it. */
export async function claimTask(caller: Caller, taskId: string, now = () => new Date()) {
  return withRetry(taskId, async () => {
    const { file, task } = await loadTask(taskId);
    const roles = stepRoles(task);
    const role = roles.find((r) => caller.roles.includes(r));
    if (!role || caller.dept !== task.dept) throw forbidden('a task is taken by staff of its department in its step’s role');
    if (task.status !== 'open') throw conflict('the task has already been completed');
    if (task.assignee) {
      if (task.assignee.sub === caller.sub) return task;
      throw conflict(`the task has been taken by ${task.assignee.name}`, { assignee: task.assignee.sub });
    }
    const at = now().toISOString();
    const actor = actorOf(caller, role);
    const taken: Task = { ...task, assignee: actor };
    await commitCase({ before: file.case, after: file.case, event: { at, actor, action: 'claim_task', detail: { taskId } }, updatedTasks: [taken] });
    return taken;
  });
}
