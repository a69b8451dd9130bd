import type { Caller } from '../caller.ts';
import type { Task } from '../case.ts';
import type { Absence } from '../staff.ts';

/**
 * AB岗 (顶岗补位) [H22]: a task taken by a member of staff is theirs to complete; while they are
 * recorded as away, the backup the head named (B岗) acts in their place; the head always may.
 * Returns why the caller may not, or undefined when they may.
 */
export function takenTaskRefusal(caller: Caller, task: Task, actingAs: string, takerAbsence: Absence | undefined, at: Date): string | undefined {
  const taker = task.assignee;
  if (!taker || taker.sub === caller.sub || actingAs === 'head') return undefined;
  const away = takerAbsence && Date.parse(takerAbsence.until) > at.getTime() ? takerAbsence : undefined;
  if (away?.backup === caller.sub) return undefined;
  return `task ${task.taskId} was taken by ${taker.name}; ${away ? `their backup is ${away.backup}` : 'they are not recorded as absent'}`;
}

/**
 * AB岗 at a window [H22]: a window the head gave to a clerk (A岗) calls its queue through that clerk;
 * while they are recorded as away, the backup the head named (B岗) calls in their place; the head
 * always may. A window given to nobody is any of the hall's clerks'. Returns why not, or undefined.
 */
export function windowCallRefusal(caller: Pick<Caller, 'sub'>, window: { windowId: string; clerk?: { sub: string; name?: string } }, actingAs: string, clerkAbsence: Absence | undefined, at: Date): string | undefined {
  const a = window.clerk;
  if (!a || a.sub === caller.sub || actingAs === 'head') return undefined;
  const away = clerkAbsence && Date.parse(clerkAbsence.until) > at.getTime() ? clerkAbsence : undefined;
  if (away?.backup === caller.sub) return undefined;
  return `${window.windowId} is ${a.name ?? a.sub}'s window; ${away ? `their backup is ${away.backup}` : 'they are not recorded as absent'}`;
}
