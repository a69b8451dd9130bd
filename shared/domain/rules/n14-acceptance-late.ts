import { dayAfter } from '../calendar.ts';
import type { CaseCheck, SupervisionRule } from '../supervision-rule.ts';
import type { Task } from '../case.ts';

const ruleId = 'timeliness.acceptance_late';

/** The acceptance task a submitted case waits on, and whether it is the first (not a re-examination after a correction). */
export function openAcceptance(c: CaseCheck): { task: Task; first: boolean } | undefined {
  if (c.file.case.status !== 'submitted') return undefined;
  const acceptance = c.file.tasks.filter((t) => t.kind === 'acceptance');
  const task = acceptance.find((t) => t.status === 'open');
  return task ? { task, first: acceptance.indexOf(task) === 0 } : undefined;
}

/**
 * An acceptance decision past the limit the case's `acceptBy` sets: for the first acceptance task, or
 * for one a correction's answer opened. Both rules are this check on their own task.
 */
export function lateAcceptance(ruleId: string, first: boolean, detail: (by: string) => string): Pick<SupervisionRule, 'check' | 'watch'> {
  const open = (c: CaseCheck) => {
    const o = openAcceptance(c);
    return o && o.first === first ? o : undefined;
  };
  return {
    check(c) {
      const o = open(c);
      const by = c.file.case.acceptBy;
      return o && c.today > by ? [{ ruleId, subject: o.task.taskId, deadline: by, detail: detail(by) }] : [];
    },
    watch(c) {
      return open(c) && c.today <= c.file.case.acceptBy ? dayAfter(c.file.case.acceptBy) : undefined;
    },
  };
}

/**
 * 受理超时 [N14]: an application not accepted, corrected, rejected or returned within the five working
 * days the acceptance limit allows (行政许可法 第三十二条).
 */
export const acceptanceLate: SupervisionRule = {
  ruleId,
  level: 'red',
  category: 'timeliness',
  phase: 'during',
  article: '[N14]',
  description: '受理超时：收件后五个工作日内未作出受理、补正、不予受理或退件决定',
  ...lateAcceptance(ruleId, true, (by) => `应于 ${by} 前作出是否受理的决定`),
};
