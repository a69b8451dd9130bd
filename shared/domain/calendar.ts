/**
 * Working days in Asia/Shanghai. Time limits in the regulation are working days (承诺时限/法定时限
 * [N14]); which days are holidays and which weekend days are worked instead (调休) is data, handed to
 * the calendar by the deployment (`shared/adapters/calendar.ts`), never typed into code. Past the last
 * year the data knows, only weekends count and the result is marked provisional: the State Council
 * publishes each year's schedule late in the year before, and provisional deadlines are counted again
 * once a calendar that knows the year is deployed.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The months (`YYYY-MM`) of the last `n` up to and including the month of `today` (`YYYY-MM-DD`), oldest first. */
export function monthsUpTo(today: string, n: number): string[] {
  const [y, m] = today.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - n + i, 1)).toISOString().slice(0, 7));
}

/** `YYYY-MM-DD` of an instant, in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiDate(at: Date | string): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A calendar day written `YYYY-MM-DD` (2026-13-01 and 2026-02-30 are not). */
export function isDay(v: string): boolean {
  const t = Date.parse(`${v}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
}

/** An instant in Asia/Shanghai as a hall's clock reads it: the date and the minutes since midnight. */
export function localNow(at: Date): { date: string; minutes: number } {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return { date: local.toISOString().slice(0, 10), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** `n` calendar days after a date (YYYY-MM-DD). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The day after a date (YYYY-MM-DD): a limit that ends on `date` has passed from this day on. */
export function dayAfter(date: string): string {
  return addDays(date, 1);
}

export interface Deadline {
  /** the last working day of the limit, `YYYY-MM-DD` in Asia/Shanghai */
  date: string;
  /** the count ran past the last year the holiday data knows */
  provisional: boolean;
}

/** A working-day calendar over one set of holiday data (`{holidays, workdays}` keyed by date). */
export class WorkingDayCalendar {
  private readonly holidays: Set<string>;
  private readonly makeUpDays: Set<string>;
  readonly lastKnownYear: number;

  constructor(data: { holidays: Record<string, unknown>; workdays: Record<string, unknown> }) {
    this.holidays = new Set(Object.keys(data.holidays));
    this.makeUpDays = new Set(Object.keys(data.workdays));
    this.lastKnownYear = Math.max(...[...this.holidays].map((d) => Number(d.slice(0, 4))));
  }

  isWorkingDay(date: string): boolean {
    if (this.makeUpDays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /**
   * A day as a hall's hours read it [H11] [H21]: a working day (a 调休 make-up day is one), a public
   * holiday (法定节假日, with the rest days joined to it), or an ordinary weekend day.
   */
  dayKind(date: string): 'working' | 'weekend' | 'holiday' {
    if (this.isWorkingDay(date)) return 'working';
    return this.holidays.has(date) ? 'holiday' : 'weekend';
  }

  /**
   * The date `days` working days after `from` (the day of `from` itself does not count, as in the
   * administrative-licensing practice of counting from the next day). 0 days = the same day (即办件).
   */
  addWorkingDays(from: Date | string, days: number): Deadline {
    let date = shanghaiDate(from);
    let left = days;
    while (left > 0) {
      date = dayAfter(date);
      if (this.isWorkingDay(date)) left--;
    }
    return { date, provisional: Number(date.slice(0, 4)) > this.lastKnownYear };
  }

  /** Working days from `from` (exclusive) to `to` (inclusive). */
  workingDaysBetween(from: Date | string, to: Date | string): number {
    let date = shanghaiDate(from);
    const end = shanghaiDate(to);
    let n = 0;
    while (date < end) {
      date = dayAfter(date);
      if (this.isWorkingDay(date)) n++;
    }
    return n;
  }
}
