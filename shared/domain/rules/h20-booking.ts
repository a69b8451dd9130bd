import { addDays } from '../calendar.ts';
import type { FieldError } from '../errors.ts';
import { minutesOf, type DayKind, type Hall, type HallWindow } from '../hall.ts';
import type { Matter } from '../matter.ts';
import { windowReceives } from './h8-single-window.ts';
import { slotOf, type Slot } from './h21-slots.ts';

/**
 * Whether a booking may be made [H20] [H21]: the slot is one the hall's hours offer on that day (a
 * holiday without a holiday session offers none), it has not begun, the window takes the matter (a
 * comprehensive window every matter the hall receives [H8], another only its own), and the matter is
 * published. Every reason at once; an empty list is yes.
 */
export const MAX_DAYS_AHEAD = 30;

/** A window takes a matter: a 综合窗口 whatever its hall receives [H8] [H20], another window its own list. */
export function windowTakes(hall: Pick<Hall, 'hallId'>, window: HallWindow, matter: Pick<Matter, 'code' | 'region' | 'status'>): boolean {
  if (matter.status !== 'published') return false;
  return window.comprehensive ? windowReceives(hall.hallId, matter.region) : window.matters.includes(matter.code);
}

/** Whether a slot (or a booking's) has begun by a local now. */
export const hasBegun = (slot: { date: string; start: string }, now: { date: string; minutes: number }) => slot.date < now.date || (slot.date === now.date && minutesOf(slot.start) <= now.minutes);

/** The last day bookings are open on, from a local today. */
export const lastBookableDay = (today: string) => addDays(today, MAX_DAYS_AHEAD);

export function bookingFaults(hall: Hall, slotId: string, matter: Matter | undefined, kind: (date: string) => DayKind, now: { date: string; minutes: number }): { slot?: Slot; faults: FieldError[] } {
  const faults: FieldError[] = [];
  const slot = slotOf(hall, slotId, kind);
  if (!slot) faults.push({ path: 'slotId', message: `${slotId} is not a time ${hall.name} offers: outside its hours, on a day it does not serve, or not one of its windows [H11]` });
  else {
    if (hasBegun(slot, now)) faults.push({ path: 'slotId', message: `${slot.date} ${slot.start} has already begun` });
    if (slot.date > lastBookableDay(now.date)) faults.push({ path: 'slotId', message: `bookings open ${MAX_DAYS_AHEAD} days ahead` });
  }
  if (!matter) faults.push({ path: 'matterCode', message: 'no published matter has this code' });
  else if (slot) {
    const window = hall.windows.find((w) => w.windowId === slot.windowId)!;
    if (!windowTakes(hall, window, matter)) faults.push({ path: 'matterCode', message: `${window.name} of ${hall.name} does not take ${matter.name} [H8]` });
  }
  return { slot, faults };
}
