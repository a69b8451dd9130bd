import { authorize } from '../access/gate.ts';
import { bookingCountsOf } from '../business-metrics.ts';
import { bookingIdOf, isBookingId, maskIdNumber, newCheckInCode, type Booking } from '../booking.ts';
import type { Caller } from '../caller.ts';
import { dayAfter, isDay, localNow } from '../calendar.ts';
import { Conflict, Invalid, Malformed, NotFound } from '../errors.ts';
import { decodeListCursor, encodeListCursor } from '../list-cursor.ts';
import { isHallId, type Hall } from '../hall.ts';
import type { Page, PageRequest, Ports } from '../ports.ts';
import { bookingFaults, hasBegun, lastBookableDay, MAX_DAYS_AHEAD, windowTakes } from '../rules/h20-booking.ts';
import { slotsOfDay, type Slot } from '../rules/h21-slots.ts';
import { regionCodePrefix } from '../rules/n4-region-scope.ts';
import { hoursFaults } from '../rules/h11-opening-hours.ts';
import { hallOf, windowsFaults } from '../rules/h8-single-window.ts';

/**
 * Halls and their hours, and appointments at their windows (网上预约) [H20] [H21]: the public reads a
 * citizen app shows (halls, slots), and the citizen's own bookings.
 */
type HallPorts = Pick<Ports, 'halls' | 'bookings' | 'catalog' | 'calendar' | 'clock' | 'regions' | 'staff' | 'authorisations'>;

/** What the public sees of a hall: everything but who last changed it. */
export const publicHall = ({ updatedBy: _by, ...h }: Hall) => h;

/** GET /v1/halls?region= (public): the halls of a region and below, a province's, a city's, a county's and its stations'. */
export async function listHalls(ports: Pick<Ports, 'halls' | 'regions'>, region: string | undefined, page: PageRequest): Promise<Page<ReturnType<typeof publicHall>>> {
  if (region !== undefined && !/^\d{6}$/.test(region)) throw new Malformed(`region is a 6-digit region code, not ${region}`, [{ path: 'region', message: '6-digit 行政区划代码' }]);
  if (region !== undefined && !ports.regions.name(region)) throw new Malformed(`there is no region ${region} in Shaanxi`, [{ path: 'region', message: 'unknown region' }]);
  const res = await ports.halls.list(region ? regionCodePrefix(region) : '61', page);
  return { items: res.items.map(publicHall), nextCursor: res.nextCursor };
}

/** A slot's day and local time as the API writes it: `2026-12-03T09:00:00+08:00`. */
const localTime = (date: string, hhmm: string) => `${date}T${hhmm}:00+08:00`;

/** Where a slot stands in a hall's listing: by time, then window (`20261203T0900.W01`), so a page ends and the next begins at a moment. */
const slotPosition = (s: Pick<Slot, 'date' | 'start' | 'windowId'>) => `${s.date.replaceAll('-', '')}T${s.start.replace(':', '')}.${s.windowId}`;
const SLOT_POSITION = /^\d{8}T\d{4}\.[A-Z0-9]{1,8}$/;

/**
 * GET /v1/halls/{hallId}/slots?matterCode=&from=&to= (public): the slots of the windows that take the
 * matter (every window without one), from the hall's hours day by day, in time order, with the places
 * left. At most the next 30 days; a slot that has begun is not offered. Paged like every list: the page
 * is made from the hours first, then one Query reads the places taken over that page's days only.
 */
