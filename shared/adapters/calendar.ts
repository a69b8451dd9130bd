import calendarData from 'chinese-days/dist/chinese-days.json';
import { WorkingDayCalendar } from '../domain/calendar.ts';

/**
 * The working-day calendar deployed with this code: the `chinese-days` package's data (public holidays
 * and the make-up working days, 调休), not a hand-typed list. A newer package version is a newer
 * calendar; the sweeper then counts provisional deadlines again.
 */
export const CALENDAR = new WorkingDayCalendar(calendarData as { holidays: Record<string, string>; workdays: Record<string, string> });
export const LAST_KNOWN_YEAR = CALENDAR.lastKnownYear;
export const isWorkingDay = (date: string) => CALENDAR.isWorkingDay(date);
export const addWorkingDays = (from: Date | string, days: number) => CALENDAR.addWorkingDays(from, days);
export const workingDaysBetween = (from: Date | string, to: Date | string) => CALENDAR.workingDaysBetween(from, to);
