import { addWorkingDays, isWorkingDay, LAST_KNOWN_YEAR, shanghaiDate, workingDaysBetween } from '#shared/calendar/working-days';

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
