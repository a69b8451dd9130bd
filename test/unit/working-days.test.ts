import { addWorkingDays, isWorkingDay, LAST_KNOWN_YEAR, workingDaysBetween } from '#shared/adapters/calendar';
import { dayAfter, monthsUpTo, shanghaiDate } from '#shared/domain/calendar';

describe('working-day calendar (承诺时限 counts working days)', () => {
  test('the National Day week 2026 is not worked, its make-up Saturday is', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false);
    expect(isWorkingDay('2026-10-07')).toBe(false);
    expect(isWorkingDay('2026-10-10')).toBe(true); // 调休: a Saturday worked
    expect(isWorkingDay('2026-10-11')).toBe(false); // an ordinary Sunday
  });

  test('Spring Festival 2026 pauses the count, the make-up Saturday counts', () => {
    expect(isWorkingDay('2026-02-17')).toBe(false);
    expect(isWorkingDay('2026-02-28')).toBe(true); // 调休
    // 5 working days from Friday 2026-02-13: Feb 14 (Sat, 调休) … holidays to Feb 23 … Feb 24, 25, 26, 27
    expect(addWorkingDays('2026-02-13T10:00:00+08:00', 5).date).toBe('2026-02-27');
  });

  test('a same-day matter (0 days) is due the day it is accepted', () => {
    expect(addWorkingDays('2026-11-27T09:00:00+08:00', 0).date).toBe('2026-11-27');
  });

  test('dates are taken in Asia/Shanghai', () => {
    expect(shanghaiDate('2026-11-27T20:00:00Z')).toBe('2026-11-28');
  });

  test('past the last year the data knows, deadlines are provisional', () => {
    expect(addWorkingDays(`${LAST_KNOWN_YEAR}-12-30T10:00:00+08:00`, 5).provisional).toBe(true);
    expect(addWorkingDays(`${LAST_KNOWN_YEAR}-06-01T10:00:00+08:00`, 5).provisional).toBe(false);
  });

  test('working days between two dates skip weekends and holidays', () => {
    // Oct 1–7 are holidays; Thursday Oct 8 and Friday Oct 9 are worked
    expect(workingDaysBetween('2026-09-30T10:00:00+08:00', '2026-10-09T10:00:00+08:00')).toBe(2);
  });
});

describe('2025 holidays and their make-up working days (调休)', () => {
  test('Spring Festival 2025: Jan 28 – Feb 4 off; Sunday Jan 26 and Saturday Feb 8 worked', () => {
    for (const d of ['2025-01-28', '2025-01-31', '2025-02-04']) expect([d, isWorkingDay(d)]).toEqual([d, false]);
    for (const d of ['2025-01-26', '2025-02-08']) expect([d, isWorkingDay(d)]).toEqual([d, true]);
  });

  test('National Day 2025: Oct 1 – 8 off; Sunday Sep 28 and Saturday Oct 11 worked', () => {
    for (const d of ['2025-10-01', '2025-10-06', '2025-10-08']) expect([d, isWorkingDay(d)]).toEqual([d, false]);
    for (const d of ['2025-09-28', '2025-10-11']) expect([d, isWorkingDay(d)]).toEqual([d, true]);
  });

  test('5 working days from Friday 2025-09-26 run through the make-up Sunday and skip the holiday week', () => {
    // Sep 28 (Sun, 调休), Sep 29, Sep 30, then Oct 1–8 off, Oct 9, Oct 10
    expect(addWorkingDays('2025-09-26T15:00:00+08:00', 5).date).toBe('2025-10-10');
  });
});

describe('months back from a day (the sweepers’ month partitions)', () => {
  test('the last n months up to and including today’s, oldest first, across a year', () => {
    expect(monthsUpTo('2026-02-15', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(monthsUpTo('2026-11-30', 13)).toHaveLength(13);
    expect(monthsUpTo('2026-11-30', 13)[0]).toBe('2025-11');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});
