import { DEMO_HALLS } from '#shared/catalog/demo-halls';
import { Conflict, Forbidden, NotFound } from '#shared/domain/errors';
import { book, countBookingMove } from '#shared/domain/steps/bookings';
import { readMetrics } from '#shared/domain/steps/metrics';
import { callNext, checkIn, dayQueue, markNoShow } from '#shared/domain/steps/hall-desk';
import { application, citizen, file, FOOD, PARALLEL, PEOPLE, refusal, seedCatalog, staff } from '../support/fixtures';
import { memoryPorts, type MemoryPorts } from '../support/memory-ports';

/**
 * At the hall [H20] [H22]: check-in with the code, the window's queue by arrival, a call that goes to
 * one clerk, AB岗 at a window given to a clerk, and no-shows.
 */
// Wednesday 3 June 2026, 08:30 in Xi'an: the bookings are made the day before
const BEFORE = '2026-06-02T02:00:00Z';
const at = (hhmm: string) => new Date(Date.parse(`2026-06-03T${hhmm}:00+08:00`)).toISOString();
const clerk = staff('clerk-a', 'clerk', '610113-XZSP');
const colleague = staff('clerk-b', 'clerk', '610113-XZSP');
const head = staff('head-yt', 'head', '610113-XZSP');
const page = { limit: 20 };

async function setUp(withClerk = false): Promise<{ ports: MemoryPorts; codes: string[]; ids: string[] }> {
  const ports = memoryPorts({ now: BEFORE });
  seedCatalog(ports);
  for (const h of DEMO_HALLS) ports.state.halls.set(h.hallId, structuredClone(h));
  if (withClerk) ports.state.halls.get('610113')!.windows[1].clerk = { sub: 'clerk-a', name: '甲', dept: '610113-XZSP' };
  const people = [PEOPLE.wang, PEOPLE.chen, PEOPLE.ma];
  const made = [];
  for (const [i, p] of people.entries()) made.push((await book(ports, citizen(p), { slotId: `610113.W02.20260603T${['0900', '0900', '0920'][i]}`, matterCode: FOOD }, `k${i}`)).booking);
  return { ports, codes: made.map((b) => b.checkInCode), ids: made.map((b) => b.bookingId) };
}