export async function listSlots(ports: Pick<HallPorts, 'halls' | 'bookings' | 'catalog' | 'calendar' | 'clock'>, hallId: string, q: { matterCode?: string; from?: string; to?: string }, page: PageRequest) {
  const now = localNow(ports.clock.now());
  const from = q.from ?? now.date;
  const to = q.to ?? from;
  const faults = [
    ...(isDay(from) ? [] : [{ path: 'from', message: 'YYYY-MM-DD' }]),
    ...(isDay(to) ? [] : [{ path: 'to', message: 'YYYY-MM-DD' }]),
  ];
  if (faults.length) throw new Malformed('from and to are days, YYYY-MM-DD', faults);
  if (to < from) throw new Malformed(`the period ends (${to}) before it begins (${from})`, [{ path: 'to', message: 'not before from' }]);
  const last = lastBookableDay(now.date);
  if (to > last) throw new Malformed(`slots are offered up to ${MAX_DAYS_AHEAD} days ahead (until ${last})`, [{ path: 'to', message: `at most ${last}` }]);
  if (q.matterCode !== undefined && q.matterCode.length > 80) throw new Malformed('matterCode is at most 80 characters', [{ path: 'matterCode', message: 'too long' }]);
  // bound to the query as asked (not to today's date), so a cursor stays good past midnight
  const query = [hallId, q.matterCode ?? '', q.from ?? '', q.to ?? ''].join('|');
  const after = decodeListCursor('slots', query, page.cursor, SLOT_POSITION);
  const hall = isHallId(hallId) ? await ports.halls.get(hallId) : undefined;
  if (!hall) throw new NotFound(`there is no hall ${hallId}`);
  let windows = hall.windows;
  if (q.matterCode !== undefined) {
    const matter = await ports.catalog.getMatter(q.matterCode);
    if (!matter) throw new Invalid(`no published matter has the code ${q.matterCode}`, [{ path: 'matterCode', message: 'unknown matter' }]);
    windows = hall.windows.filter((w) => windowTakes(hall, w, matter));
    if (!windows.length) throw new Invalid(`${hall.name} does not take ${matter.name} [H8]`, [{ path: 'matterCode', message: `not taken at ${hall.name}` }]);
  }
  const start = from < now.date ? now.date : from;
  // a page goes on from the day its cursor stands at; one more slot than the page, to know whether another follows
  const resume = after ? `${after.slice(0, 4)}-${after.slice(4, 6)}-${after.slice(6, 8)}` : start;
  const found: (Slot & { position: string })[] = [];
  for (let date = resume > start ? resume : start; date <= to && found.length <= page.limit; date = dayAfter(date)) {
    const kind = ports.calendar.dayKind(date);
    const day = windows
      .flatMap((w) => slotsOfDay(hall, w, date, kind).map((slot) => ({ ...slot, position: slotPosition(slot) })))
      .filter((s) => !hasBegun(s, now) && (!after || s.position > after))
      .sort((a, b) => (a.position < b.position ? -1 : 1));
    found.push(...day.slice(0, page.limit + 1 - found.length));
  }
  const shown = found.slice(0, page.limit);
  const taken = shown.length ? await ports.bookings.taken(hallId, shown[0].date, shown.at(-1)!.date) : new Map<string, number>();
  const capacity = new Map(windows.map((w) => [w.windowId, w.capacity]));
  const items = shown.map((s) => {
    // a day past the holiday data the calendar holds is counted as an ordinary week: say so
    const provisional = Number(s.date.slice(0, 4)) > ports.calendar.lastKnownYear;
    return { slotId: s.slotId, start: localTime(s.date, s.start), end: localTime(s.date, s.end), windowId: s.windowId, session: s.session, remaining: Math.max(0, capacity.get(s.windowId)! - (taken.get(s.slotId) ?? 0)), ...(provisional ? { provisional } : {}) };
  });
  const nextCursor = found.length > page.limit ? encodeListCursor('slots', query, shown.at(-1)!.position) : null;
  return { hallId, from: start, to, items, nextCursor };
}

/** A booking as its booker sees it: the booker's own id number only in part, and where its notice is while it still admits them. */
export function bookingView(b: Booking) {
  const { booker, ...rest } = b;
  return {
    ...rest,
    start: localTime(b.date, b.start),
    end: localTime(b.date, b.end),
    booker: { name: booker.name, ...(booker.idNumber ? { idNumber: maskIdNumber(booker.idNumber) } : {}) },
    ...(b.status === 'cancelled' ? {} : { notice: { title: '网上预约回执', href: `/v1/bookings/${b.bookingId}/notice`, mediaType: 'application/pdf' } }),
  };
}

