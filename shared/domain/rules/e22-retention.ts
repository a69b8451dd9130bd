import { shanghaiDate } from '../calendar.ts';
import type { RetentionClass } from '../matter.ts';

/**
 * 保管期限 [E22]: counted in whole years from 1 January of the year after the file is closed, as
 * Chinese archive practice counts them. "Permanent" files are transferred to the state archive within
 * five years [E26] and are held by a legal hold, which never expires, as well as by their retention.
 */
export const RETENTION_YEARS: Record<Exclude<RetentionClass, 'dev'>, number> = { permanent: 100, '30y': 30, '10y': 10 };

/**
 * The latest retain-until every object store we deploy to can hold: Ceph RGW keeps it in 32-bit
 * unsigned seconds (a date in 2127 reads back as 1990-11-24), whose last second is 2106-02-07. A
 * permanent file's retention is capped here and its legal hold carries it beyond; a lock is never asked
 * for that the store would silently wrap.
 */
export const LOCK_HORIZON = new Date(Date.UTC(2106, 0, 1));

/** The development class without a development configuration: nothing is locked for seconds by mistake. */
export class NoDevRetention extends Error {
  constructor() {
    super('retention class dev is defined only by a development configuration (ARCHIVE_DEV_RETENTION_SECONDS)');
    this.name = 'NoDevRetention';
  }
}

export function retainUntil(closedAt: string, retention: RetentionClass, devSeconds?: number): Date {
  if (retention === 'dev') {
    if (!devSeconds) throw new NoDevRetention();
    return new Date(Math.ceil((Date.parse(closedAt) + devSeconds * 1000) / 1000) * 1000);
  }
  // the year the file closed in Asia/Shanghai: 00:30 on 1 January there is still 31 December in UTC
  const year = Number(shanghaiDate(closedAt).slice(0, 4));
  const until = new Date(Date.UTC(year + 1 + RETENTION_YEARS[retention], 0, 1));
  return until > LOCK_HORIZON ? LOCK_HORIZON : until;
}

export const legalHoldFor = (retention: RetentionClass) => retention === 'permanent';

/** The Object Lock a package is written under [E18] [E22]: COMPLIANCE, nobody shortens or lifts it. */
export interface ArchiveLock {
  mode: 'COMPLIANCE';
  retainUntil: string;
  legalHold: boolean;
}

export const archiveLock = (closedAt: string, retention: RetentionClass, devSeconds?: number): ArchiveLock => ({
  mode: 'COMPLIANCE',
  retainUntil: retainUntil(closedAt, retention, devSeconds).toISOString(),
  legalHold: legalHoldFor(retention),
});

/**
 * How the lock the store reports differs from the lock asked for: empty when it holds. Read back after
 * every write, so that nothing is recorded that the store does not hold.
 */
export function lockDifferences(asked: ArchiveLock, reported: { mode?: string; retainUntil?: string; legalHold: boolean }): LockDifference[] {
  const out: LockDifference[] = [];
  if (reported.mode !== asked.mode) out.push({ item: 'lock_mode', detail: `mode ${reported.mode ?? 'none'}, not ${asked.mode}` });
  const at = reported.retainUntil ? Date.parse(reported.retainUntil) : NaN;
  if (at !== Date.parse(asked.retainUntil)) out.push({ item: 'retain_until', detail: `retain-until ${reported.retainUntil ?? 'none'}, not ${asked.retainUntil}` });
  if (reported.legalHold !== asked.legalHold) out.push({ item: 'legal_hold', detail: `legal hold ${reported.legalHold ? 'on' : 'off'}, not ${asked.legalHold ? 'on' : 'off'}` });
  return out;
}

/** One way a lock differs: the four-property check's security item it breaks, and what the store reported. */
export interface LockDifference {
  item: 'lock_mode' | 'retain_until' | 'legal_hold';
  detail: string;
}

/**
 * The class a package is kept under [E22]: what the retention schedule (保管期限表) says for its matter
 * type when it is archived, else the class its matter carried at filing; a development case keeps `dev`.
 */
export function retentionAtArchiving(filed: RetentionClass, scheduled: RetentionClass | undefined): RetentionClass {
  return filed === 'dev' ? 'dev' : (scheduled ?? filed);
}
