import { DEMO_HALLS } from '#shared/catalog/demo-halls';
import { Conflict, Invalid, Malformed, NotFound } from '#shared/domain/errors';
import { book, bookingNotice, cancelBooking, configureHall, hallChanges, listHalls, listMyBookings, listSlots, readBooking } from '#shared/domain/steps/bookings';
import { citizen, FOOD, PARALLEL, PEOPLE, refusal, seedCatalog, staff } from '../support/fixtures';
import { memoryPorts, type MemoryPorts } from '../support/memory-ports';

/**
 * 网上预约 [H20] [H21]: the halls and their slots as a citizen app reads them, a booking in the
 * booker's real name, the last place to one person, a daily limit, the same request the same booking,
 * and a cancellation that gives the place back.
 */
// Tuesday 2 June 2026, 10:00 in Xi'an
const NOW = '2026-06-02T02:00:00Z';
const wang = citizen(PEOPLE.wang);
const chen = citizen(PEOPLE.chen);
const page = { limit: 20 };

function setUp(): MemoryPorts {
  const ports = memoryPorts({ now: NOW });
  seedCatalog(ports);
  for (const h of DEMO_HALLS) ports.state.halls.set(h.hallId, structuredClone(h));
  return ports;
}

describe('halls and slots (public) [H11] [H20]', () => {
  test('the halls of a city and below: its centre, its districts’ and their stations’', async () => {
    const ports = setUp();
    expect((await listHalls(ports, '610100', page)).items.map((h) => h.hallId)).toEqual(['610100', '610104', '610113', '610113001']);
    expect((await listHalls(ports, '610113', page)).items.map((h) => h.hallId)).toEqual(['610113', '610113001']);
    expect((await listHalls(ports, undefined, page)).items).toHaveLength(DEMO_HALLS.length);
    expect((await listHalls(ports, '610113', page)).items[0]).not.toHaveProperty('updatedBy');
    expect(await refusal(listHalls(ports, '619999', page))).toBeInstanceOf(Malformed);
  });

  test('today’s slots begin after now; a matter narrows them to the windows that take it, with the places left', async () => {
    const ports = setUp();
    const all = await listSlots(ports, '610113', {}, { limit: 100 });
    expect(all.items.every((s) => s.start > '2026-06-02T10:00')).toBe(true);
    // in time order across the windows: the food window's 10:20, then the comprehensive window's 10:30
    expect(all.items[0]).toMatchObject({ slotId: '610113.W02.20260602T1020', start: '2026-06-02T10:20:00+08:00', end: '2026-06-02T10:40:00+08:00', windowId: 'W02', session: 'working', remaining: 2 });
    expect(all.items[1]).toMatchObject({ slotId: '610113.W01.20260602T1030', start: '2026-06-02T10:30:00+08:00', end: '2026-06-02T11:00:00+08:00', windowId: 'W01', session: 'working', remaining: 4 });
    expect(all.items.map((s) => s.start)).toEqual([...all.items.map((s) => s.start)].sort());
    const parallel = await listSlots(ports, '610113', { matterCode: PARALLEL }, { limit: 100 });
    expect(new Set(parallel.items.map((s) => s.windowId))).toEqual(new Set(['W01']));
    const food = await listSlots(ports, '610113', { matterCode: FOOD, from: '2026-06-03', to: '2026-06-03' }, { limit: 100 });
    expect(new Set(food.items.map((s) => s.windowId))).toEqual(new Set(['W01', 'W02']));
  });

  test('paged like every list: pages of 7 over two days are the whole list in order; a cursor of another query or a forged one is 400', async () => {
    const ports = setUp();
    const q = { from: '2026-06-03', to: '2026-06-04' };
    const whole = await listSlots(ports, '610113', q, { limit: 100 });
    expect(whole.nextCursor).toBeNull();
    const paged: typeof whole.items = [];
    let cursor: string | undefined;
    do {
      const r = await listSlots(ports, '610113', q, { limit: 7, ...(cursor ? { cursor } : {}) });
      expect(r.items.length).toBeLessThanOrEqual(7);
      paged.push(...r.items);
      cursor = r.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(whole.items);
    expect(whole.items.length).toBeGreaterThan(100 / 2);
    const first = await listSlots(ports, '610113', q, { limit: 7 });
    expect(await refusal(listSlots(ports, '610113', { ...q, to: '2026-06-03' }, { limit: 7, cursor: first.nextCursor! }))).toBeInstanceOf(Malformed);
    expect(await refusal(listSlots(ports, '610104', q, { limit: 7, cursor: first.nextCursor! }))).toBeInstanceOf(Malformed);
    expect(await refusal(listSlots(ports, '610113', q, { limit: 7, cursor: 'not-a-cursor' }))).toBeInstanceOf(Malformed);
    const forged = Buffer.from(JSON.stringify({ l: 'slots', q: '610113||2026-06-03|2026-06-04', p: "x' OR 1=1" })).toString('base64url');
    expect(await refusal(listSlots(ports, '610113', q, { limit: 7, cursor: forged }))).toBeInstanceOf(Malformed);
  });

  test('bad periods, a period beyond 30 days, an unknown hall and a matter the hall does not take are refused', async () => {
    const ports = setUp();
    expect(await refusal(listSlots(ports, '610113', { from: '2026-6-3' }, { limit: 100 }))).toBeInstanceOf(Malformed);
    expect(await refusal(listSlots(ports, '610113', { from: '2026-13-01' }, { limit: 100 }))).toBeInstanceOf(Malformed);
    expect(await refusal(listSlots(ports, '610113', { from: '2026-06-05', to: '2026-06-04' }, { limit: 100 }))).toBeInstanceOf(Malformed);
    expect(await refusal(listSlots(ports, '610113', { from: '2026-06-02', to: '2026-07-03' }, { limit: 100 }))).toBeInstanceOf(Malformed);
    expect(await refusal(listSlots(ports, '610199', {}, { limit: 100 }))).toBeInstanceOf(NotFound);
    expect(await refusal(listSlots(ports, 'x'.repeat(3000), {}, { limit: 100 }))).toBeInstanceOf(NotFound);
    expect(await refusal(listSlots(ports, '610113', { matterCode: 'x'.repeat(3000) }, { limit: 100 }))).toBeInstanceOf(Malformed);
    // a 莲湖区 centre does not receive 雁塔区's matters [H8]
    expect(await refusal(listSlots(ports, '610104', { matterCode: FOOD }, { limit: 100 }))).toBeInstanceOf(Invalid);
  });
});

describe('bookings [H20]', () => {
  test('a citizen books in their real name; the place is taken; their list shows it, their id number only in part', async () => {
    const ports = setUp();
    const r = await book(ports, wang, { slotId: '610113.W02.20260603T0900', matterCode: FOOD }, 'k1');
    expect(r.created).toBe(true);
    expect(r.booking).toMatchObject({ hallId: '610113', windowId: 'W02', start: '2026-06-03T09:00:00+08:00', end: '2026-06-03T09:20:00+08:00', status: 'booked', checkInCode: expect.stringMatching(/^\d{6}$/), booker: { name: PEOPLE.wang.name } });
    expect(r.booking.booker.idNumber).toMatch(/^\d{3}\*+\w{4}$/);
    const slots = await listSlots(ports, '610113', { matterCode: FOOD, from: '2026-06-03', to: '2026-06-03' }, { limit: 100 });
    expect(slots.items.find((s) => s.slotId === '610113.W02.20260603T0900')?.remaining).toBe(1);
    expect((await listMyBookings(ports, wang, page)).items.map((b) => b.bookingId)).toEqual([r.booking.bookingId]);
    expect((await listMyBookings(ports, chen, page)).items).toEqual([]);
  });

  test('the same request is the same booking; the same key for another slot is refused (422, as at intake)', async () => {
    const ports = setUp();
    const first = await book(ports, wang, { slotId: '610113.W01.20260603T0900', matterCode: FOOD }, 'k1');
    const again = await book(ports, wang, { slotId: '610113.W01.20260603T0900', matterCode: FOOD }, 'k1');
    expect([again.created, again.booking.bookingId, again.booking.checkInCode]).toEqual([false, first.booking.bookingId, first.booking.checkInCode]);
    expect(ports.state.slotsTaken.get('610113.W01.20260603T0900')).toBe(1);
    expect(await refusal(book(ports, wang, { slotId: '610113.W01.20260603T0930', matterCode: FOOD }, 'k1'))).toBeInstanceOf(Invalid);
  });

  test('a full slot is a conflict; a second booking of the same slot by the same person too; the daily limit is 2', async () => {
    const ports = setUp();
    const slotId = '610113.W02.20260603T0900';
    await book(ports, wang, { slotId, matterCode: FOOD }, 'a');
    await book(ports, chen, { slotId, matterCode: FOOD }, 'b');
    const ma = citizen(PEOPLE.ma);
    expect((await refusal(book(ports, ma, { slotId, matterCode: FOOD }, 'c'))).message).toContain('fully booked');
    expect((await book(ports, wang, { slotId: '610113.W02.20260603T0920', matterCode: FOOD }, 'd')).created).toBe(true);
    await book(ports, chen, { slotId: '610113.W01.20260603T1000', matterCode: FOOD }, 'e1');
    const held = await refusal(book(ports, chen, { slotId: '610113.W01.20260603T1000', matterCode: FOOD }, 'e2'));
    expect([held.constructor.name, held.message]).toEqual(['Conflict', expect.stringContaining('already hold')]);
    const over = await refusal(book(ports, wang, { slotId: '610113.W01.20260603T1400', matterCode: FOOD }, 'f'));
    expect([over.constructor.name, over.message]).toEqual(['Invalid', expect.stringContaining('at most 2 bookings a day')]);
    // another day is another day
    expect((await book(ports, wang, { slotId: '610113.W01.20260604T1400', matterCode: FOOD }, 'g')).created).toBe(true);
  });

  test('refused with every reason: a slot begun, outside the hours, on a holiday without a holiday session, more than 30 days ahead, a matter the window does not take', async () => {
    const ports = setUp();
    const cases: [string, string, string][] = [
      ['610113.W01.20260602T0930', FOOD, 'already begun'],
      ['610113.W01.20260602T1230', FOOD, 'not a time'],
      ['610104.W01.20261002T0900', FOOD, 'not a time'],
      ['610113.W01.20260710T0900', FOOD, '30 days ahead'],
      ['610113.W02.20260603T0900', PARALLEL, 'does not take'],
      ['610113.W01.20260603T0900', 'NO-SUCH-MATTER', 'no published matter'],
      ['619999.W01.20260603T0900', FOOD, 'not a slot of any hall'],
    ];
    for (const [slotId, matterCode, why] of cases) {
      const err = await refusal(book(ports, wang, { slotId, matterCode }, `x-${slotId}-${matterCode}`));
      expect([slotId, err.constructor.name, JSON.stringify({ m: err.message, e: (err as Invalid).errors })]).toEqual([slotId, 'Invalid', expect.stringContaining(why)]);
    }
    expect(ports.state.bookings.size).toBe(0);
  });

  test('only a citizen books; staff are refused', async () => {
    const ports = setUp();
    expect((await refusal(book(ports, staff('clerk-1', 'clerk', '610113-XZSP'), { slotId: '610113.W01.20260603T0900', matterCode: FOOD }, 'k'))).constructor.name).toBe('Forbidden');
  });

  test('the booker cancels before the slot begins and the place goes back; to anyone else the booking does not exist; a second cancel is the same answer', async () => {
    const ports = setUp();
    const { booking } = await book(ports, wang, { slotId: '610113.W02.20260603T0900', matterCode: FOOD }, 'k1');
    expect(await refusal(readBooking(ports, chen, booking.bookingId))).toBeInstanceOf(NotFound);
    expect(await refusal(readBooking(ports, wang, 'x'.repeat(3000)))).toBeInstanceOf(NotFound);
    expect(await refusal(cancelBooking(ports, chen, booking.bookingId))).toBeInstanceOf(NotFound);
    const cancelled = await cancelBooking(ports, wang, booking.bookingId);
    expect(cancelled.status).toBe('cancelled');
    expect(ports.state.slotsTaken.get(booking.slotId)).toBe(0);
    expect((await cancelBooking(ports, wang, booking.bookingId)).status).toBe('cancelled');
    expect(ports.state.slotsTaken.get(booking.slotId)).toBe(0);
    // the place and the day are free again
    expect((await book(ports, chen, { slotId: booking.slotId, matterCode: FOOD }, 'k2')).created).toBe(true);
  });

  test('the booking notice is its booker’s while the booking admits them: to anyone else it does not exist, and a cancelled booking has none', async () => {
    const ports = setUp();
    const { booking } = await book(ports, wang, { slotId: '610113.W02.20260603T0900', matterCode: FOOD }, 'k1');
    expect(booking.notice).toEqual({ title: '网上预约回执', href: `/v1/bookings/${booking.bookingId}/notice`, mediaType: 'application/pdf' });
    const { document } = await bookingNotice(ports, wang, booking.bookingId);
    expect(Buffer.from(document.bytes).toString('latin1')).toContain(booking.checkInCode);
    expect(await refusal(bookingNotice(ports, chen, booking.bookingId))).toBeInstanceOf(NotFound);
    expect(await refusal(bookingNotice(ports, wang, 'BK' + 'A'.repeat(20)))).toBeInstanceOf(NotFound);
    const cancelled = await cancelBooking(ports, wang, booking.bookingId);
    expect(cancelled.notice).toBeUndefined();
    expect(await refusal(bookingNotice(ports, wang, booking.bookingId))).toBeInstanceOf(Conflict);
  });

  test('a booking whose slot has begun can no longer be cancelled', async () => {
    const ports = setUp();
    const { booking } = await book(ports, wang, { slotId: '610113.W01.20260602T1100', matterCode: FOOD }, 'k1');
    ports.setNow('2026-06-02T03:05:00Z');
    expect(await refusal(cancelBooking(ports, wang, booking.bookingId))).toBeInstanceOf(Conflict);
  });
});

describe('a hall’s configuration, set by its head [H8] [H11]', () => {
  const head = staff('head-yt', 'head', '610113-XZSP');
  const current = () => structuredClone(DEMO_HALLS.find((h) => h.hallId === '610113')!);
  const config = (over: Partial<Parameters<typeof configureHall>[3]> = {}) => {
    const h = current();
    return { version: h.version, windows: h.windows, hours: h.hours, dailyLimit: h.dailyLimit, ...over };
  };

  test('the head sets longer hours; the change is recorded with who and when, and the slots follow', async () => {
    const ports = setUp();
    const hours = { ...current().hours, extended: [{ start: '17:00', end: '20:00' }] };
    const after = await configureHall(ports, head, '610113', config({ hours }));
    expect([after.version, after.hours.extended]).toEqual([2, [{ start: '17:00', end: '20:00' }]]);
    expect((await hallChanges(ports, head, '610113', page)).items).toEqual([expect.objectContaining({ hallId: '610113', version: 2, by: expect.objectContaining({ sub: 'head-yt', role: 'head' }), hours })]);
    const slots = await listSlots(ports, '610113', { from: '2026-06-03', to: '2026-06-03' }, { limit: 100 });
    expect(slots.items.some((s) => s.slotId === '610113.W01.20260603T1930')).toBe(true);
  });

  test('a working day under seven hours, no 综合窗口, a bad window: refused with every reason, nothing changed', async () => {
    const ports = setUp();
    const err = await refusal(configureHall(ports, head, '610113', config({ hours: { working: [{ start: '09:00', end: '15:00' }] }, windows: [{ ...current().windows[1], capacity: 0 }], dailyLimit: 0 })));
    expect(err).toBeInstanceOf(Invalid);
    expect((err as Invalid).errors.map((e) => e.path).sort()).toEqual(['dailyLimit', 'hours/working', 'windows', 'windows/0/capacity']);
    expect((err as Invalid).errors.find((e) => e.path === 'hours/working')?.message).toContain('[H11]');
    expect(ports.state.halls.get('610113')?.version).toBe(1);
  });

  test('a change made from an old version is a conflict; a clerk, another hall’s head and a citizen are refused', async () => {
    const ports = setUp();
    await configureHall(ports, head, '610113', config({ dailyLimit: 3 }));
    expect(await refusal(configureHall(ports, head, '610113', config({ dailyLimit: 4 })))).toBeInstanceOf(Conflict);
    for (const who of [staff('clerk-yt', 'clerk', '610113-XZSP'), staff('head-lh', 'head', '610104-XZSP'), wang]) {
      expect([who.sub, (await refusal(configureHall(ports, who, '610113', config({ version: 2 })))).constructor.name]).toEqual([who.sub, 'Forbidden']);
    }
    // the head of a station's department manages the station, not the county centre
    expect((await refusal(configureHall(ports, staff('head-st', 'head', '610113001-ZF'), '610113', config({ version: 2 })))).constructor.name).toBe('Forbidden');
  });
});