/** How many times a new check-in code is drawn when the one drawn is taken that day at that hall. */
const CODE_TRIES = 5;

/**
 * POST /v1/bookings {slotId, matterCode} [H20]: a citizen books, in their real name, a place in a
 * slot the hall's hours offer, at a window that takes the matter. The slot's places, the person's
 * bookings of the day at the hall (at most the hall's daily limit, and never one slot twice) and the
 * check-in code are written with the booking in one conditional transaction, so the last place goes
 * to exactly one of any number of people asking at once. The same request (the same Idempotency-Key)
 * is the same booking; the same key for another slot or matter is a conflict.
 */
export async function book(ports: HallPorts, caller: Caller, req: { slotId: string; matterCode: string }, idempotencyKey: string): Promise<{ created: boolean; booking: ReturnType<typeof bookingView> }> {
  await authorize(ports, caller, 'booking.create', { kind: 'none' }, ports.clock.now());
  const bookingId = bookingIdOf(caller.sub, idempotencyKey);
  const again = await ports.bookings.get(bookingId);
  if (again) return replayed(again, req);
  const [hallId] = req.slotId.split('.');
  const hall = isHallId(hallId ?? '') ? await ports.halls.get(hallId) : undefined;
  if (!hall) throw new Invalid(`${req.slotId} is not a slot of any hall`, [{ path: 'slotId', message: 'unknown hall' }]);
  const matter = await ports.catalog.getMatter(req.matterCode);
  const now = ports.clock.now();
  const { slot, faults } = bookingFaults(hall, req.slotId, matter, (d) => ports.calendar.dayKind(d), localNow(now));
  if (faults.length || !slot || !matter) throw new Invalid('this booking cannot be made', faults);
  const window = hall.windows.find((w) => w.windowId === slot.windowId)!;
  for (let i = 0; i < CODE_TRIES; i++) {
    const booking: Booking = {
      bookingId,
      checkInCode: newCheckInCode(),
      hallId: hall.hallId,
      windowId: window.windowId,
      slotId: slot.slotId,
      date: slot.date,
      start: slot.start,
      end: slot.end,
      matterCode: matter.code,
      matterName: matter.name,
      status: 'booked',
      booker: { sub: caller.sub, name: caller.name, ...(caller.idType ? { idType: caller.idType } : {}), ...(caller.idNumber ? { idNumber: caller.idNumber } : {}) },
      bookedAt: now.toISOString(),
      version: 1,
    };
    const r = await ports.bookings.book(booking, { capacity: window.capacity, dailyLimit: hall.dailyLimit });
    if (r.ok) return { created: true, booking: bookingView(booking) };
    if (r.refused === 'exists') return replayed((await ports.bookings.get(bookingId))!, req);
    if (r.refused === 'full') throw new Conflict(`${slot.date} ${slot.start} at ${window.name} is fully booked`, { extra: { slotId: slot.slotId } });
    if (r.refused === 'held') throw new Conflict(`you already hold ${slot.date} ${slot.start} at ${window.name}`, { extra: { slotId: slot.slotId } });
    if (r.refused === 'limit') throw new Invalid(`one person holds at most ${hall.dailyLimit} bookings a day at ${hall.name}`, [{ path: 'slotId', message: `over the daily limit of ${hall.dailyLimit}` }]);
  }
  throw new Conflict('no free check-in code was drawn; try again');
}

function replayed(b: Booking, req: { slotId: string; matterCode: string }) {
  // as at intake, the same key with another body is refused (422)
  if (b.slotId !== req.slotId || b.matterCode !== req.matterCode) throw new Invalid('this Idempotency-Key was used for another booking', [{ path: 'Idempotency-Key', message: 'used for another booking' }]);
  return { created: false, booking: bookingView(b) };
}

