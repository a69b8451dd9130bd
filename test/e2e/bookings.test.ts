import { createHash } from 'node:crypto';
import { DEMO_FOOD_MATTER_CODE, DEMO_PARALLEL_MATTER_CODE } from '#shared/catalog/demo-seed';
import { call, download, eventually, pdf, token, upload } from './client';
import { pdfText } from '../support/pdf';

/**
 * 网上预约 [H20] [H21] on the real engines: the halls and their hours as a citizen app reads them, the
 * slots of the next days with their places, a booking in the booker's real name, the last place of a
 * slot to exactly one of 50 people asking at once (a conditional transaction on DynamoDB Local), the
 * same request the same booking, cancellation, and clear 4xx for what cannot be booked.
 */
jest.setTimeout(120_000);

const run = Date.now().toString(36);
const citizen = (n: string | number) => token({ sub: `bk-${run}-${n}`, name: `预约${n}`, roles: ['citizen'], idType: 'resident_id', idNumber: '610113199001011230' });
const booking = (tok: string, body: unknown, key: string) => call('POST', '/v1/bookings', { token: tok, body, headers: { 'Idempotency-Key': key } });

interface SlotItem {
  slotId: string;
  start: string;
  windowId: string;
  session: string;
  remaining: number;
}

/** Every slot of a query, page by page (100 a page) as an app showing the days would read them. */
async function slots(hallId: string, q: string): Promise<SlotItem[]> {
  const items: SlotItem[] = [];
  let cursor: string | null = null;
  do {
    const r: { status: number; body: any } = await call('GET', `/v1/halls/${hallId}/slots?${q}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    if (r.status !== 200) throw new Error(`slots: ${r.status} ${JSON.stringify(r.body)}`);
    items.push(...r.body.items);
    cursor = r.body.nextCursor;
  } while (cursor);
  return items;
}

const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe('halls and slots (public) [H8] [H11]', () => {
  test('the halls of 雁塔区: its centre and a street’s station, with windows and hours of at least seven hours; unknown regions and halls are 400 and 404', async () => {
    const r = await call('GET', '/v1/halls?region=610113');
    expect(r.status).toBe(200);
    expect(r.body.items.map((h: any) => [h.hallId, h.level])).toEqual([
      ['610113', 'county'],
      ['610113001', 'township'],
    ]);
    expect(r.body.items[0]).toMatchObject({ name: '雁塔区政务服务中心', windows: [{ windowId: 'W01', comprehensive: true }, { windowId: 'W02', matters: [DEMO_FOOD_MATTER_CODE] }], hours: { working: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }] } });
    expect(r.body.items[0]).not.toHaveProperty('updatedBy');
    expect((await call('GET', '/v1/halls/610113')).body.name).toBe('雁塔区政务服务中心');
    for (const [path, status] of [
      ['/v1/halls?region=619999', 400],
      ['/v1/halls?region=abc', 400],
      ['/v1/halls/610199', 404],
      ['/v1/halls/610199/slots', 404],
      ['/v1/halls/610113/slots?from=2026-13-01', 400],
      [`/v1/halls/610113/slots?from=${day(3)}&to=${day(2)}`, 400],
      [`/v1/halls/610113/slots?from=${day(0)}&to=${day(40)}`, 400],
      [`/v1/halls/610113/slots?limit=101`, 400],
      [`/v1/halls/610113/slots?cursor=${'A'.repeat(3000)}`, 400],
      [`/v1/halls/610113/slots?cursor=${Buffer.from('{"l":"slots","q":"610113|||","p":"20260101T0900.W01\' OR 1"}').toString('base64url')}`, 400],
      [`/v1/halls/610104/slots?matterCode=${DEMO_FOOD_MATTER_CODE}`, 422],
    ] as const) {
      const res = await call('GET', path);
      expect([path, res.status, res.contentType]).toEqual([path, status, expect.stringContaining('application/problem+json')]);
    }
  });

  test('the next week’s slots of the food window: working and extended sessions on working days, the weekend session on Saturday, places left', async () => {
    const items = await slots('610113', `matterCode=${DEMO_FOOD_MATTER_CODE}&from=${day(1)}&to=${day(7)}`);
    expect(new Set(items.map((s) => s.windowId))).toEqual(new Set(['W01', 'W02']));
    for (const s of items) expect(s.start >= `${day(1)}T00:00`).toBe(true);
    const sessions = new Set(items.map((s) => s.session));
    expect(sessions.has('working') && sessions.has('extended')).toBe(true);
    // the 莲湖区 centre serves Saturday mornings; Xi'an's centre no weekend day at all
    const saturday = [1, 2, 3, 4, 5, 6, 7].map(day).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)!;
    const xa = await slots('610100', `from=${saturday}&to=${saturday}`);
    const lh = await slots('610104', `from=${saturday}&to=${saturday}`);
    // (unless the Saturday is a 调休 working day, when both serve their working hours)
    if (!xa.length) expect(lh.every((s) => s.session === 'weekend')).toBe(true);
    else expect(xa.every((s) => s.session === 'working')).toBe(true);
  });
});

describe('bookings [H20]', () => {
  let slot: SlotItem;

  beforeAll(async () => {
    // a slot of the food window (two places) that nobody else has booked, on a working day ahead
    const items = await slots('610113', `matterCode=${DEMO_FOOD_MATTER_CODE}&from=${day(2)}&to=${day(9)}`);
    const free = items.filter((s) => s.windowId === 'W02' && s.session === 'working' && s.remaining === 2);
    slot = free[Math.floor(Math.random() * free.length)];
  });

  test('a citizen books in their real name; the same request is the same booking; the same key for another slot is 422; the place is taken', async () => {
    const wang = await citizen('wang');
    const r = await booking(wang, { slotId: slot.slotId, matterCode: DEMO_FOOD_MATTER_CODE }, `k-${run}`);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ bookingId: expect.stringMatching(/^BK/), checkInCode: expect.stringMatching(/^\d{6}$/), hallId: '610113', windowId: 'W02', start: slot.start, status: 'booked', booker: { name: '预约wang', idNumber: '610***********1230' } });
    const again = await booking(wang, { slotId: slot.slotId, matterCode: DEMO_FOOD_MATTER_CODE }, `k-${run}`);
    expect([again.status, again.body.bookingId, again.body.checkInCode]).toEqual([200, r.body.bookingId, r.body.checkInCode]);
    expect((await booking(wang, { slotId: slot.slotId, matterCode: DEMO_PARALLEL_MATTER_CODE }, `k-${run}`)).status).toBe(422);
    expect((await slots('610113', `from=${slot.start.slice(0, 10)}&to=${slot.start.slice(0, 10)}`)).find((s) => s.slotId === slot.slotId)?.remaining).toBe(1);
    const mine = await call('GET', '/v1/bookings?mine=true', { token: wang });
    expect(mine.body.items.map((b: any) => b.bookingId)).toEqual([r.body.bookingId]);
  });

  test('50 people ask at once for the last place: exactly one gets it, 49 are told the slot is full (409), and the slot shows none left', async () => {
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => citizen(`race-${i}`)));
    const answers = await Promise.all(tokens.map((t, i) => booking(t, { slotId: slot.slotId, matterCode: DEMO_FOOD_MATTER_CODE }, `race-${run}-${i}`)));
    const statuses = answers.map((a) => a.status);
    expect([statuses.filter((s) => s === 201).length, statuses.filter((s) => s === 409).length]).toEqual([1, 49]);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.contentType).toContain('application/problem+json');
    expect((await slots('610113', `from=${slot.start.slice(0, 10)}&to=${slot.start.slice(0, 10)}`)).find((s) => s.slotId === slot.slotId)?.remaining).toBe(0);
    // the winner holds one booking; every loser none
    const holders = await Promise.all(tokens.map(async (t) => (await call('GET', '/v1/bookings?mine=true', { token: t })).body.items.length));
    expect(holders.reduce((a, b) => a + b, 0)).toBe(1);
  });

  test('the booking notice: a one-page PDF for its booker with the check-in code, the window and the materials to bring; 406 without Accept: application/pdf; nobody else’s', async () => {
    const wang = await citizen('wang');
    const [mine] = (await call('GET', '/v1/bookings?mine=true', { token: wang })).body.items;
    const full = await call('GET', `/v1/bookings/${mine.bookingId}`, { token: wang });
    expect(full.body.notice).toEqual({ title: '网上预约回执', href: `/v1/bookings/${mine.bookingId}/notice`, mediaType: 'application/pdf' });
    const r = await download(full.body.notice.href, { token: wang, accept: 'application/pdf' });
    expect([r.status, r.contentType, r.bytes.subarray(0, 5).toString('latin1')]).toEqual([200, 'application/pdf', '%PDF-']);
    expect(r.headers['content-disposition']).toBe(`inline; filename="${mine.bookingId}.pdf"`);
    const text = pdfText(r.bytes).join('').replace(/\s/g, '');
    for (const s of ['网上预约回执', mine.bookingId, `签到码：${mine.checkInCode}`, '雁塔区政务服务中心', '食品经营许可窗口（W02）', '食品经营许可申请书', '610***********1230']) expect(text).toContain(s);
    // the same bytes each time: the ETag is their hash
    const again = await download(full.body.notice.href, { token: wang, accept: 'application/pdf' });
    expect([again.bytes.equals(r.bytes), r.headers.etag]).toEqual([true, `"${createHash('sha256').update(r.bytes).digest('hex')}"`]);
    const noAccept = await download(full.body.notice.href, { token: wang });
    expect([noAccept.status, noAccept.contentType]).toEqual([406, 'application/problem+json']);
    expect((await download(full.body.notice.href, { token: await citizen('other'), accept: 'application/pdf' })).status).toBe(404);
    expect((await download(full.body.notice.href, { accept: 'application/pdf' })).status).toBe(401);
    expect((await download(`/v1/bookings/${'x'.repeat(3000)}/notice`, { token: wang, accept: 'application/pdf' })).status).toBe(404);
  });

  test('the booker cancels and the place goes back; to anyone else the booking does not exist', async () => {
    const wang = await citizen('wang');
    const [mine] = (await call('GET', '/v1/bookings?mine=true', { token: wang })).body.items;
    const other = await citizen('other');
    expect((await call('GET', `/v1/bookings/${mine.bookingId}`, { token: other })).status).toBe(404);
    expect((await call('POST', `/v1/bookings/${mine.bookingId}/cancel`, { token: other })).status).toBe(404);
    const cancelled = await call('POST', `/v1/bookings/${mine.bookingId}/cancel`, { token: wang });
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);
    expect((await call('POST', `/v1/bookings/${mine.bookingId}/cancel`, { token: wang })).body.status).toBe('cancelled');
    // its check-in code admits nobody now: no notice
    expect((await download(`/v1/bookings/${mine.bookingId}/notice`, { token: wang, accept: 'application/pdf' })).status).toBe(409);
    expect((await slots('610113', `from=${slot.start.slice(0, 10)}&to=${slot.start.slice(0, 10)}`)).find((s) => s.slotId === slot.slotId)?.remaining).toBe(1);
  });

  test('clear 4xx, nothing written: a slot past, outside the hours, on a day the hall does not serve, a matter the hall does not take, over the daily limit, malformed, unsigned, staff', async () => {
    const ma = await citizen('ma');
    const d = slot.start.slice(0, 10).replaceAll('-', '');
    const yesterday = day(-1).replaceAll('-', '');
    const saturday = [1, 2, 3, 4, 5, 6, 7].map(day).find((x) => new Date(`${x}T00:00:00Z`).getUTCDay() === 6)!.replaceAll('-', '');
    for (const [slotId, matterCode, status] of [
      [`610113.W01.${yesterday}T0900`, DEMO_FOOD_MATTER_CODE, 422],
      [`610113.W01.${d}T2000`, DEMO_FOOD_MATTER_CODE, 422],
      [`610113.W01.${d}T0915`, DEMO_FOOD_MATTER_CODE, 422],
      [`610100.W01.${saturday}T0900`, DEMO_FOOD_MATTER_CODE, 422],
      [`610104.W01.${d}T0900`, DEMO_FOOD_MATTER_CODE, 422],
      [`610113.W02.${d}T0900`, DEMO_PARALLEL_MATTER_CODE, 422],
      [`610113.W09.${d}T0900`, DEMO_FOOD_MATTER_CODE, 422],
      ['610113.W01.2026-12-03T0900', DEMO_FOOD_MATTER_CODE, 400],
      ['../../etc', DEMO_FOOD_MATTER_CODE, 400],
    ] as const) {
      const r = await booking(ma, { slotId, matterCode }, `bad-${run}-${slotId}-${matterCode}`);
      expect([slotId, r.status, r.contentType]).toEqual([slotId, status, expect.stringContaining('application/problem+json')]);
    }
    // the daily limit at one hall is 2
    const w01 = (await slots('610113', `from=${slot.start.slice(0, 10)}&to=${slot.start.slice(0, 10)}`)).filter((s) => s.windowId === 'W01' && s.remaining > 0);
    expect((await booking(ma, { slotId: w01[0].slotId, matterCode: DEMO_FOOD_MATTER_CODE }, `lim-${run}-1`)).status).toBe(201);
    expect((await booking(ma, { slotId: w01[1].slotId, matterCode: DEMO_FOOD_MATTER_CODE }, `lim-${run}-2`)).status).toBe(201);
    const third = await booking(ma, { slotId: w01[2].slotId, matterCode: DEMO_FOOD_MATTER_CODE }, `lim-${run}-3`);
    expect([third.status, third.body.detail]).toEqual([422, expect.stringContaining('at most 2 bookings a day')]);
    expect((await booking(ma, { slotId: w01[0].slotId, matterCode: DEMO_FOOD_MATTER_CODE }, `lim-${run}-4`)).status).toBe(409);
    expect((await call('GET', '/v1/bookings?mine=true', { token: ma })).body.items).toHaveLength(2);
    // no key, no token, a clerk, a list without mine=true
    expect((await call('POST', '/v1/bookings', { token: ma, body: { slotId: slot.slotId, matterCode: DEMO_FOOD_MATTER_CODE } })).status).toBe(400);
    expect((await booking('', { slotId: slot.slotId, matterCode: DEMO_FOOD_MATTER_CODE }, 'x')).status).toBe(401);
    const clerk = await token({ sub: `clerk-bk-${run}`, roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
    expect((await booking(clerk, { slotId: slot.slotId, matterCode: DEMO_FOOD_MATTER_CODE }, 'y')).status).toBe(403);
    expect((await call('GET', '/v1/bookings', { token: ma })).status).toBe(400);
    // ids that no key may be made of (longer than a DynamoDB key, or not an id at all) name nothing: 404, never a 5xx
    const long = 'x'.repeat(3000);
    for (const [method, path] of [
      ['GET', `/v1/halls/${long}`],
      ['GET', `/v1/halls/${long}/slots`],
      ['GET', `/v1/halls/610113/slots?matterCode=${long}`],
      ['GET', `/v1/bookings/${long}`],
      ['POST', `/v1/bookings/${long}/cancel`],
      ['GET', `/v1/bookings/BK${'Z'.repeat(20)}`],
    ] as const) {
      const r = await call(method, path, { token: ma });
      expect([path.slice(0, 40), r.status < 500, r.contentType]).toEqual([path.slice(0, 40), true, expect.stringContaining('application/problem+json')]);
    }
  });
});

describe('a hall’s configuration [H8] [H11]', () => {
  test('the station’s head adds an evening session, recorded; a day under seven hours is 422, an old version 409, a clerk 403; the slots follow', async () => {
    const head = await token({ sub: `head-st-${run}`, name: '站长', roles: ['head'], dept: '610113001-ZF', region: '610113' });
    const hall = (await call('GET', '/v1/halls/610113001')).body;
    const config = (over: Record<string, unknown> = {}) => ({ version: hall.version, windows: hall.windows, hours: hall.hours, dailyLimit: hall.dailyLimit, ...over });
    const short = await call('POST', '/v1/halls/610113001/configuration', { token: head, body: config({ hours: { working: [{ start: '09:00', end: '15:00' }] } }) });
    expect([short.status, JSON.stringify(short.body.errors)]).toEqual([422, expect.stringContaining('[H11]')]);
    const clerk = await token({ sub: `clerk-st-${run}`, roles: ['clerk'], dept: '610113001-ZF', region: '610113' });
    expect((await call('POST', '/v1/halls/610113001/configuration', { token: clerk, body: config() })).status).toBe(403);
    const evening = { ...hall.hours, extended: [{ start: '17:00', end: '19:30' }] };
    const done = await call('POST', '/v1/halls/610113001/configuration', { token: head, body: config({ hours: evening }) });
    expect([done.status, done.body.version, done.body.hours.extended]).toEqual([200, hall.version + 1, [{ start: '17:00', end: '19:30' }]]);
    expect((await call('POST', '/v1/halls/610113001/configuration', { token: head, body: config() })).status).toBe(409);
    const changes = await call('GET', '/v1/halls/610113001/changes', { token: head });
    expect(changes.body.items[0]).toMatchObject({ version: hall.version + 1, by: { sub: `head-st-${run}`, role: 'head' }, hours: evening });
    const working = [1, 2, 3, 4, 5, 6, 7].map(day).find((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))!;
    const items = await slots('610113001', `from=${working}&to=${working}`);
    expect(items.some((s) => s.start === `${working}T19:00:00+08:00`)).toBe(true);
  });
});

describe('at the hall: check-in, the window’s queue, AB岗 and no-shows [H20] [H22]', () => {
  test('checked in with the code, called by arrival through the window’s clerk or, while they are away, their backup; a no-show; the day’s queue', async () => {
    const head = await token({ sub: `head-st-${run}`, name: '站长', roles: ['head'], dept: '610113001-ZF', region: '610113' });
    const clerkA = await token({ sub: `clerk-a-${run}`, name: '甲', roles: ['clerk'], dept: '610113001-ZF', region: '610113' });
    const clerkB = await token({ sub: `clerk-b-${run}`, name: '乙', roles: ['clerk'], dept: '610113001-ZF', region: '610113' });
    // the station serves round the clock in five-minute slots (a test configuration, valid by [H11]), so that a
    // slot of today begins within the hour whenever this runs; in the last minutes of a day it waits for the next
    const local = () => new Date(Date.now() + 8 * 3600_000);
    if (local().getUTCHours() === 23 && local().getUTCMinutes() >= 45) await new Promise((r) => setTimeout(r, (60 - local().getUTCMinutes()) * 60_000 + 10_000));
    const hall = (await call('GET', '/v1/halls/610113001')).body;
    const allDay = [{ start: '00:00', end: '23:59' }];
    const configured = await call('POST', '/v1/halls/610113001/configuration', {
      token: head,
      body: { version: hall.version, windows: [{ windowId: 'W01', name: '综合受理窗口', comprehensive: true, matters: [], capacity: 3, slotMinutes: 5, clerk: { sub: `clerk-a-${run}`, name: '甲', dept: '610113001-ZF' } }], hours: { working: allDay, weekend: allDay, holiday: allDay }, dailyLimit: 3 },
    });
    expect(configured.status).toBe(200);
    const today = day(0);
    const [next] = await slots('610113001', `from=${today}&to=${today}`);
    const people = await Promise.all([1, 2, 3].map((i) => citizen(`desk-${i}`)));
    const booked = await Promise.all(people.map(async (p, i) => (await booking(p, { slotId: next.slotId, matterCode: DEMO_FOOD_MATTER_CODE }, `desk-${run}-${i}`)).body));
    expect(booked.map((b) => b.status)).toEqual(['booked', 'booked', 'booked']);

    // the second arrives first, then the first; the third does not come
    const checkIn = (code: string, tok = clerkA) => call('POST', '/v1/halls/610113001/check-in', { token: tok, body: { checkInCode: code } });
    expect((await checkIn(booked[1].checkInCode)).body.status).toBe('checked_in');
    expect((await checkIn(booked[0].checkInCode, clerkB)).body.status).toBe('checked_in');
    expect((await checkIn(booked[0].checkInCode)).status).toBe(200);
    const wrongCode = booked[0].checkInCode === '000000' ? '000001' : '000000';
    expect((await checkIn(wrongCode)).status).toBe(404);
    const elsewhere = await token({ sub: `clerk-lh-${run}`, roles: ['clerk'], dept: '610104-XZSP', region: '610104' });
    expect((await checkIn(booked[2].checkInCode, elsewhere)).status).toBe(403);

    // AB岗: W01 is 甲's window
    const callNext = (tok: string) => call('POST', '/v1/halls/610113001/windows/W01/call-next', { token: tok });
    const refused = await callNext(clerkB);
    expect([refused.status, refused.body.detail]).toEqual([403, expect.stringContaining('not recorded as absent')]);
    const first = await call('POST', '/v1/halls/610113001/windows/W01/call-next', { token: clerkA, headers: { 'Idempotency-Key': `call-${run}` } });
    expect([first.status, first.body.bookingId, first.body.status]).toEqual([200, booked[1].bookingId, 'called']);
    // the answer was lost and the window software sends the call again: the same person, nobody new called
    const retried = await call('POST', '/v1/halls/610113001/windows/W01/call-next', { token: clerkA, headers: { 'Idempotency-Key': `call-${run}` } });
    expect([retried.status, retried.body.bookingId]).toEqual([200, booked[1].bookingId]);
    expect((await call('GET', `/v1/bookings/${booked[0].bookingId}`, { token: people[0] })).body.status).toBe('checked_in');
    expect((await call('POST', '/v1/halls/610113001/windows/W01/call-next', { token: clerkA, headers: { 'Idempotency-Key': 'k'.repeat(201) } })).status).toBe(400);
    const until = new Date(Date.now() + 3600_000).toISOString();
    expect((await call('POST', '/v1/staff/absences', { token: head, body: { sub: `clerk-a-${run}`, backup: `clerk-b-${run}`, until, reason: '临时外出' } })).status).toBe(201);
    const second = await callNext(clerkB);
    expect([second.status, second.body.bookingId, second.body.calledBy]).toEqual([200, booked[0].bookingId, `clerk-b-${run}`]);
    // nobody else waits
    expect((await callNext(clerkB)).status).toBe(204);

    // the second called does not come to the window
    const missed = await call('POST', `/v1/bookings/${second.body.bookingId}/no-show`, { token: clerkB });
    expect([missed.status, missed.body.status]).toEqual([200, 'no_show']);
    // the third has neither been called nor has their slot ended
    expect((await call('POST', `/v1/bookings/${booked[2].bookingId}/no-show`, { token: clerkA })).status).toBe(409);
    expect((await call('POST', `/v1/bookings/${booked[2].bookingId}/no-show`, { token: elsewhere })).status).toBe(404);

    const queue = await call('GET', `/v1/halls/610113001/queue?date=${today}&windowId=W01`, { token: clerkA });
    const mine = queue.body.items.filter((b: any) => booked.some((x) => x.bookingId === b.bookingId)).map((b: any) => [b.bookingId, b.status]);
    expect(mine).toEqual([
      [booked[1].bookingId, 'called'],
      [booked[2].bookingId, 'booked'],
      [booked[0].bookingId, 'no_show'],
    ]);
    expect((await call('GET', '/v1/halls/610113001/queue', { token: elsewhere })).status).toBe(403);

    // the window files the case from the booking it called: the case records it, the booking is served, once
    const materials = await Promise.all(['M01', 'M02', 'M04', 'M05'].map(async (code) => ({ code, objectKey: await upload(clerkA, pdf(code)) })));
    const filing = (key: string) =>
      call('POST', '/v1/cases', { token: clerkA, headers: { 'Idempotency-Key': key }, body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant: { type: 'person', name: '预约desk-2', idNumber: '610113199001011230' }, channel: 'window', onBehalfOf: `bk-${run}-desk-2`, materials, bookingId: first.body.bookingId } });
    const filed = await filing(`file-${run}`);
    expect(filed.status).toBe(201);
    const served = await call('GET', `/v1/bookings/${first.body.bookingId}`, { token: people[1] });
    expect(served.body).toMatchObject({ status: 'served', caseId: filed.body.caseId });
    const again = await filing(`file-again-${run}`);
    expect([again.status, JSON.stringify(again.body)]).toEqual([422, expect.stringContaining('served')]);

    // [N20] the station's figures of the day, counted from the stream: these three bookings' moves at least
    const supervisor = await token({ sub: `sup-bk-${run}`, roles: ['supervisor'], region: '610113' });
    const station = await eventually('the station’s moves counted', async () => {
      const r = await call('GET', `/v1/supervision/metrics?from=${today}&to=${today}&region=610113&by=hall`, { token: supervisor });
      const g = r.body.groups?.find((x: any) => x.key === '610113001');
      return g && g.appointments.booked >= 3 && g.appointments.checkedIn >= 2 && g.appointments.noShows >= 1 && g.appointments.served >= 1 && g;
    });
    expect(station).toMatchObject({ name: '小寨路街道便民服务站', appointments: { avgWaitMinutes: expect.any(Number) } });
    expect((await call('GET', '/v1/halls/610113001/queue?date=today', { token: clerkA })).status).toBe(400);
  });
});
