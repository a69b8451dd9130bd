import calendar from 'chinese-days/dist/chinese-days.json';

/**
 * Working days in Asia/Shanghai, from the `chinese-days` package's data (public holidays and the
 * make-up working days, 调休), not a hand-typed list. Time limits in the regulation are working days
 * (承诺时限/法定时限, N14). Past the last year the data knows, only weekends count and the result is
 * marked provisional: the State Council publishes each year's schedule late in the year before.
 */
const holidays = new Set(Object.keys((calendar as { holidays: Record<string, string> }).holidays));
const makeUpDays = new Set(Object.keys((calendar as { workdays: Record<string, string> }).workdays));
export const LAST_KNOWN_YEAR = Math.max(...[...holidays].map((d) => Number(d.slice(0, 4))));

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** `YYYY-MM-DD` of an instant, in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiDate(at: Date | string): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string): boolean {
  if (makeUpDays.has(date)) return true;
  if (holidays.has(date)) return false;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

export interface Deadline {
  /** the last working day of the limit, `YYYY-MM-DD` in Asia/Shanghai */
  date: string;
  /** the count ran past the last year the holiday data knows */
  provisional: boolean;
}

/**
 * The date `days` working days after `from` (the day of `from` itself does not count, as in the
 * administrative-licensing practice of counting from the next day). 0 days = the same day (即办件).
 */
export function addWorkingDays(from: Date | string, days: number): Deadline {
  let date = shanghaiDate(from);
  let left = days;
  while (left > 0) {
    date = nextDate(date);
    if (isWorkingDay(date)) left--;
  }
  return { date, provisional: Number(date.slice(0, 4)) > LAST_KNOWN_YEAR };
}

/** Working days from `from` (exclusive) to `to` (inclusive). */
export function workingDaysBetween(from: Date | string, to: Date | string): number {
  let date = shanghaiDate(from);
  const end = shanghaiDate(to);
  let n = 0;
  while (date < end) {
    date = nextDate(date);
    if (isWorkingDay(date)) n++;
  }
  return n;
}
