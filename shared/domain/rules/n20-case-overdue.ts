import { dayAfter } from '../calendar.ts';
import type { SupervisionRule } from '../supervision-rule.ts';
import { runningClock } from './n20-deadline-near.ts';

const ruleId = 'timeliness.case_overdue';

/**
 * 超时 [N20]: a case not decided by the last working day of its promised limit. A stopped clock (a
 * special procedure) is not overdue: its deadline moves when the procedure ends.
 */
export const caseOverdue: SupervisionRule = {
  ruleId,
  level: 'red',
  category: 'timeliness',
  phase: 'during',
  article: '[N20]',
  description: '超时办理：超过承诺办理时限仍未办结',
  check(c) {
    const r = runningClock(c);
    if (!r || r.clock.paused || c.today <= r.deadline) return [];
    return [{ ruleId, deadline: r.deadline, detail: `应于 ${r.deadline} 前办结，已超时` }];
  },
  watch(c) {
    const r = runningClock(c);
    return r && !r.clock.paused && c.today <= r.deadline ? dayAfter(r.deadline) : undefined;
  },
};
