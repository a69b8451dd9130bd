/**
 * Identity numbers as the national standards define them, so a number typed wrong at a window, by an
 * agent or in the app is caught at filing (422) instead of becoming a case for nobody [N15] [H8]:
 * - 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, ISO 7064
 *   MOD 11-2 check character (0–9 or X). Also the number of 港澳台居民居住证 and, since 2023, of the
 *   外国人永久居留身份证 (leading 9), which follow the same scheme.
 * - 统一社会信用代码 (GB 32100-2015): registration authority, entity type, 6-digit region, 9-character
 *   organisation code, check character by MOD 31 over the 31-character alphabet (no I, O, Z, S, V).
 * Passports and other documents carry no check character and are taken as given.
 */
export type IdType = 'resident_id' | 'uscc' | 'passport' | 'other';

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

/** The check character of the first 17 digits of a 公民身份号码. */
export function residentIdCheck(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * RESIDENT_WEIGHTS[i], 0);
  return RESIDENT_CHECK[sum % 11];
}

/** Why a 公民身份号码 is not valid, or undefined when it is. `today` is YYYY-MM-DD. */
export function residentIdError(id: string, today: string): string | undefined {
  if (!/^\d{17}[\dX]$/.test(id)) return 'a 公民身份号码 is 17 digits and a check character (0–9 or X)';
  if (id[0] === '0') return 'a 公民身份号码 begins with its region code, which is not 0';
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number);
  const born = new Date(Date.UTC(y, m - 1, d));
  if (born.getUTCFullYear() !== y || born.getUTCMonth() !== m - 1 || born.getUTCDate() !== d || y < 1880) return `the birth date ${id.slice(6, 14)} is not a date`;
  if (`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > today) return `the birth date ${id.slice(6, 14)} is in the future`;
  const check = residentIdCheck(id.slice(0, 17));
  if (id[17] !== check) return `the check character is ${id[17]}, but the number’s digits give ${check} (mistyped?)`;
  return undefined;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a 统一社会信用代码. */
export function usccCheck(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i], 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** Why a 统一社会信用代码 is not valid, or undefined when it is. */
export function usccError(code: string): string | undefined {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return 'a 统一社会信用代码 is 18 characters of 0–9 and A–Y without I, O, S, V and Z';
  if (!/^[1-9ANY]/.test(code) || !/^\d{6}$/.test(code.slice(2, 8))) return 'a 统一社会信用代码 begins with its registration authority and entity type, then a 6-digit region code';
  const check = usccCheck(code.slice(0, 17));
  if (code[17] !== check) return `the check character is ${code[17]}, but the code’s characters give ${check} (mistyped?)`;
  return undefined;
}

/** The document an applicant is identified by, unless the request names another: a person's 身份证, an organisation's 信用代码. */
export const defaultIdType = (applicantType: 'person' | 'org'): IdType => (applicantType === 'person' ? 'resident_id' : 'uscc');

/** Why the applicant's identity number is not valid, or undefined when it is (or when its document has no check character). */
export function identityNumberError(idType: IdType, idNumber: string, today: string): string | undefined {
  if (idType === 'resident_id') return residentIdError(idNumber.toUpperCase(), today);
  if (idType === 'uscc') return usccError(idNumber.toUpperCase());
  return undefined;
}
