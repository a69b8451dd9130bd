import type { SupervisionRule } from '../supervision-rule.ts';
import type { Notice } from '../case.ts';

const ruleId = 'content.appeal_rights';

/** The notices that decide against the applicant: a rejection, and a decision that does not approve. */
const adverse = (n: Notice) => n.kind === 'rejection' || (n.kind === 'decision' && (n.body as { outcome?: string }).outcome !== 'approved');

/**
 * 救济权利告知 [N14]: a notice that decides against the applicant states the reason and the rights of
 * administrative review and litigation (行政许可法 第三十八条), in the notice itself.
 */
export const appealRights: SupervisionRule = {
  ruleId,
  level: 'red',
  category: 'content',
  phase: 'during',
  article: '[N14]',
  description: '未告知救济权利：不予受理或不予许可的文书未载明申请行政复议、提起行政诉讼的权利',
  check(c) {
    return c.file.notices.filter(adverse).flatMap((n) => {
      const rights = String((n.body as { rights?: unknown }).rights ?? '');
      return rights.includes('行政复议') && rights.includes('行政诉讼') ? [] : [{ ruleId, subject: n.noticeId, detail: `${n.title}（${n.noticeId}）未告知申请行政复议、提起行政诉讼的权利` }];
    });
  },
};
