import type { FieldError } from '../errors.ts';
import { minutesOf, type Hours, type Session } from '../hall.ts';

/**
 * 服务时间 [H11]: a hall serves at least seven hours on every working day, and may add extended
 * (延时), weekend and holiday sessions by appointment [H21]. A schedule is refused with every fault at
 * once: a time that is not `HH:MM`, a session that ends before it starts or overlaps another, an
 * extended session inside the working day, or a working day shorter than seven hours.
 */
export const MIN_WORKING_MINUTES = 7 * 60;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function sessionsFaults(path: string, sessions: Session[] | undefined): FieldError[] {
  const faults: FieldError[] = [];
  const list = sessions ?? [];
  list.forEach((s, i) => {
    for (const k of ['start', 'end'] as const) if (!HHMM.test(s[k])) faults.push({ path: `${path}/${i}/${k}`, message: 'a time of day, HH:MM' });
    if (HHMM.test(s.start) && HHMM.test(s.end) && minutesOf(s.end) <= minutesOf(s.start)) faults.push({ path: `${path}/${i}`, message: `ends (${s.end}) before it starts (${s.start})` });
  });
  const ok = list.filter((s) => HHMM.test(s.start) && HHMM.test(s.end) && minutesOf(s.end) > minutesOf(s.start)).sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  for (let i = 1; i < ok.length; i++) if (minutesOf(ok[i].start) < minutesOf(ok[i - 1].end)) faults.push({ path, message: `${ok[i - 1].start}–${ok[i - 1].end} and ${ok[i].start}–${ok[i].end} overlap` });
  return faults;
}

export const workingMinutes = (hours: Pick<Hours, 'working'>) => hours.working.reduce((n, s) => n + Math.max(0, minutesOf(s.end) - minutesOf(s.start)), 0);

export function hoursFaults(hours: Hours): FieldError[] {
  const faults = [
    ...sessionsFaults('hours/working', hours.working),
    ...sessionsFaults('hours/extended', hours.extended),
    ...sessionsFaults('hours/weekend', hours.weekend),
    ...sessionsFaults('hours/holiday', hours.holiday),
  ];
  if (faults.length) return faults;
  const minutes = workingMinutes(hours);
  if (minutes < MIN_WORKING_MINUTES) faults.push({ path: 'hours/working', message: `${(minutes / 60).toFixed(1)} hours a working day; a hall serves at least 7 [H11]` });
  // 延时服务 is after (or before) the working day, never inside it
  const day = { start: Math.min(...hours.working.map((s) => minutesOf(s.start))), end: Math.max(...hours.working.map((s) => minutesOf(s.end))) };
  (hours.extended ?? []).forEach((s, i) => {
    if (minutesOf(s.start) < day.end && minutesOf(s.end) > day.start) faults.push({ path: `hours/extended/${i}`, message: `extended service is outside the working day (${hhmm(day.start)}–${hhmm(day.end)})` });
  });
  return faults;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
