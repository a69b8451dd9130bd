import type { AlertLevel, Finding, RuleCategory, RulePhase } from './alert.ts';
import type { WorkingDayCalendar } from './calendar.ts';
import type { CaseFile } from './case-file.ts';

/** What a rule reads: the case file as it stands, today's date in Beijing, and the deployment's settings. */
export interface CaseCheck {
  file: CaseFile;
  now: Date;
  /** YYYY-MM-DD, Asia/Shanghai */
  today: string;
  calendar: WorkingDayCalendar;
  settings: SupervisionSettings;
}

export interface SupervisionSettings {
  /** the share of its promised working days a case may use before a yellow alert (0 < share < 1) */
  yellowShare: number;
}

/** An e-supervision rule [N20]: its id, level, article, and what it checks. */
export interface SupervisionRule {
  ruleId: string;
  level: AlertLevel;
  category: RuleCategory;
  phase: RulePhase;
  /** the article it implements, as the regulation is cited: `[N20]` */
  article: string;
  description: string;
  check(c: CaseCheck): Finding[];
  /**
   * The first date after today on which this rule's finding can change by time alone (a deadline
   * passing); none when only a step of the case can change it. The sweeper looks at the case again then.
   */
  watch?(c: CaseCheck): string | undefined;
}
