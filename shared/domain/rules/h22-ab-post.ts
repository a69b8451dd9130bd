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
