import { shanghaiDate } from '../calendar.ts';
import type { RetentionClass } from '../matter.ts';

/**
 * 保管期限 [E22]: counted in whole years from 1 January of the year after the file is closed, as
 * Chinese archive practice counts them. "Permanent" files are transferred to the state archive within
 * five years [E26] and carry a legal hold as well; their S3 retention is set a century ahead.
 */
export const RETENTION_YEARS: Record<RetentionClass, number> = { permanent: 100, '30y': 30, '10y': 10 };

export function retainUntil(closedAt: string, retention: RetentionClass): Date {
  // the year the file closed in Asia/Shanghai: 00:30 on 1 January there is still 31 December in UTC
  const year = Number(shanghaiDate(closedAt).slice(0, 4));
  return new Date(Date.UTC(year + 1 + RETENTION_YEARS[retention], 0, 1));
}

export const legalHoldFor = (retention: RetentionClass) => retention === 'permanent';