/** GET /v1/bookings?mine=true: the caller's bookings, the latest slot first. */
export async function listMyBookings(ports: Pick<HallPorts, 'bookings' | 'staff' | 'authorisations' | 'clock'>, caller: Caller, page: PageRequest) {
  await authorize(ports, caller, 'booking.list_own', { kind: 'none' }, ports.clock.now());
  const res = await ports.bookings.listByBooker(caller.sub, page);
  return { items: res.items.map((b) => ({ ...b, start: localTime(b.date, b.start), end: localTime(b.date, b.end) })), nextCursor: res.nextCursor };
}

/** GET /v1/bookings/{bookingId}: the booker's own; to anyone else it does not exist. */
export async function readBooking(ports: Pick<HallPorts, 'bookings' | 'staff' | 'authorisations' | 'clock'>, caller: Caller, bookingId: string) {
  const b = isBookingId(bookingId) ? await ports.bookings.get(bookingId) : undefined;
  if (!b) throw new NotFound(`there is no booking ${bookingId}`);
  await authorize(ports, caller, 'booking.read', { kind: 'booking', booking: b }, ports.clock.now());
  return bookingView(b);
}

/**
 * GET /v1/bookings/{bookingId}/notice: the booking notice (预约回执) [H20] as a PDF, for its booker,
 * rendered from the booking, its hall and the matter's guide each time it is asked for (no object is
 * stored per booking; the bytes are the same each time). A cancelled booking has none: its check-in
 * code no longer admits anyone.
 */
export async function bookingNotice(ports: Pick<HallPorts, 'bookings' | 'halls' | 'catalog' | 'staff' | 'authorisations' | 'clock'> & Pick<Ports, 'renderer'>, caller: Caller, bookingId: string) {
  const b = isBookingId(bookingId) ? await ports.bookings.get(bookingId) : undefined;
  if (!b) throw new NotFound(`there is no booking ${bookingId}`);
  await authorize(ports, caller, 'booking.read', { kind: 'booking', booking: b }, ports.clock.now());
  if (b.status === 'cancelled') throw new Conflict('a cancelled booking has no notice: its check-in code admits nobody', { from: b.status });
  const [hall, matter] = await Promise.all([ports.halls.get(b.hallId), ports.catalog.getMatter(b.matterCode)]);
  if (!hall) throw new NotFound(`the hall ${b.hallId} of booking ${bookingId} is no longer listed`);
  return { booking: b, document: await ports.renderer.booking(b, hall, matter) };
}

/** POST /v1/bookings/{bookingId}/cancel: the booker, before the slot begins; its place goes back to the slot. */
export async function cancelBooking(ports: Pick<HallPorts, 'bookings' | 'staff' | 'authorisations' | 'clock'>, caller: Caller, bookingId: string) {
  const b = isBookingId(bookingId) ? await ports.bookings.get(bookingId) : undefined;
  if (!b) throw new NotFound(`there is no booking ${bookingId}`);
  await authorize(ports, caller, 'booking.cancel', { kind: 'booking', booking: b }, ports.clock.now());
  if (b.status === 'cancelled') return bookingView(b);
  if (b.status !== 'booked') throw new Conflict(`a booking that is ${b.status} cannot be cancelled`, { from: b.status, allowed: ['booked'] });
  const now = ports.clock.now();
  if (hasBegun(b, localNow(now))) throw new Conflict(`the slot ${b.date} ${b.start} has begun; it can no longer be cancelled`, { from: b.status });
  if (!(await ports.bookings.cancel(b, now.toISOString()))) {
    // it moved between the read and the write (checked in at the hall, or cancelled by a second request): answer as it is now
    const current = (await ports.bookings.get(bookingId))!;
    if (current.status === 'cancelled') return bookingView(current);
    throw new Conflict(`a booking that is ${current.status} cannot be cancelled`, { from: current.status, allowed: ['booked'] });
  }
  return bookingView({ ...b, status: 'cancelled', cancelledAt: now.toISOString(), version: b.version + 1 });
}

