import type { SupervisionRule } from '../supervision-rule.ts';
import { canMove } from '../lifecycle.ts';

const ruleId = 'legality.transition';

/**
 * 流程合法性 [N20]: every step on the audit trail moves the case as the lifecycle allows [N14] (a
 * filing starts it as submitted; a step that moves nothing keeps its status). The steps refuse any
 * other move; this finds one written some other way.
 */
export const lifecycleTransition: SupervisionRule = {
  ruleId,
  level: 'red',
  category: 'legality',
  phase: 'during',
  article: '[N20]',
  description: '流程违规：办件状态的变化不符合办理流程（如未受理即作出决定）',
  check(c) {
    return c.file.events
      .filter((e) => (e.from === null ? e.to !== 'submitted' : e.from !== e.to && !canMove(e.from, e.to)))
      .map((e) => ({ ruleId, subject: String(e.seq), detail: `第 ${e.seq} 步（${e.action}）：${e.from ?? '无'} → ${e.to}` }));
  },
};
