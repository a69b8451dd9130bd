import { dayAfter } from '../calendar.ts';
import type { CaseCheck, SupervisionRule } from '../supervision-rule.ts';
import { clockOf } from '../clock.ts';

const ruleId = 'timeliness.deadline_near';

/** The cases whose promised time limit runs: accepted and not yet decided, with a deadline [N14]. */
export function runningClock(c: CaseCheck) {
  const k = c.file.case;
  if (!k.acceptedAt || !k.deadline || !['accepted', 'in_review', 'decided'].includes(k.status)) return undefined;
  return { case: k, deadline: k.deadline, clock: clockOf(k, c.now, c.calendar) };
}

/** Working days of the limit a case may use before the warning: the share of its promise and extensions, rounded up. */
export const yellowThreshold = (promiseDays: number, extensionDays: number, share: number) => Math.ceil(share * (promiseDays + extensionDays));

/**
 * 时效预警 [N20]: a case that has used the configured share of its promised working days (extensions
 * included) and is not yet overdue. While a special procedure stops the clock nothing is used.
 */
export const deadlineNear: SupervisionRule = {
  ruleId,
  level: 'yellow',
  category: 'timeliness',
  phase: 'during',
  article: '[N20]',
  description: '办理时限预警：已用承诺办理时限（含延长）的设定比例，尚未办结',
  check(c) {
    const r = runningClock(c);
    if (!r || r.case.promiseDays === 0 || c.today > r.deadline) return [];
    const limit = yellowThreshold(r.case.promiseDays, r.clock.extensionDays, c.settings.yellowShare);
    if (r.clock.usedWorkingDays < limit) return [];
    return [{ ruleId, deadline: r.deadline, detail: `已用 ${r.clock.usedWorkingDays} 个工作日，承诺 ${r.case.promiseDays + r.clock.extensionDays} 个，应于 ${r.deadline} 前办结` }];
  },
  watch(c) {
    const r = runningClock(c);
    if (!r || r.case.promiseDays === 0 || r.clock.paused || c.today > r.deadline) return undefined;
    const limit = yellowThreshold(r.case.promiseDays, r.clock.extensionDays, c.settings.yellowShare);
    // the day the used working days reach the threshold; once reached, the day it turns red instead
    if (r.clock.usedWorkingDays >= limit) return dayAfter(r.deadline);
    return c.calendar.addWorkingDays(r.case.acceptedAt!, limit + r.clock.pausedDays).date;
  },
};