describe('check-in and the window’s queue [H20]', () => {
  test('checked in with the code from an hour before the slot; the queue is by arrival; a call goes to the first, once', async () => {
    const { ports, codes, ids } = await setUp();
    ports.setNow(at('07:59'));
    expect(await refusal(checkIn(ports, clerk, '610113', codes[0]))).toBeInstanceOf(Conflict);
    ports.setNow(at('08:10'));
    // the second booker arrives first
    expect((await checkIn(ports, clerk, '610113', codes[1])).status).toBe('checked_in');
    ports.setNow(at('08:20'));
    await checkIn(ports, clerk, '610113', codes[0]);
    // a second check-in is the same answer
    expect((await checkIn(ports, clerk, '610113', codes[0])).status).toBe('checked_in');
    expect(await refusal(checkIn(ports, clerk, '610113', '999999'))).toBeInstanceOf(NotFound);
    ports.setNow(at('09:00'));
    const first = await callNext(ports, clerk, '610113', 'W02');
    expect([first?.bookingId, first?.status, first?.calledBy]).toEqual([ids[1], 'called', 'clerk-a']);
    ports.setNow(at('09:01'));
    expect((await callNext(ports, colleague, '610113', 'W02'))?.bookingId).toBe(ids[0]);
    // nobody else has checked in: nothing to call
    expect(await callNext(ports, clerk, '610113', 'W02')).toBeUndefined();
    const q = await dayQueue(ports, clerk, '610113', { windowId: 'W02' }, page);
    expect(q.items.map((b) => [b.bookingId, b.status])).toEqual([
      [ids[1], 'called'],
      [ids[0], 'called'],
      [ids[2], 'booked'],
    ]);
  });

  test('a call sent again with its Idempotency-Key answers with the booking it called and calls nobody new; another clerk’s same key is their own call', async () => {
    const { ports, codes, ids } = await setUp();
    ports.setNow(at('08:30'));
    await checkIn(ports, clerk, '610113', codes[0]);
    await checkIn(ports, clerk, '610113', codes[1]);
    ports.setNow(at('09:00'));
    const first = await callNext(ports, clerk, '610113', 'W02', 'click-1');
    const again = await callNext(ports, clerk, '610113', 'W02', 'click-1');
    expect([first?.bookingId, again?.bookingId]).toEqual([ids[0], ids[0]]);
    expect(ports.state.bookings.get(ids[1])!.status).toBe('checked_in');
    // the colleague's request with the same key is theirs: it calls the next
    expect((await callNext(ports, colleague, '610113', 'W02', 'click-1'))?.bookingId).toBe(ids[1]);
    // a new key calls the next (nobody waits now)
    expect(await callNext(ports, clerk, '610113', 'W02', 'click-2')).toBeUndefined();
  });

  test('staff of another hall cannot check in, call or see the queue; a citizen cannot either', async () => {
    const { ports, codes, ids } = await setUp();
    ports.setNow(at('08:30'));
    const other = staff('clerk-lh', 'clerk', '610104-XZSP');
    expect(await refusal(checkIn(ports, other, '610113', codes[0]))).toBeInstanceOf(Forbidden);
    expect(await refusal(callNext(ports, other, '610113', 'W02'))).toBeInstanceOf(Forbidden);
    expect(await refusal(dayQueue(ports, other, '610113', {}, page))).toBeInstanceOf(Forbidden);
    expect(await refusal(markNoShow(ports, other, ids[0]))).toBeInstanceOf(NotFound);
    expect(await refusal(checkIn(ports, citizen(PEOPLE.wang), '610113', codes[0]))).toBeInstanceOf(Forbidden);
  });

  test('a no-show: one called who does not come, or one not checked in by the end of the slot; not before', async () => {
    const { ports, codes, ids } = await setUp();
    ports.setNow(at('08:50'));
    await checkIn(ports, clerk, '610113', codes[0]);
    const called = await callNext(ports, clerk, '610113', 'W02');
    expect((await markNoShow(ports, clerk, called!.bookingId)).status).toBe('no_show');
    // the 9:20 booking has neither been called nor ended
    expect(await refusal(markNoShow(ports, clerk, ids[2]))).toBeInstanceOf(Conflict);
    ports.setNow(at('09:41'));
    expect((await markNoShow(ports, clerk, ids[2])).status).toBe('no_show');
    // too late to check in now
    expect(await refusal(checkIn(ports, clerk, '610113', codes[1]))).toBeInstanceOf(Conflict);
  });
});

describe('AB岗 at a window [H22]', () => {
  test('a window given to a clerk is called by them or the head; a colleague only as their recorded backup while they are away', async () => {
    const { ports, codes } = await setUp(true);
    ports.setNow(at('08:30'));
    await checkIn(ports, colleague, '610113', codes[0]);
    await checkIn(ports, colleague, '610113', codes[1]);
    const refused = await refusal(callNext(ports, colleague, '610113', 'W02'));
    expect([refused.constructor.name, refused.message]).toEqual(['Forbidden', expect.stringContaining('not recorded as absent')]);
    expect((await callNext(ports, head, '610113', 'W02'))?.status).toBe('called');
    ports.state.absences.set('610113-XZSP#clerk-a', { dept: '610113-XZSP', sub: 'clerk-a', backup: 'clerk-b', until: at('18:00'), reason: '病假', recordedBy: 'head-yt', recordedAt: at('08:00') });
    expect((await callNext(ports, colleague, '610113', 'W02'))?.status).toBe('called');
  });
});

