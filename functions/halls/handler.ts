import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { bookingStore } from '#shared/adapters/dynamodb/bookings';
import { catalogReader } from '#shared/adapters/dynamodb/catalog';
import { hallStore } from '#shared/adapters/dynamodb/halls';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { CALENDAR } from '#shared/adapters/calendar';
import { regions } from '#shared/adapters/regions';
import { systemClock } from '#shared/adapters/system';
import { book, cancelBooking, configureHall, hallChanges, listHalls, listMyBookings, listSlots, publicHall, readBooking } from '#shared/domain/steps/bookings';
import { callNext, checkIn, dayQueue, markNoShow } from '#shared/domain/steps/hall-desk';
import { isHallId } from '#shared/domain/hall';
import { apiHandler } from '#shared/http/handler';
import { pageOf } from '#shared/http/paging';
import { idempotencyKey, parseBody } from '#shared/http/parse';
import { badRequest, Problem } from '#shared/http/problem';
import { BookingRequest, CheckInRequest, HallConfiguration } from '#shared/http/schemas';

const ports = { halls: hallStore, bookings: bookingStore, catalog: catalogReader, calendar: CALENDAR, clock: systemClock, regions, staff: staffRegister, authorisations: authorisationStore };

/**
 * The halls and appointments (网上预约) [H8] [H11] [H20] [H21]: where and when a hall serves (public),
 * the slots its hours give, and a citizen's bookings.
 */
export const handler = apiHandler('halls', {
  'GET /v1/halls': async ({ query }) => ({ body: await listHalls(ports, query.region, pageOf(query)) }),
  'GET /v1/halls/{hallId}': async ({ path }) => {
    const hall = isHallId(path.hallId) ? await hallStore.get(path.hallId) : undefined;
    if (!hall) throw new Problem(404, 'Not Found', `there is no hall ${path.hallId}`);
    return { body: publicHall(hall) };
  },
  'POST /v1/halls/{hallId}/configuration': async ({ caller, path, body }) => ({ body: await configureHall(ports, caller, path.hallId, parseBody(HallConfiguration, body)) }),
  'GET /v1/halls/{hallId}/changes': async ({ caller, path, query }) => ({ body: await hallChanges(ports, caller, path.hallId, pageOf(query)) }),
  'GET /v1/halls/{hallId}/slots': async ({ path, query }) => ({ body: await listSlots(ports, path.hallId, { matterCode: query.matterCode, from: query.from, to: query.to }, pageOf(query)) }),
  'POST /v1/bookings': async ({ caller, headers, body }) => {
    const r = await book(ports, caller, parseBody(BookingRequest, body), idempotencyKey(headers));
    return { status: r.created ? 201 : 200, body: r.booking };
  },
  'POST /v1/halls/{hallId}/check-in': async ({ caller, path, body }) => ({ body: await checkIn(ports, caller, path.hallId, parseBody(CheckInRequest, body).checkInCode) }),
  'POST /v1/halls/{hallId}/windows/{windowId}/call-next': async ({ caller, path, headers }) => {
    const called = await callNext(ports, caller, path.hallId, path.windowId, idempotencyKey(headers, 'optional'));
    return called ? { body: called } : { status: 204 };
  },
  'GET /v1/halls/{hallId}/queue': async ({ caller, path, query }) => ({ body: await dayQueue(ports, caller, path.hallId, { date: query.date, windowId: query.windowId }, pageOf(query)) }),
  'POST /v1/bookings/{bookingId}/no-show': async ({ caller, path }) => ({ body: await markNoShow(ports, caller, path.bookingId) }),
  'GET /v1/bookings': async ({ caller, query }) => {
    if (query.mine !== 'true') throw badRequest('your bookings are listed with ?mine=true', [{ path: 'mine', message: 'must be true' }]);
    return { body: await listMyBookings(ports, caller, pageOf(query)) };
  },
  'GET /v1/bookings/{bookingId}': async ({ caller, path }) => ({ body: await readBooking(ports, caller, path.bookingId) }),
  'POST /v1/bookings/{bookingId}/cancel': async ({ caller, path }) => ({ body: await cancelBooking(ports, caller, path.bookingId) }),
});
