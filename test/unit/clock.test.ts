import calendarData from 'chinese-days/dist/chinese-days.json';
import { CALENDAR } from '#shared/adapters/calendar';
import { WorkingDayCalendar } from '#shared/domain/calendar';
import { deadlineOf, recomputedDeadline } from '#shared/domain/clock';
import type { Case } from '#shared/domain/case';

/**
 * Past the last year the holiday data knows, deadlines count weekends only and are provisional; a
 * calendar that knows the year (published late in the year before) counts them again.
 */
const next = CALENDAR.lastKnownYear + 1;
// a calendar as the package would ship it a year later: the next Spring Festival week is a holiday
const festival = Array.from({ length: 7 }, (_, i) => `${next}-02-${String(8 + i).padStart(2, '0')}`);
const newer = new WorkingDayCalendar({
  holidays: { ...(calendarData as { holidays: Record<string, string> }).holidays, ...Object.fromEntries(festival.map((d) => [d, 'Spring Festival,春节,7'])) },
  workdays: (calendarData as { workdays: Record<string, string> }).workdays,
});

const accepted = (at: string, promiseDays: number): Case => {
  const c = { acceptedAt: at, promiseDays, clockAdjustments: { pausedDays: 0, extensions: [] } } as unknown as Case;
  const d = deadlineOf(c, c.clockAdjustments!, CALENDAR);
  return { ...c, deadline: d.date, deadlineProvisional: d.provisional };
};

test('a deadline in a year the calendar does not know yet is provisional', () => {
  const c = accepted(`${next - 1}-12-20T10:00:00+08:00`, 40);
  expect(c.deadlineProvisional).toBe(true);
  // with the same calendar there is nothing to recompute
  expect(recomputedDeadline(c, CALENDAR)).toBeUndefined();
});

test('a calendar that knows the year moves the deadline past its holidays and makes it final', () => {
  const c = accepted(`${next - 1}-12-20T10:00:00+08:00`, 40);
  const r = recomputedDeadline(c, newer)!;
  expect(r.provisional).toBe(false);
  expect(r.date > c.deadline!).toBe(true);
  // the seven festival days are working days the old count used: the new deadline is 5 working days later
  expect(newer.workingDaysBetween(c.deadline!, r.date)).toBe(5);
});

test('a deadline that was never provisional is left alone', () => {
  const c = accepted(`${CALENDAR.lastKnownYear}-03-02T10:00:00+08:00`, 10);
  expect(c.deadlineProvisional).toBe(false);
  expect(recomputedDeadline(c, newer)).toBeUndefined();
});
