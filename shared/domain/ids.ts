import { randomBytes } from 'node:crypto';
import { shanghaiDate } from './calendar.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

function random32(n: number): string {
  const bytes = randomBytes(n);
  return Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
}

/** Case id: `ZW` + filing date (Asia/Shanghai) + 10 random characters, e.g. ZW20261128K7Q2M9XA3B. */
export function newCaseId(at: Date): string {
  return `ZW${shanghaiDate(at).replaceAll('-', '')}${random32(10)}`;
}

/** The printed receipt number (接收回执编号): region, date and the case's random part. */
export function receiptNoFor(caseId: string, region: string): string {
  return `${region}-${caseId.slice(2, 10)}-${caseId.slice(10)}`;
}

export const newId = (prefix: string) => `${prefix}${random32(16)}`;

/**
 * What belongs to a case carries the case's id, so it is one partition away: an acceptance task
 * `<caseId>.A1`, a review task `.R2`, a complaint `.C1`, a notice `.N3`, the evaluation `.V1`.
 */
export type ChildKind = 'A' | 'R' | 'C' | 'N' | 'V';
export const childId = (caseId: string, kind: ChildKind, n: number) => `${caseId}.${kind}${n}`;

/** The case id in the id of something that belongs to a case, or undefined when the id is not of that shape. */
export function caseIdOf(id: string, kinds: readonly ChildKind[]): string | undefined {
  const m = /^([A-Z0-9]{10,40})\.([ARCNV])(\d{1,4})$/.exec(id);
  return m && kinds.includes(m[2] as ChildKind) ? m[1] : undefined;
}
