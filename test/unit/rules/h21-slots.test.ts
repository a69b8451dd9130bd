import { parseSlotId, slotIdOf, slotOf, slotsOfDay } from '#shared/domain/rules/h21-slots';
import { DEMO_HALLS } from '#shared/catalog/demo-halls';
import { TEST_CALENDAR } from '../support/memory-ports';

/** Slots from the hours, by the kind of day [H20] [H21]; a 调休 make-up day is a working day. */
const yanta = DEMO_HALLS.find((h) => h.hallId === '610113')!;
const [comprehensive, food] = yanta.windows;
const kind = (d: string) => TEST_CALENDAR.dayKind(d);

describe('slots [H21]', () => {
  test('a working day: the working sessions and the extended one, cut into the window’s slots; none runs past its session', () => {
    const slots = slotsOfDay(yanta, comprehensive, '2026-06-02', kind('2026-06-02'));
    // 9–12 (6), 13–17 (8), 17–19 延时 (4) of 30 minutes
    expect(slots).toHaveLength(18);
    expect(slots[0]).toEqual({ slotId: '610113.W01.20260602T0900', hallId: '610113', windowId: 'W01', date: '2026-06-02', start: '09:00', end: '09:30', session: 'working' });
    expect(slots.filter((s) => s.session === 'extended').map((s) => s.start)).toEqual(['17:00', '17:30', '18:00', '18:30']);
    // 20-minute slots: 9:00 … 11:40, 13:00 … 16:40, 17:00 … 18:40
    expect(slotsOfDay(yanta, food, '2026-06-02', 'working')).toHaveLength(9 + 12 + 6);
  });

  test('a Saturday has the weekend session only; a public holiday its holiday session; a hall without one offers nothing', () => {
    expect(kind('2026-06-06')).toBe('weekend');
    expect(slotsOfDay(yanta, comprehensive, '2026-06-06', 'weekend').map((s) => s.session)).toEqual(Array(6).fill('weekend'));
    expect(kind('2026-10-02')).toBe('holiday');
    expect(slotsOfDay(yanta, comprehensive, '2026-10-02', 'holiday').map((s) => s.start)).toEqual(['09:00', '09:30', '10:00', '10:30']);
    const lianhu = DEMO_HALLS.find((h) => h.hallId === '610104')!;
    expect(slotsOfDay(lianhu, lianhu.windows[0], '2026-10-02', 'holiday')).toEqual([]);
  });

  test('a 调休 Saturday is a working day, with the working hours', () => {
    expect(kind('2026-10-10')).toBe('working');
    expect(slotsOfDay(yanta, comprehensive, '2026-10-10', kind('2026-10-10'))).toHaveLength(18);
  });

  test('a slot id names hall, window, day and start, and is read back; one the hours do not offer is none', () => {
    expect(parseSlotId(slotIdOf('610113001', 'W01', '2026-06-02', '17:30'))).toEqual({ hallId: '610113001', windowId: 'W01', date: '2026-06-02', start: '17:30' });
    expect(parseSlotId('610113.W01.2026-06-02T0900')).toBeUndefined();
    expect(slotOf(yanta, '610113.W01.20260602T0900', kind)?.end).toBe('09:30');
    for (const id of ['610113.W01.20260602T1200', '610113.W01.20260602T0915', '610113.W09.20260602T0900', '610104.W01.20260602T0900', '610113.W01.20261002T1300']) expect([id, slotOf(yanta, id, kind)]).toEqual([id, undefined]);
  });
});
