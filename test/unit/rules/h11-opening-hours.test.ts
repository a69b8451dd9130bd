import { hoursFaults, workingMinutes } from '#shared/domain/rules/h11-opening-hours';
import { DEMO_HALLS } from '#shared/catalog/demo-halls';

/** 服务时间 [H11]: at least seven hours on a working day; extended, weekend and holiday service by appointment [H21]. */
const WORKING = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

describe('opening hours [H11]', () => {
  test('9:00–12:00 and 13:00–17:00 is seven hours: accepted, with extended, weekend and holiday sessions', () => {
    expect(workingMinutes({ working: WORKING })).toBe(420);
    expect(hoursFaults({ working: WORKING, extended: [{ start: '17:30', end: '19:00' }], weekend: [{ start: '09:00', end: '12:00' }], holiday: [{ start: '09:00', end: '11:00' }] })).toEqual([]);
  });

  test('a working day shorter than seven hours is refused, with the article', () => {
    const faults = hoursFaults({ working: [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '17:00' }] });
    expect(faults).toEqual([{ path: 'hours/working', message: expect.stringContaining('at least 7 [H11]') }]);
  });

  test('every malformed time, reversed session and overlap is named at once', () => {
    const faults = hoursFaults({ working: [{ start: '9:00', end: '12:00' }, { start: '13:00', end: '12:30' }], weekend: [{ start: '09:00', end: '11:00' }, { start: '10:30', end: '12:00' }], holiday: [{ start: '24:00', end: '25:00' }] });
    expect(faults.map((f) => f.path)).toEqual(['hours/working/0/start', 'hours/working/1', 'hours/weekend', 'hours/holiday/0/start', 'hours/holiday/0/end']);
  });

  test('extended service lies outside the working day, never inside it', () => {
    expect(hoursFaults({ working: WORKING, extended: [{ start: '16:00', end: '18:00' }] })).toEqual([{ path: 'hours/extended/0', message: expect.stringContaining('outside the working day') }]);
    expect(hoursFaults({ working: WORKING, extended: [{ start: '07:30', end: '09:00' }] })).toEqual([]);
  });

  test('every demo hall keeps the rule', () => {
    for (const h of DEMO_HALLS) expect([h.hallId, hoursFaults(h.hours)]).toEqual([h.hallId, []]);
  });
});
