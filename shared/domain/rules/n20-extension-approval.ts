import type { SupervisionRule } from '../supervision-rule.ts';
import { MAX_EXTENSION_DAYS } from './n20-one-extension.ts';

const ruleId = 'legality.extension';

/**
 * 延期合法性 [N20]: a time limit extended only by the head of the department, once, by at most ten
 * working days (行政许可法 第四十二条).
 */
export const extensionApproval: SupervisionRule = {
  ruleId,
  level: 'red',
  category: 'legality',
  phase: 'during',
  article: '[N20]',
  description: '违规延期：延长办理时限未经负责人批准、超过十个工作日或多次延长',
  check(c) {
    const extensions = c.file.events.filter((e) => e.action === 'extend');
    return extensions.flatMap((e, i) => {
      const days = Number((e.detail as { days?: unknown } | undefined)?.days);
      const wrong = [...(e.actor.role !== 'head' ? [`由 ${e.actor.role} 而非负责人批准`] : []), ...(!(days > 0 && days <= MAX_EXTENSION_DAYS) ? [`延长 ${days} 个工作日`] : []), ...(i > 0 ? ['再次延长'] : [])];
      return wrong.length ? [{ ruleId, subject: String(e.seq), detail: `第 ${e.seq} 步延期：${wrong.join('，')}` }] : [];
    });
  },
};
