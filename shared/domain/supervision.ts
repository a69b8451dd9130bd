import { alertIdOf, guideAlertIdOf, type Alert, type Finding } from './alert.ts';
import type { Matter } from './matter.ts';
import { hallOf } from './rules/h8-single-window.ts';
import { missingGuideFields } from './rules/n20-guide-completeness.ts';
import { type CaseCheck, type SupervisionRule } from './supervision-rule.ts';
import type { CaseFile } from './case-file.ts';
import { correctionList } from './rules/h22-correction-list.ts';
import { correctionUnexamined } from './rules/h22-correction-unexamined.ts';
import { acceptanceLate } from './rules/n14-acceptance-late.ts';
import { appealRights } from './rules/n14-appeal-rights.ts';
import { noticesComplete } from './rules/n14-notices-complete.ts';
import { caseOverdue } from './rules/n20-case-overdue.ts';
import { deadlineNear } from './rules/n20-deadline-near.ts';
import { decisionReason } from './rules/n20-decision-reason.ts';
import { decisionRole } from './rules/n20-decision-role.ts';
import { extensionApproval } from './rules/n20-extension-approval.ts';
import { lifecycleTransition } from './rules/n20-lifecycle-transition.ts';
import { reviewLate } from './rules/n20-review-late.ts';
import { followUpOverdue } from './rules/n21-follow-up-overdue.ts';

/**
 * The e-supervision rules [N20] (电子监察规则): timeliness, legality, completeness and standard
 * content, each one file with its test. `GET /v1/supervision/rules` lists them.
 */
export const SUPERVISION_RULES: readonly SupervisionRule[] = [
  deadlineNear,
  caseOverdue,
  acceptanceLate,
  correctionUnexamined,
  reviewLate,
  followUpOverdue,
  lifecycleTransition,
  decisionRole,
  decisionReason,
  extensionApproval,
  noticesComplete,
  correctionList,
  appealRights,
];

const byId = new Map(SUPERVISION_RULES.map((r) => [r.ruleId, r]));

/** What every rule finds wrong with the case as it stands. */
export const findingsOf = (c: CaseCheck): Finding[] => SUPERVISION_RULES.flatMap((r) => r.check(c));

/** The first day after today on which time alone can change a finding; none when only a step can. */
export function nextWatch(c: CaseCheck): string | undefined {
  const dates = SUPERVISION_RULES.map((r) => r.watch?.(c)).filter((d): d is string => !!d && d > c.today);
  return dates.sort()[0];
}

/** The department a finding is for: the task it names, else the accepting department. */
function deptOf(file: CaseFile, f: Finding): string {
  return file.tasks.find((t) => t.taskId === f.subject)?.dept ?? file.case.acceptingDept;
}

type Settled = { raise: Alert[]; clear: Alert[] };

/**
 * Alerts raised once, cleared when their cause goes, kept: an alert for every one due that was not
 * raised before (one cleared is not raised again), and every open one in scope no longer due cleared.
 */
function settle(due: ReadonlyMap<string, () => Alert>, existing: readonly Alert[], inScope: (a: Alert) => boolean, at: string): Settled {
  const known = new Set(existing.map((a) => a.alertId));
  const raise = [...due].filter(([id]) => !known.has(id)).map(([, make]) => make());
  const clear = existing.filter((a) => a.status === 'open' && inScope(a) && !due.has(a.alertId)).map((a): Alert => ({ ...a, status: 'cleared', clearedAt: at }));
  return { raise, clear };
}

/** What to write so the case's alerts say what the rules find now. */
export function reconcileAlerts(file: CaseFile, existing: readonly Alert[], findings: readonly Finding[], at: string): Settled {
  const c = file.case;
  const alertOf = (alertId: string, f: Finding) => (): Alert => {
    const rule = byId.get(f.ruleId)!;
    const dept = deptOf(file, f);
    return {
      alertId,
      caseId: c.caseId,
      level: rule.level,
      rule: rule.ruleId,
      category: rule.category,
      article: rule.article,
      ...(f.subject ? { subject: f.subject } : {}),
      detail: f.detail,
      ...(f.deadline ? { deadline: f.deadline } : {}),
      dept,
      region: hallOf(dept) ?? c.region,
      matterCode: c.matterCode,
      status: 'open',
      raisedAt: at,
    };
  };
  const due = new Map(findings.map((f) => {
    const alertId = alertIdOf(c.caseId, f.ruleId, f.subject);
    return [alertId, alertOf(alertId, f)] as const;
  }));
  return settle(due, existing, () => true, at);
}

/**
 * 事前 [N20]: a published service guide without the fields an applicant needs (./rules/n20-guide-completeness.ts),
 * checked for every version a catalog change writes.
 */
export const GUIDE_RULE = { ruleId: 'completeness.guide', level: 'yellow', category: 'completeness', phase: 'before', article: '[N20]', description: '办事指南要素不全：已公布的办事指南缺少申请条件、材料、流程、收费、依据、地点、时间或电话等要素' } as const;

/**
 * What to write so the guides a change touched have the alerts their completeness calls for: one for
 * each published version that lacks a field, and every open alert of an earlier version of those
 * matters (or of one withdrawn) cleared.
 */
export function reconcileGuideAlerts(matters: readonly Matter[], open: readonly Alert[], at: string): Settled {
  const due = new Map(
    matters
      .filter((m) => m.status === 'published')
      .map((m) => ({ m, missing: missingGuideFields(m) }))
      .filter((x) => x.missing.length)
      .map(({ m, missing }) => {
        const alertId = guideAlertIdOf(m.code, m.version);
        const make = (): Alert => ({ alertId, level: GUIDE_RULE.level, rule: GUIDE_RULE.ruleId, category: GUIDE_RULE.category, article: GUIDE_RULE.article, subject: `${m.code}@v${m.version}`, detail: `${m.name}（第 ${m.version} 版）缺少：${missing.join('、')}`, dept: m.dept, region: hallOf(m.dept) ?? m.region, matterCode: m.code, status: 'open', raisedAt: at });
        return [alertId, make] as const;
      }),
  );
  const touched = new Set(matters.map((m) => m.code));
  return settle(due, open, (a) => !a.caseId && touched.has(a.matterCode), at);
}

/** The rules as the API lists them: the guide's, then every case rule. */
export const ruleList = () => [GUIDE_RULE, ...SUPERVISION_RULES].map((r) => ({ ruleId: r.ruleId, level: r.level, category: r.category, phase: r.phase, article: r.article, description: r.description }));
