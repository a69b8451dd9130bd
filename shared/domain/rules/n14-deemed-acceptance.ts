import { shanghaiDate } from '../calendar.ts';
import type { Case } from '../case.ts';

/**
 * Acceptance within 5 working days [N14] (行政许可法 第三十二条): a correction notice not issued within
 * them cannot be issued later, and the case counts as accepted from the day its materials were
 * received. Returns when the promised clock starts for an acceptance decided at `at`, and whether a
 * correction may still be asked for.
 */
export function acceptanceWindow(c: Pick<Case, 'acceptBy' | 'submittedAt'>, at: string): { late: boolean; clockStart: string } {
  const late = shanghaiDate(at) > c.acceptBy;
  return { late, clockStart: late ? c.submittedAt : at };
}