describe('filing the case from a called booking [H20]', () => {
  test('the window files the case from the booking it called: the case records it and the booking is served, once', async () => {
    const { ports, codes, ids } = await setUp();
    ports.setNow(at('08:50'));
    await checkIn(ports, clerk, '610113', codes[1]);
    const called = (await callNext(ports, clerk, '610113', 'W02'))!;
    const request = application(ports, clerk, FOOD, 'window', PEOPLE.chen, { onBehalfOf: 'walk-in-chen', bookingId: called.bookingId });
    const receipt = await file(ports, clerk, request);
    const c = ports.state.cases.get(receipt.caseId)!.case;
    expect(c.filedAt).toEqual({ hall: '610113', booking: ids[1] });
    expect(ports.state.bookings.get(ids[1])).toMatchObject({ status: 'served', caseId: receipt.caseId, servedAt: expect.any(String) });
    expect(ports.state.cases.get(receipt.caseId)!.events[0].detail).toMatchObject({ bookingId: ids[1] });
    // a second filing from it is refused: it is served
    const again = await refusal(file(ports, clerk, application(ports, clerk, PARALLEL, 'window', PEOPLE.chen, { onBehalfOf: 'walk-in-chen', bookingId: ids[1] })));
    expect([again.constructor.name, again.message]).toEqual(['Invalid', expect.stringContaining('served')]);
  });

  test('refused: a booking not yet called, booked by someone else, for another matter, of another hall, or named online', async () => {
    const { ports, codes, ids } = await setUp();
    ports.setNow(at('08:50'));
    await checkIn(ports, clerk, '610113', codes[0]);
    const called = (await callNext(ports, clerk, '610113', 'W02'))!;
    const window = (who: typeof PEOPLE.wang, extra: object) => application(ports, clerk, FOOD, 'window', who, { onBehalfOf: `walk-in-${who.name}`, ...extra });
    for (const [request, why] of [
      [window(PEOPLE.chen, { bookingId: ids[1] }), 'once its window has called it'],
      [window(PEOPLE.chen, { bookingId: called.bookingId }), 'booked by someone else'],
      [application(ports, clerk, PARALLEL, 'window', PEOPLE.wang, { onBehalfOf: 'walk-in-wang', bookingId: called.bookingId }), 'booked for'],
      [window(PEOPLE.wang, { bookingId: 'BKNOSUCHBOOKING' }), 'no booking of this hall'],
      [application(ports, citizen(PEOPLE.wang), FOOD, 'online', PEOPLE.wang, { bookingId: called.bookingId }), 'at the window'],
    ] as const) {
      const err = await refusal(file(ports, request.channel === 'online' ? citizen(PEOPLE.wang) : clerk, request));
      expect([err.constructor.name, err.message]).toEqual(['Invalid', expect.stringContaining(why)]);
    }
    const lianhu = staff('clerk-lh', 'clerk', '610104-XZSP');
    const err = await refusal(file(ports, lianhu, application(ports, lianhu, FOOD, 'window', PEOPLE.wang, { onBehalfOf: 'walk-in-wang', bookingId: called.bookingId })));
    // another hall's clerk cannot file 雁塔区's matter at all [H8], booking or none
    expect(err.constructor.name).toBe('Forbidden');
    expect(ports.state.bookings.get(called.bookingId)?.status).toBe('called');
  });
});

describe('the halls’ figures [H20] [N20]', () => {
  test('each move of a booking is counted once into its hall, county, city and province: bookings, check-ins, waiting, no-shows, served', async () => {
    const { ports, codes, ids } = await setUp();
    const count = async (id: string) => countBookingMove(ports, ports.state.bookings.get(id)!);
    for (const id of ids) expect(await count(id)).toBe(true);
    // a redelivered record counts nothing
    expect(await count(ids[0])).toBe(false);
    ports.setNow(at('08:50'));
    await checkIn(ports, clerk, '610113', codes[0]);
    await count(ids[0]);
    ports.setNow(at('09:02'));
    await callNext(ports, clerk, '610113', 'W02');
    await count(ids[0]);
    await markNoShow(ports, clerk, ids[0]);
    await count(ids[0]);
    const supervisor = { sub: 'sup', name: 'sup', roles: ['supervisor' as const], region: '610000' };
    const province = await readMetrics(ports, supervisor, { from: '2026-06-03', to: '2026-06-03' });
    expect(province.appointments).toEqual({ booked: 3, cancelled: 0, checkedIn: 1, noShows: 1, served: 0, avgWaitMinutes: 12 });
    const halls = await readMetrics(ports, supervisor, { from: '2026-06-03', to: '2026-06-03', region: '610113', by: 'hall' });
    expect(halls.groups?.map((g) => [g.key, g.name, g.appointments.booked])).toEqual([['610113', '雁塔区政务服务中心', 3]]);
    // the case figures are untouched by the bookings
    expect(province.submitted).toBe(0);
  });
});
