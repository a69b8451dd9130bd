import { DEMO_HALLS } from '#shared/catalog/demo-halls';
import { matters } from '#shared/catalog/demo-seed';
import { bookingFaults, windowTakes } from '#shared/domain/rules/h20-booking';
import { TEST_CALENDAR } from '../support/memory-ports';
import { FOOD, PARALLEL } from '../support/fixtures';

/** Whether a booking may be made [H20]: a slot the hours offer, not begun, within 30 days, at a window that takes the matter [H8]. */
const yanta = DEMO_HALLS.find((h) => h.hallId === '610113')!;
const station = DEMO_HALLS.find((h) => h.hallId === '610113001')!;
const matter = (code: string) => matters.find((m) => m.code === code)!;
const kind = (d: string) => TEST_CALENDAR.dayKind(d);
const now = { date: '2026-06-02', minutes: 600 };

describe('bookings [H20]', () => {
  test('a comprehensive window takes every matter its hall receives, a station its county’s too [H20]; a window of its own only its list', () => {
    const [w01, w02] = yanta.windows;
    expect([windowTakes(yanta, w01, matter(FOOD)), windowTakes(yanta, w01, matter(PARALLEL)), windowTakes(yanta, w02, matter(FOOD)), windowTakes(yanta, w02, matter(PARALLEL))]).toEqual([true, true, true, false]);
    expect(windowTakes(station, station.windows[0], matter(FOOD))).toBe(true);
    expect(windowTakes(yanta, w01, { ...matter(FOOD), status: 'suspended' })).toBe(false);
    const lianhu = DEMO_HALLS.find((h) => h.hallId === '610104')!;
    expect(windowTakes(lianhu, lianhu.windows[0], matter(FOOD))).toBe(false);
  });

  test('a slot the hours offer, later today or within 30 days, at a window that takes the matter: no fault', () => {
    expect(bookingFaults(yanta, '610113.W02.20260602T1100', matter(FOOD), kind, now)).toMatchObject({ slot: { start: '11:00', end: '11:20' }, faults: [] });
    expect(bookingFaults(yanta, '610113.W01.20260702T0900', matter(FOOD), kind, now).faults).toEqual([]);
  });

  test('every fault at once: begun, beyond 30 days, not offered, not taken, no matter', () => {
    expect(bookingFaults(yanta, '610113.W01.20260602T1000', matter(FOOD), kind, now).faults.map((f) => f.message)).toEqual([expect.stringContaining('already begun')]);
    expect(bookingFaults(yanta, '610113.W01.20260703T0900', matter(FOOD), kind, now).faults.map((f) => f.message)).toEqual([expect.stringContaining('30 days ahead')]);
    expect(bookingFaults(yanta, '610113.W02.20260603T0900', matter(PARALLEL), kind, now).faults.map((f) => f.path)).toEqual(['matterCode']);
    expect(bookingFaults(yanta, '610113.W01.20260603T2000', undefined, kind, now).faults.map((f) => f.path)).toEqual(['slotId', 'matterCode']);
  });
});
