import { randomBytes } from 'node:crypto';
import { shanghaiDate } from '../calendar/working-days.ts';

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
