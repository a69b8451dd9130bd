import type { Actor } from './case.ts';
import { regionCodePrefix } from './rules/n4-region-scope.ts';
import type { Finding } from './rules/e18-four-properties.ts';

/**
 * A four-property check run (四性检测 [E18]) over the archive or a sample of it: requested by an
 * archivist or by the daily schedule, run page by page over the store's listing (never a table scan),
 * its results kept and counted.
 */
export interface ArchiveCheck {
  checkId: string;
  scope: 'sample' | 'all';
  /** the year packages were filed in, and the region (a county, a city, or the province) */
  year?: string;
  region?: string;
  /** for a sample: the share of packages checked */
  sampleRate?: number;
  requestedBy: Actor;
  requestedAt: string;
  status: 'running' | 'completed';
  /** where the listing goes on from */
  cursor?: string;
  checked: number;
  passed: number;
  failed: (Finding & { caseId: string })[];
  /** failures beyond those kept (the count is exact, the list bounded) */
  failedNotListed: number;
  /** items the store could not report, and how many packages each concerned */
  notChecked: (Finding & { packages: number })[];
  completedAt?: string;
  version: number;
}

/** The failures a check keeps in full; beyond them it counts. */
export const MAX_LISTED_FAILURES = 200;

/** The archive's key prefix of a region: 610000 the province, 610100 a city, 610113 a county. */
export function regionPrefix(region: string | undefined, year: string | undefined): string {
  if (!region) return 'archive/';
  const r = regionCodePrefix(region);
  return r.length === 6 && year ? `archive/${r}/${year}/` : `archive/${r}`;
}

/** The case a package key names: archive/{region}/{year}/{caseId}.xml */
export const caseOfKey = (key: string) => /^archive\/\d{6}\/\d{4}\/([A-Z0-9]+)\.xml$/.exec(key)?.[1];

/** Whether a package belongs to a sample: the same answer for the same check and key, at the rate asked. */
export function inSample(checkId: string, key: string, rate: number, hash: (s: string) => string): boolean {
  return parseInt(hash(`${checkId}|${key}`).slice(0, 8), 16) / 0xffffffff < rate;
}
