import type { ClockAdjustments } from '../case.ts';
import { Invalid } from '../errors.ts';

/** Most working days one extension may add (行政许可法 第四十二条). */
export const MAX_EXTENSION_DAYS = 10;

/**
 * The time limit is extended once, by at most ten working days, with the head's approval and a notice
 * to the applicant [N20] (行政许可法 第四十二条): timeliness is measured against the limit as extended.
 */
export function assertExtensible(adj: ClockAdjustments, days: number): void {
  if (adj.extensions.length) throw new Invalid('the time limit has already been extended once', [{ path: 'days', message: 'one extension per case' }]);
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) throw new Invalid(`an extension is 1 to ${MAX_EXTENSION_DAYS} working days`, [{ path: 'days', message: `1..${MAX_EXTENSION_DAYS}` }]);
}
