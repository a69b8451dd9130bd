import { dayAfter } from '../calendar.ts';
import type { CaseCheck, SupervisionRule } from '../supervision-rule.ts';

const ruleId = 'timeliness.review_late';

/** Open review tasks with the last day of their step, while the case's clock runs. */
const running = (c: CaseCheck) => (c.file.case.status === 'in_review' && !c.file.case.clockAdjustments?.pause ? c.file.tasks.filter((t) => t.kind === 'review' && t.status === 'open' && t.stepDue) : []);

/**
 * 环节超时 [N20]: a department's review task past the working days the matter's 审查 step allows
 * (set on the task when the case is forwarded), though the case itself may still be in time.
 */
export const reviewLate: SupervisionRule = {
  ruleId,
  level: 'yellow',
  category: 'timeliness',
  phase: 'during',
  article: '[N20]',
  description: '审查环节超时：部门审查超过办事指南规定的环节时限',
  check(c) {
    return running(c)
      .filter((t) => c.today > t.stepDue!)
      .map((t) => ({ ruleId, subject: t.taskId, deadline: t.stepDue, detail: `${t.dept} 的审查应于 ${t.stepDue} 前完成` }));
  },
  watch(c) {
    const next = running(c)
      .filter((t) => c.today <= t.stepDue!)
      .map((t) => dayAfter(t.stepDue!))
      .sort();
    return next[0];
  },
};
