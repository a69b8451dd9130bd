import type { SupervisionRule } from '../supervision-rule.ts';

const ruleId = 'content.correction_list';

/** 一次性告知 [H22]: a correction notice lists every material it asks for, by name, and the day to answer by. */
export const correctionList: SupervisionRule = {
  ruleId,
  level: 'red',
  category: 'content',
  phase: 'during',
  article: '[H22]',
  description: '补正告知不规范：补正通知书未一次性列明所需材料或补正期限',
  check(c) {
    return c.file.notices
      .filter((n) => n.kind === 'correction')
      .flatMap((n) => {
        const b = n.body as { missing?: { code?: string; name?: string }[]; answerBy?: string };
        const listed = Array.isArray(b.missing) && b.missing.length > 0 && b.missing.every((m) => m?.code && m?.name);
        const lacks = [...(listed ? [] : ['所需材料清单']), ...(b.answerBy ? [] : ['补正期限'])];
        return lacks.length ? [{ ruleId, subject: n.noticeId, detail: `${n.title}（${n.noticeId}）未载明${lacks.join('、')}` }] : [];
      });
  },
};
