/** 电子监察 [N20]: a yellow alert warns (预警), a red one reports a breach (红牌). */
export type AlertLevel = 'yellow' | 'red';
/** what a rule watches, in the words of [N20]: 完整性, 时效性, 合法性, 内容规范性 */
export type RuleCategory = 'timeliness' | 'legality' | 'completeness' | 'content';
/** when in a case's life it applies [N20]: 事前 (the guide), 事中 (while handled), 事后 (once closed) */
export type RulePhase = 'before' | 'during' | 'after';

/** What the rule finds wrong, of one case: once per subject (a task, a notice, an event), or once for the case. */
export interface Finding {
  ruleId: string;
  /** what in the case it is about (a task id, a notice id, an event's seq); none: the case itself */
  subject?: string;
  detail: string;
  /** the date the case or task was due by, for the timeliness rules */
  deadline?: string;
}

export type AlertStatus = 'open' | 'cleared';

/** An alert as raised, kept once cleared (API.md `GET /v1/supervision/alerts`). */
export interface Alert {
  alertId: string;
  /** the case it is about; none for an alert on a service guide (事前) */
  caseId?: string;
  level: AlertLevel;
  rule: string;
  category: RuleCategory;
  article: string;
  subject?: string;
  detail: string;
  deadline?: string;
  /** the department that answers for it: the task's, else the accepting department */
  dept: string;
  region: string;
  matterCode: string;
  status: AlertStatus;
  raisedAt: string;
  clearedAt?: string;
}

/** A service guide's alert [N20] 事前: one per version of the matter that is incomplete. */
export const guideAlertIdOf = (matterCode: string, version: number) => `${matterCode}@v${version}~completeness.guide`;

/** An alert's id: its case, its rule and its subject; the same finding is the same alert, so it is raised once. */
export const alertIdOf = (caseId: string, ruleId: string, subject?: string) => `${caseId}~${ruleId}${subject ? `~${subject}` : ''}`;
