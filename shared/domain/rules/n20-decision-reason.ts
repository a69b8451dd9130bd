import type { SupervisionRule } from '../supervision-rule.ts';

const ruleId = 'legality.reason';
/** the decisions that must say why (行政许可法 第三十二条, 第三十八条), and the one-time list a correction names [H22] */
const NEEDS_REASON = new Set(['reject', 'return', 'review_deny', 'request_correction']);

const blank = (v: unknown) => typeof v !== 'string' || !v.trim();

/** 决定说理 [N20]: a rejection, a return, a denial or a correction request on the audit trail without its reason (or, for a correction, the materials it asks for). */
export const decisionReason: SupervisionRule = {
  ruleId,
  level: 'red',
  category: 'legality',
  phase: 'during',
  article: '[N20]',
  description: '决定未说明理由：不予受理、退件、不予许可或补正决定未载明理由（补正未列明所需材料）',
  check(c) {
    return c.file.events
      .filter((e) => NEEDS_REASON.has(e.action))
      .flatMap((e) => {
        const d = (e.detail ?? {}) as { reason?: unknown; missing?: unknown };
        const lacks = [...(blank(d.reason) ? ['理由'] : []), ...(e.action === 'request_correction' && !(Array.isArray(d.missing) && d.missing.length) ? ['所需补正材料'] : [])];
        return lacks.length ? [{ ruleId, subject: String(e.seq), detail: `第 ${e.seq} 步（${e.action}）未载明${lacks.join('、')}` }] : [];
      });
  },
};
