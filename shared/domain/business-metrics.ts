import type { Booking } from './booking.ts';
import type { AuditEvent, Case, Channel } from './case.ts';
import { shanghaiDate, type WorkingDayCalendar } from './calendar.ts';
import { clockOf } from './clock.ts';
import { hallOf } from './rules/h8-single-window.ts';
import { isBadEvaluation } from './rules/n21-evaluation.ts';

/**
 * The business figures supervision reads [N20] [N21], counted per day, department and channel from the
 * audit trail: what a step did is what it counts.
 */
export const COUNTERS = [
  'submitted', 'accepted', 'correctionRequested', 'rejected', 'returned', 'completed', 'onTime', 'overdue', 'workingDays', 'evaluations', 'scoreSum', 'bad',
  // at the halls [H20]: bookings made and cancelled, check-ins, calls and the seconds waited before them, no-shows, cases filed from them
  'booked', 'bookingsCancelled', 'checkedIn', 'called', 'waitSeconds', 'noShows', 'served',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Partial<Record<Counter, number>>;
export const CHANNELS: readonly Channel[] = ['online', 'window', 'agent', 'kiosk'];

/**
 * The dimensions a business metric (CloudWatch EMF) carries [N20], each its own dimension set: the city
 * (11 values), the channel (4) and the matter type (~10), never a county, a department or a case, so
 * the platform pays for a few dozen custom metrics, not one per combination of 4,000+ departments.
 */
export interface MetricDimensions {
  city: string;
  channel: Channel;
  matterType?: string;
}

export const metricDimensions = (c: Pick<Case, 'region' | 'channel' | 'matterType'>): MetricDimensions => ({ city: `${c.region.slice(0, 4)}00`, channel: c.channel, ...(c.matterType ? { matterType: c.matterType } : {}) });

/** What one step adds, on the day (Beijing) it was taken, to the accepting department's figures in the case's channel (or to a hall's [H20]). */
export interface Counted {
  day: string;
  dept: string;
  /** a hall's figures (bookings), kept as the hall's entry instead of a department's */
  hall?: string;
  channel: Channel;
  counts: Counts;
}

/**
 * What a booking's move adds to its hall's figures [H20], on the day of its slot: each version of a
 * booking is one move (booked, cancelled, checked in, called — with the seconds waited since check-in
 * —, a no-show, served), counted once.
 */
export function bookingCountsOf(b: Pick<Booking, 'hallId' | 'date' | 'status' | 'version' | 'checkedInAt' | 'calledAt'>): Counted | undefined {
  const counts = ((): Counts | undefined => {
    switch (b.status) {
      case 'booked':
        return b.version === 1 ? { booked: 1 } : undefined;
      case 'cancelled':
        return { bookingsCancelled: 1 };
      case 'checked_in':
        return { checkedIn: 1 };
      case 'called': {
        const waited = b.checkedInAt && b.calledAt ? Math.max(0, Math.round((Date.parse(b.calledAt) - Date.parse(b.checkedInAt)) / 1000)) : 0;
        return { called: 1, waitSeconds: waited };
      }
      case 'no_show':
        return { noShows: 1 };
      case 'served':
        return { served: 1 };
    }
  })();
  // booked online: the channel of the booking itself
  return counts && { day: b.date, dept: b.hallId, hall: b.hallId, channel: 'online', counts };
}

/** The counts a step on the audit trail adds; undefined for a step that counts nothing. */
export function countsOf(event: Pick<AuditEvent, 'action' | 'at' | 'detail'>, c: Case, calendar: WorkingDayCalendar): Counted | undefined {
  const counts = ((): Counts | undefined => {
    switch (event.action) {
      case 'submit':
        return { submitted: 1 };
      case 'accept':
        return { accepted: 1 };
      case 'request_correction':
        return { correctionRequested: 1 };
      case 'reject':
        return { rejected: 1 };
      case 'return':
      case 'close_unanswered_correction':
        return { returned: 1 };
      case 'unified_return': {
        // on time: decided by the last working day of the promised limit (extensions and pauses counted in it)
        const onTime = !c.deadline || shanghaiDate(event.at) <= c.deadline;
        const used = c.acceptedAt ? clockOf({ ...c, completedAt: event.at }, new Date(event.at), calendar).usedWorkingDays : 0;
        return { completed: 1, [onTime ? 'onTime' : 'overdue']: 1, workingDays: used };
      }
      case 'evaluate': {
        const score = Number((event.detail as { score?: unknown } | undefined)?.score);
        return Number.isInteger(score) && score >= 1 && score <= 5 ? { evaluations: 1, scoreSum: score, ...(isBadEvaluation(score) ? { bad: 1 } : {}) } : undefined;
      }
      default:
        return undefined;
    }
  })();
  return counts && { day: shanghaiDate(event.at), dept: c.acceptingDept, channel: c.channel, counts };
}

/** The figures API.md names, from summed counts. */
export function figuresOf(sum: Counts) {
  const n = (k: Counter) => sum[k] ?? 0;
  const decided = n('onTime') + n('overdue');
  return {
    submitted: n('submitted'),
    accepted: n('accepted'),
    correctionRequested: n('correctionRequested'),
    rejected: n('rejected'),
    returned: n('returned'),
    completed: n('completed'),
    onTime: n('onTime'),
    overdue: n('overdue'),
    onTimeRate: decided ? Math.round((n('onTime') / decided) * 10_000) / 10_000 : null,
    avgWorkingDays: n('completed') ? Math.round((n('workingDays') / n('completed')) * 100) / 100 : null,
    evaluations: { count: n('evaluations'), average: n('evaluations') ? Math.round((n('scoreSum') / n('evaluations')) * 100) / 100 : null, bad: n('bad') },
    // [H20] at the halls: bookings, check-ins, no-shows, cases filed from bookings, and the average wait from check-in to the call
    appointments: { booked: n('booked'), cancelled: n('bookingsCancelled'), checkedIn: n('checkedIn'), noShows: n('noShows'), served: n('served'), avgWaitMinutes: n('called') ? Math.round((n('waitSeconds') / n('called') / 60) * 10) / 10 : null },
  };
}

export const addCounts = (into: Counts, more: Counts): Counts => {
  for (const k of COUNTERS) if (more[k]) into[k] = (into[k] ?? 0) + more[k]!;
  return into;
};

/**
 * Where a department's counts are kept, so that any region's figures are one Query of its own
 * partition: the department's entry in its region's partition, and that region's entry in each region
 * above it (county → city → province). A region's figures are the sum of the entries in its partition:
 * its own departments and the regions directly below it.
 */
export function rollUp(dept: string, hall?: string): { region: string; entry: string }[] {
  const own = (hall ?? hallOf(dept) ?? dept).slice(0, 6);
  const city = `${own.slice(0, 4)}00`;
  const province = `${own.slice(0, 2)}0000`;
  const out = [{ region: own, entry: hall ? `HALL#${hall}` : `DEPT#${dept}` }];
  if (own !== city && own !== province) out.push({ region: city, entry: `REGION#${own}` });
  if (own !== province) out.push({ region: province, entry: `REGION#${own === city ? own : city}` });
  return out;
}
