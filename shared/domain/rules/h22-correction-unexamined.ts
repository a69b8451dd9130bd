import type { SupervisionRule } from '../supervision-rule.ts';
import { lateAcceptance } from './n14-acceptance-late.ts';

const ruleId = 'timeliness.correction_unexamined';

/**
 * 补正未审 [H22]: materials supplied after a one-time correction notice, not examined again within the
 * acceptance limit the resubmission set.
 */
export const correctionUnexamined: SupervisionRule = {
  ruleId,
  level: 'red',
  category: 'timeliness',
  phase: 'during',
  article: '[H22]',
  description: '补正材料未及时审查：申请人补齐补正后，未在受理时限内重新作出决定',
  ...lateAcceptance(ruleId, false, (by) => `补正材料应于 ${by} 前审查并作出决定`),
};
