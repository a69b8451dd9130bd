import { dayAfter } from '../calendar.ts';
import type { SupervisionRule } from '../supervision-rule.ts';

const ruleId = 'timeliness.follow_up_overdue';

/** 差评整改超时 [N21]: a bad evaluation's follow-up not answered by the department within its working days. */
export const followUpOverdue: SupervisionRule = {
  ruleId,
  level: 'red',
  category: 'timeliness',
  phase: 'after',
  article: '[N21]',
  description: '差评整改超时：差评未在规定工作日内整改答复',
  check(c) {
    const f = c.file.case.evaluation?.followUp;
    return f?.status === 'open' && c.today > f.due ? [{ ruleId, subject: c.file.case.evaluation!.evaluationId, deadline: f.due, detail: `评价 ${c.file.case.evaluation!.score} 分，应于 ${f.due} 前整改答复` }] : [];
  },
  watch(c) {
    const f = c.file.case.evaluation?.followUp;
    return f?.status === 'open' && c.today <= f.due ? dayAfter(f.due) : undefined;
  },
};
