import type { Actor } from './case.ts';

/**
 * 政务大厅 and 便民服务站: the halls where applicants are served in person [H8] [H20]. A hall is the
 * one hall of its region code (a province, city or county 政务服务中心, a township's 便民服务站), as
 * hallOf reads it from a clerk's department code; it publishes its windows and its hours, and
 * applicants book a time at a window online (网上预约) [H20].
 */
export type HallLevel = 'province' | 'city' | 'county' | 'township';

/** `HH:MM` to `HH:MM`, local time (Asia/Shanghai) */
export interface Session {
  start: string;
  end: string;
}

/**
 * 服务时间 [H11] [H21]: what the hall serves on a working day (at least seven hours), and the times
 * it serves by appointment outside them: 延时 after the working day, 周末 on weekend days and 节假日
 * on public holidays. 调休 make-up days are working days, as the case clock counts them.
 */
export interface Hours {
  working: Session[];
  extended?: Session[];
  weekend?: Session[];
  holiday?: Session[];
}

/** 窗口: a window and the matters it takes; `comprehensive` (综合窗口) takes every matter the hall receives [H8]. */
export interface HallWindow {
  windowId: string;
  name: string;
  comprehensive: boolean;
  /** the matters of a window that is not comprehensive (e.g. a 税务 or 不动产 window), by code */
  matters: string[];
  /** how many applicants one slot of this window takes */
  capacity: number;
  /** the length of a slot, minutes */
  slotMinutes: number;
  /** the clerk the head gave the window to (A岗) [H22]; none: any of the hall's clerks calls its queue */
  clerk?: { sub: string; name?: string; dept: string };
}

export interface Hall {
  hallId: string;
  name: string;
  region: string;
  level: HallLevel;
  address: string;
  windows: HallWindow[];
  hours: Hours;
  /** how many bookings one person may hold at this hall on one day */
  dailyLimit: number;
  version: number;
  updatedAt: string;
  updatedBy: Actor;
}

/** A change of a hall's windows or hours, kept with the hall (who, when, what it became). */
export interface HallChange {
  hallId: string;
  version: number;
  at: string;
  by: Actor;
  hours: Hours;
  windows: HallWindow[];
  dailyLimit: number;
}

/** A hall's id is its region code: a county's (or city's, the province's) six digits, a township's nine. */
export const isHallId = (v: string) => /^\d{6}(\d{3})?$/.test(v);

/** What kind of day a date is for a hall: its hours follow from it. */
export type DayKind = 'working' | 'weekend' | 'holiday';

/** `09:30` → 570 */
export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** 570 → `09:30` */
export const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
