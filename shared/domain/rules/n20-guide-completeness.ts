import type { Matter } from '../matter.ts';

/**
 * 事项公开信息的完整性 [N20]: every published service guide (办事指南) carries the fields an applicant
 * needs before setting out: conditions, materials, steps, time limits, fees, legal basis, where, when
 * and whom to call. Returns the missing fields of one matter (empty = complete).
 */
export const REQUIRED_GUIDE_FIELDS = ['name', 'conditions', 'materials', 'steps', 'fees', 'legalBasis', 'address', 'phone', 'hours'] as const;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

export function missingGuideFields(m: Matter): string[] {
  const missing: string[] = REQUIRED_GUIDE_FIELDS.filter((f) => blank(m[f]));
  if (!Number.isInteger(m.promiseDays)) missing.push('promiseDays');
  if (!Number.isInteger(m.legalDays)) missing.push('legalDays');
  return missing;
}
