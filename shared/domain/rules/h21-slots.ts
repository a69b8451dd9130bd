import { minutesOf, hhmmOf, type DayKind, type Hall, type HallWindow, type Session } from '../hall.ts';

/**
 * 网上预约 [H20] and appointments outside office hours [H21]: the bookable slots of a window, derived
 * from the hall's hours and the kind of day (never stored one by one for years ahead). A working day
 * (调休 make-up days included) has the working and extended sessions, a weekend day the weekend
 * sessions, a public holiday the holiday sessions; each session is cut into the window's slots, and a
 * slot that would run past its session's end is not offered.
 *
 * A slot's id names its hall, window, day and start (`610113.W01.20261203T0900`), so that a booking
 * can be checked against the hours without storing the slot.
 */
export interface Slot {
  slotId: string;
  hallId: string;
  windowId: string;
  date: string;
  /** local time, `HH:MM` */
  start: string;
  end: string;
  /** 工作日, 延时, 周末, 节假日 */
  session: 'working' | 'extended' | 'weekend' | 'holiday';
}

export function sessionsOf(hall: Pick<Hall, 'hours'>, kind: DayKind): { session: Slot['session']; span: Session }[] {
  const h = hall.hours;
  if (kind === 'working') return [...h.working.map((span) => ({ session: 'working' as const, span })), ...(h.extended ?? []).map((span) => ({ session: 'extended' as const, span }))];
  return (kind === 'weekend' ? (h.weekend ?? []) : (h.holiday ?? [])).map((span) => ({ session: kind, span }));
}

export const slotIdOf = (hallId: string, windowId: string, date: string, start: string) => `${hallId}.${windowId}.${date.replaceAll('-', '')}T${start.replace(':', '')}`;

/** A slot id read back: its parts, or undefined when it is not one. */
export function parseSlotId(slotId: string): { hallId: string; windowId: string; date: string; start: string } | undefined {
  const m = /^(\d{6}(?:\d{3})?)\.(W\d{2})\.(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})$/.exec(slotId);
  if (!m) return undefined;
  return { hallId: m[1], windowId: m[2], date: `${m[3]}-${m[4]}-${m[5]}`, start: `${m[6]}:${m[7]}` };
}

export function slotsOfDay(hall: Pick<Hall, 'hallId' | 'hours'>, window: HallWindow, date: string, kind: DayKind): Slot[] {
  const out: Slot[] = [];
  for (const { session, span } of sessionsOf(hall, kind)) {
    for (let t = minutesOf(span.start); t + window.slotMinutes <= minutesOf(span.end); t += window.slotMinutes) {
      const start = hhmmOf(t);
      out.push({ slotId: slotIdOf(hall.hallId, window.windowId, date, start), hallId: hall.hallId, windowId: window.windowId, date, start, end: hhmmOf(t + window.slotMinutes), session });
    }
  }
  return out;
}

/** The slot a slot id names, if the hall's hours on that day offer it. */
export function slotOf(hall: Pick<Hall, 'hallId' | 'hours' | 'windows'>, slotId: string, kind: (date: string) => DayKind): Slot | undefined {
  const p = parseSlotId(slotId);
  const window = p && p.hallId === hall.hallId ? hall.windows.find((w) => w.windowId === p.windowId) : undefined;
  if (!p || !window) return undefined;
  return slotsOfDay(hall, window, p.date, kind(p.date)).find((s) => s.start === p.start);
}