export interface HallConfiguration {
  /** the hall's version this change was made from: a change made from an older one is refused (409) */
  version: number;
  windows: Hall['windows'];
  hours: Hall['hours'];
  dailyLimit: number;
}

/**
 * POST /v1/halls/{hallId}/configuration [H8] [H11] [H21]: a head of a department in the hall sets its
 * windows, hours and daily limit; a working day under seven hours, a hall without a 综合窗口, or a
 * malformed window is refused with every reason; the change is recorded with who and when. Bookings
 * already made keep their times.
 */
export async function configureHall(ports: Pick<HallPorts, 'halls' | 'staff' | 'authorisations' | 'clock'>, caller: Caller, hallId: string, req: HallConfiguration) {
  const hall = isHallId(hallId) ? await ports.halls.get(hallId) : undefined;
  if (!hall) throw new NotFound(`there is no hall ${hallId}`);
  const role = await authorize(ports, caller, 'hall.manage', { kind: 'hall', hallId }, ports.clock.now());
  const faults = [...windowsFaults(req.windows), ...hoursFaults(req.hours)];
  if (!Number.isInteger(req.dailyLimit) || req.dailyLimit < 1 || req.dailyLimit > 10) faults.push({ path: 'dailyLimit', message: '1 to 10 bookings a person a day' });
  req.windows.forEach((w, i) => {
    if (w.clerk && hallOf(w.clerk.dept) !== hallId) faults.push({ path: `windows/${i}/clerk`, message: `a clerk of a department in ${hall.name} [H22]` });
  });
  if (faults.length) throw new Invalid(`this configuration of ${hall.name} cannot be kept`, faults);
  if (req.version !== hall.version) throw new Conflict(`${hall.name} is at version ${hall.version}, not ${req.version}: read it again`, { extra: { version: hall.version } });
  const at = ports.clock.now().toISOString();
  const by = { sub: caller.sub, name: caller.name, role, ...(caller.dept ? { dept: caller.dept } : {}) };
  const next: Hall = { ...hall, windows: req.windows, hours: req.hours, dailyLimit: req.dailyLimit, version: hall.version + 1, updatedAt: at, updatedBy: by };
  const change = { hallId, version: next.version, at, by, windows: req.windows, hours: req.hours, dailyLimit: req.dailyLimit };
  if (!(await ports.halls.put(next, change, hall.version))) throw new Conflict(`${hall.name} was changed by someone else meanwhile: read it again`);
  return publicHall(next);
}

/** GET /v1/halls/{hallId}/changes: what was changed, when and by whom, for the hall's own heads. */
export async function hallChanges(ports: Pick<HallPorts, 'halls' | 'staff' | 'authorisations' | 'clock'>, caller: Caller, hallId: string, page: PageRequest) {
  if (!isHallId(hallId) || !(await ports.halls.get(hallId))) throw new NotFound(`there is no hall ${hallId}`);
  await authorize(ports, caller, 'hall.manage', { kind: 'hall', hallId }, ports.clock.now());
  return ports.halls.changes(hallId, page);
}

/**
 * A booking's move counted into its hall's figures [H20] [N20], from the case table's stream: once per
 * version (the counter store's marker), so a redelivered record counts nothing twice.
 */
export async function countBookingMove(ports: Pick<Ports, 'counters'>, b: Pick<Booking, 'bookingId' | 'hallId' | 'date' | 'status' | 'version' | 'checkedInAt' | 'calledAt'>): Promise<boolean> {
  const counted = bookingCountsOf(b);
  return counted ? ports.counters.add({ caseId: b.bookingId, seq: b.version }, counted) : false;
}
