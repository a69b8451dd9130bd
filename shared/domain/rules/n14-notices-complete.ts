import type { SupervisionRule } from '../supervision-rule.ts';
import type { NoticeKind } from '../case.ts';
import { isOpen } from '../lifecycle.ts';

const ruleId = 'completeness.notices';

/** The notice each step owes the applicant [N14]: a receipt for the filing, a notice for every decision, a delivery receipt for the result. */
const OWED: Record<string, NoticeKind[]> = {
  submit: ['receipt'],
  forward: ['acceptance'],
  request_correction: ['correction'],
  reject: ['rejection'],
  return: ['return'],
  close_unanswered_correction: ['return'],
  withdraw: ['withdrawal'],
  extend: ['extension'],
  pause_clock: ['special_procedure'],
  unified_return: ['decision', 'delivery'],
};

/** 文书完整性 [N14] [N20], after the case is closed: every notice its steps owed was issued. */
export const noticesComplete: SupervisionRule = {
  ruleId,
  level: 'red',
  category: 'completeness',
  phase: 'after',
  article: '[N14]',
  description: '文书缺失：办结的办件缺少应出具的回执、通知书或决定书',
  check(c) {
    if (isOpen(c.file.case.status)) return [];
    const owed = new Map<NoticeKind, number>();
    for (const e of c.file.events) for (const k of OWED[e.action] ?? []) owed.set(k, (owed.get(k) ?? 0) + 1);
    const missing = [...owed].filter(([kind, n]) => c.file.notices.filter((x) => x.kind === kind).length < n).map(([kind]) => kind);
    return missing.length ? [{ ruleId, detail: `办结时缺少文书：${missing.join('、')}` }] : [];
  },
};
