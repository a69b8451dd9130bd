import { authorize } from '../access/gate.ts';
import { callKeyOf, CHECK_IN_EARLY_MINUTES, isBookingId, type Booking } from '../booking.ts';
import type { Caller } from '../caller.ts';
import { Conflict, Forbidden, Malformed, NotFound } from '../errors.ts';
import { hhmmOf, isHallId, minutesOf } from '../hall.ts';
import type { PageRequest, Ports } from '../ports.ts';
import { windowCallRefusal } from '../rules/h22-ab-post.ts';
import { isDay, localNow } from '../calendar.ts';
import { bookingView } from './bookings.ts';

/**
 * At the hall [H20] [H22]: a booking checked in with its code joins its window's queue; the window's
 * clerk (or, while they are away, their backup) calls the next in order of arrival; one who does not
 * come is marked a no-show. Every move is a write guarded by the booking's version, so two clerks
 * never call the same person; a call sent again with its Idempotency-Key calls nobody new.
 */
type DeskPorts = Pick<Ports, 'halls' | 'bookings' | 'staff' | 'authorisations' | 'clock'>;

const CALL_TRIES = 5;

/** POST /v1/halls/{hallId}/check-in {checkInCode}: on the slot's day, from an hour before it until it ends. */
export async function checkIn(ports: DeskPorts, caller: Caller, hallId: string, checkInCode: string) {
  if (!isHallId(hallId)) throw new NotFound(`there is no hall ${hallId}`);
  const now = ports.clock.now();
  await authorize(ports, caller, 'hall.desk', { kind: 'hall', hallId }, now);
  const local = localNow(now);
  const b = await ports.bookings.byCode(hallId, local.date, checkInCode);
  if (!b) throw new NotFound(`no booking at hall ${hallId} today has the code ${checkInCode}`);
  if (b.status === 'checked_in' || b.status === 'called') return bookingView(b);
  if (b.status !== 'booked') throw new Conflict(`a booking that is ${b.status} cannot be checked in`, { from: b.status, allowed: ['booked'] });
  if (local.minutes < minutesOf(b.start) - CHECK_IN_EARLY_MINUTES) throw new Conflict(`check-in for ${b.start} opens at ${hhmmOf(minutesOf(b.start) - CHECK_IN_EARLY_MINUTES)}`, { from: b.status });
  if (local.minutes > minutesOf(b.end)) throw new Conflict(`the slot ${b.start}–${b.end} has ended; the booking can only be marked a no-show`, { from: b.status });
  const next: Booking = { ...b, status: 'checked_in', checkedInAt: now.toISOString(), checkedInBy: caller.sub, version: b.version + 1 };
  if (await ports.bookings.update(next, b.version)) return bookingView(next);
  const current = (await ports.bookings.get(b.bookingId))!;
  if (current.status === 'checked_in' || current.status === 'called') return bookingView(current);
  throw new Conflict(`the booking is ${current.status}`, { from: current.status });
}

/**
 * POST /v1/halls/{hallId}/windows/{windowId}/call-next: the first checked-in booking of the window's
 * queue today, by arrival, now called; none waiting is undefined (204). AB岗 [H22]: a window given to a
 * clerk is called by them, by the head, or by their backup while they are recorded away. With an
 * Idempotency-Key, the same request again (a retry after a lost answer, a double click) answers with
 * the booking it called, while that one is still called, instead of calling the next person.
 */
export async function callNext(ports: DeskPorts, caller: Caller, hallId: string, windowId: string, idempotencyKey?: string) {
  const hall = isHallId(hallId) ? await ports.halls.get(hallId) : undefined;
  const window = hall?.windows.find((w) => w.windowId === windowId);
  if (!hall || !window) throw new NotFound(`there is no window ${windowId} at hall ${hallId}`);
  const now = ports.clock.now();
  const role = await authorize(ports, caller, 'hall.desk', { kind: 'hall', hallId }, now);
  if (window.clerk && window.clerk.sub !== caller.sub && role !== 'head') {
    const refusal = windowCallRefusal(caller, window, role, await ports.staff.absence(window.clerk.dept, window.clerk.sub, now), now);
    if (refusal) throw new Forbidden(refusal);
  }
  const { date } = localNow(now);
  const callKey = idempotencyKey === undefined ? undefined : callKeyOf(caller.sub, idempotencyKey);
  if (callKey) {
    const again = await ports.bookings.calledWith(hallId, date, windowId, callKey);
    if (again) return bookingView(again);
  }
  for (let i = 0; i < CALL_TRIES; i++) {
    const b = await ports.bookings.nextWaiting(hallId, date, windowId);
    if (!b) return undefined;
    const next: Booking = { ...b, status: 'called', calledAt: ports.clock.now().toISOString(), calledBy: caller.sub, ...(callKey ? { callKey } : {}), version: b.version + 1 };
    // another clerk called this one first: take the next
    if (await ports.bookings.update(next, b.version)) return bookingView(next);
  }
  throw new Conflict(`window ${windowId} is being called from elsewhere at the same moment; call again`);
}

/** POST /v1/bookings/{bookingId}/no-show: one called who did not come, or one not checked in by the end of their slot. */
export async function markNoShow(ports: DeskPorts, caller: Caller, bookingId: string) {
  const b = isBookingId(bookingId) ? await ports.bookings.get(bookingId) : undefined;
  if (!b) throw new NotFound(`there is no booking ${bookingId}`);
  const now = ports.clock.now();
  try {
    await authorize(ports, caller, 'hall.desk', { kind: 'hall', hallId: b.hallId }, now);
  } catch (err) {
    // staff of another hall learn nothing of this one's bookings
    if (err instanceof Forbidden) throw new NotFound(`there is no booking ${bookingId}`);
    throw err;
  }
  if (b.status === 'no_show') return bookingView(b);
  const local = localNow(now);
  const ended = b.date < local.date || (b.date === local.date && local.minutes > minutesOf(b.end));
  if (!(b.status === 'called' || ((b.status === 'booked' || b.status === 'checked_in') && ended))) {
    throw new Conflict(b.status === 'booked' || b.status === 'checked_in' ? `the slot ${b.start}–${b.end} has not ended and the booking was not called` : `a booking that is ${b.status} is not a no-show`, { from: b.status, allowed: ['called'] });
  }
  const next: Booking = { ...b, status: 'no_show', noShowAt: now.toISOString(), version: b.version + 1 };
  if (!(await ports.bookings.update(next, b.version))) throw new Conflict('the booking changed meanwhile; read it again');
  return bookingView(next);
}

/** GET /v1/halls/{hallId}/queue?date=&windowId=: the day's bookings of the hall (or a window), called, waiting, booked, done. */
export async function dayQueue(ports: DeskPorts, caller: Caller, hallId: string, q: { date?: string; windowId?: string }, page: PageRequest) {
  if (!isHallId(hallId)) throw new NotFound(`there is no hall ${hallId}`);
  const now = ports.clock.now();
  await authorize(ports, caller, 'hall.desk', { kind: 'hall', hallId }, now);
  const date = q.date ?? localNow(now).date;
  if (!isDay(date)) throw new Malformed('date is a day, YYYY-MM-DD', [{ path: 'date', message: 'YYYY-MM-DD' }]);
  if (q.windowId !== undefined && !/^W\d{2}$/.test(q.windowId)) throw new Malformed('windowId is W01 … W99', [{ path: 'windowId', message: 'W01 … W99' }]);
  const res = await ports.bookings.dayQueue(hallId, date, q.windowId, page);
  return { hallId, date, items: res.items.map(bookingView), nextCursor: res.nextCursor };
}
