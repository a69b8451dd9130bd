import { createHash, randomInt } from 'node:crypto';

/**
 * 网上预约 [H20]: a time at a hall's window, booked online by the applicant in their real name for a
 * matter the window takes. At the hall the check-in code turns it into the window's queue; the clerk
 * then calls it, files the case from it, or marks it a no-show.
 */
export type BookingStatus = 'booked' | 'cancelled' | 'checked_in' | 'called' | 'served' | 'no_show';

export interface Booking {
  bookingId: string;
  /** shown on the booking notice, given at the hall; unique for the hall and day */
  checkInCode: string;
  hallId: string;
  windowId: string;
  slotId: string;
  /** the day and local times of the slot */
  date: string;
  start: string;
  end: string;
  matterCode: string;
  matterName: string;
  status: BookingStatus;
  /** who booked, as their token names them (实名) */
  booker: { sub: string; name: string; idType?: string; idNumber?: string };
  bookedAt: string;
  cancelledAt?: string;
  /** at the hall: checked in with the code, called to the window, missed, or served with the case filed from it */
  checkedInAt?: string;
  checkedInBy?: string;
  calledAt?: string;
  calledBy?: string;
  /** the call's Idempotency-Key as callKeyOf makes it: the same request from the window calls this booking again, never the next */
  callKey?: string;
  noShowAt?: string;
  servedAt?: string;
  caseId?: string;
  version: number;
}

/** A booker's identity number as a booking shows it (on a screen, on a slip left on a counter): the first three and last four digits. */
export const maskIdNumber = (id: string) => `${id.slice(0, 3)}${'*'.repeat(Math.max(0, id.length - 7))}${id.slice(-4)}`;

/** How long before its slot a booking may be checked in. */
export const CHECK_IN_EARLY_MINUTES = 60;

/** What a booker's list shows of each booking: projected into the index the list is read from, so a page is one Query. */
export const BOOKING_SUMMARY_FIELDS = ['bookingId', 'checkInCode', 'hallId', 'windowId', 'slotId', 'date', 'start', 'end', 'matterCode', 'matterName', 'status'] as const satisfies readonly (keyof Booking)[];
export type BookingSummary = Pick<Booking, (typeof BOOKING_SUMMARY_FIELDS)[number]>;

/**
 * A booking's id from its booker and the request's Idempotency-Key: the same request sent again is the
 * same booking (the store writes it once), and nobody can name another person's booking by guessing.
 */
export function bookingIdOf(sub: string, idempotencyKey: string): string {
  const h = createHash('sha256').update(`booking\0${sub}\0${idempotencyKey}`).digest();
  return `BK${base32(h).slice(0, 20)}`;
}

/** A window's call, from the clerk and the request's Idempotency-Key: the key of one clerk never answers another's call. */
export function callKeyOf(sub: string, idempotencyKey: string): string {
  return createHash('sha256').update(`call\0${sub}\0${idempotencyKey}`).digest('base64url').slice(0, 22);
}

/** A booking id as bookingIdOf makes them; anything else names no booking (and never reaches a key). */
export const isBookingId = (v: string) => /^BK[A-Z0-9]{20}$/.test(v);

/** Six digits: read out at the hall's desk or typed at its kiosk. The store keeps them unique per hall and day. */
export const newCheckInCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** The bookings a person holds (not cancelled, not yet missed) count against the day's limit. */
export const HELD: readonly BookingStatus[] = ['booked', 'checked_in', 'called'];

const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789';
function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
