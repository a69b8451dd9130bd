import type { Case, ClockAdjustments } from './case.ts';
import { shanghaiDate, type Deadline, type WorkingDayCalendar } from './calendar.ts';

export const NO_ADJUSTMENTS: ClockAdjustments = { pausedDays: 0, extensions: [] };

/** Working days to decide on acceptance, or to issue the one-time correction notice [N14] (行政许可法 第三十二条). */
export const ACCEPTANCE_WORKING_DAYS = 5;

/**
 * The promised time limit (承诺时限) as a clock [N14] [N20]: deadline = acceptance + promised working
 * days + working days spent in special procedures + extensions approved by the department head.
 */
export function deadlineOf(c: Pick<Case, 'acceptedAt' | 'promiseDays'>, adj: ClockAdjustments, calendar: WorkingDayCalendar): Deadline {
  const extra = adj.pausedDays + adj.extensions.reduce((n, e) => n + e.days, 0);
  return calendar.addWorkingDays(c.acceptedAt!, c.promiseDays + extra);
}

/**
 * A deadline counted past the last year the calendar knew (weekends only) is counted again once a
 * calendar that knows that year is deployed. Returns the new deadline, or undefined when nothing changes.
 */
export function recomputedDeadline(c: Case, calendar: WorkingDayCalendar): Deadline | undefined {
  if (!c.deadlineProvisional || !c.acceptedAt) return undefined;
  const next = deadlineOf(c, c.clockAdjustments ?? NO_ADJUSTMENTS, calendar);
  return next.date === c.deadline && next.provisional ? undefined : next;
}

/** Working days spent in special procedures so far, the one under way counted up to `end`. */
function pausedSoFar(c: Case, end: string, calendar: WorkingDayCalendar): number {
  const a = c.clockAdjustments;
  return (a?.pausedDays ?? 0) + (a?.pause ? calendar.workingDaysBetween(a.pause.startedAt, end) : 0);
}

/** The clock as the case shows it [N14]: promised working days, those used since acceptance, and any pause. */
export function clockOf(c: Case, now: Date, calendar: WorkingDayCalendar) {
  const end = c.completedAt ?? now.toISOString();
  const pausedDays = pausedSoFar(c, end, calendar);
  return {
    promiseDays: c.promiseDays,
    // paused days are not used days: the clock stands still during a special procedure
    usedWorkingDays: c.acceptedAt ? Math.max(0, calendar.workingDaysBetween(c.acceptedAt, end) - pausedDays) : 0,
    paused: !!c.clockAdjustments?.pause,
    pausedDays,
    extensionDays: (c.clockAdjustments?.extensions ?? []).reduce((n, e) => n + e.days, 0),
    acceptBy: c.acceptBy,
    deadline: c.deadline ?? null,
    provisional: c.deadlineProvisional ?? false,
    today: shanghaiDate(now),
  };
}
