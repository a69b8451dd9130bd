import type { Department, Matter } from '../matter.ts';

const REGION_CODE = /^\d{6}$/;
const TYPE_CODE = /^[0-9A-Z]{1,32}$/;

const isDays = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';

/**
 * Checks one matter (an implementation item, 实施清单) before it enters the catalog (事项库) [N8].
 * Returns every problem found, each as a sentence; an empty list means the matter is valid.
 * `depts` holds the known departments by code.
 */
export function validateMatter(m: Matter, depts: Map<string, Department>): string[] {
  const problems: string[] = [];

  // [N11] a matter belongs to one region, named by its 6-digit 行政区划代码
  if (!REGION_CODE.test(m.region ?? '')) problems.push(`region "${m.region}" is not a 6-digit region code`);

  // [N20] (timeliness): working days, and the promise may not exceed the law (承诺时限 ≤ 法定时限)
  if (!isDays(m.promiseDays)) problems.push(`promiseDays ${m.promiseDays} is not a whole number ≥ 0`);
  if (!isDays(m.legalDays)) problems.push(`legalDays ${m.legalDays} is not a whole number ≥ 0`);
  if (isDays(m.promiseDays) && isDays(m.legalDays) && m.promiseDays > m.legalDays) {
    problems.push(`promiseDays ${m.promiseDays} exceeds legalDays ${m.legalDays}`);
  }

  // [N20] (completeness of published information): the service guide's required fields
  for (const field of ['name', 'conditions', 'legalBasis', 'fees'] as const) {
    if (blank(m[field])) problems.push(`guide field ${field} is missing`);
  }

  // [N8] [H22]: the materials list is what a one-time correction notice is checked against
  const materials = m.materials ?? [];
  if (materials.length === 0) problems.push('no materials');
  const seen = new Set<string>();
  for (const mat of materials) {
    if (blank(mat.code)) problems.push('a material has no code');
    else if (seen.has(mat.code)) problems.push(`material code ${mat.code} is used twice`);
    else seen.add(mat.code);
    if (blank(mat.name)) problems.push(`material ${mat.code} has no name`);
    // [E14] only a material the shared or licence store holds can be waived (免提交)
    if (mat.waivable && mat.source === 'applicant') problems.push(`material ${mat.code} is waivable but only the applicant can supply it`);
    // [E14] a licence type serves only a material the licence store holds, and is a 证照类型代码
    if (mat.licenceType !== undefined && (mat.source !== 'licence' || !TYPE_CODE.test(mat.licenceType))) problems.push(`material ${mat.code} names licence type "${mat.licenceType}", which only a licence material may, as 1–32 characters 0–9 A–Z`);
  }

  // [E15] what an approval issues: a licence type with its code and name, valid for whole years if not for ever
  if (m.issues !== undefined) {
    const t = m.issues;
    if (!t || !TYPE_CODE.test(t.code ?? '') || blank(t.name) || (t.validYears !== undefined && !(Number.isInteger(t.validYears) && t.validYears >= 1 && t.validYears <= 100))) {
      problems.push('issues is a licence type: code of 1–32 characters 0–9 A–Z, a name, and validYears 1–100 if given');
    }
  }

  // [N14] the accepting department, in the matter's region
  const accepting = depts.get(m.dept);
  if (!accepting) problems.push(`accepting department ${m.dept} is unknown`);
  else {
    if (accepting.region !== m.region) problems.push(`accepting department ${m.dept} is in region ${accepting.region}, not ${m.region}`);
    // [N20] (standard content): the guide names the department as the department list does
    if (m.deptName !== accepting.name) problems.push(`deptName "${m.deptName}" does not match department ${m.dept} ("${accepting.name}")`);
  }

  // [N14] forwarding (转递部门) needs at least one handling department; each must exist in the region
  const handling = m.handlingDepts ?? [];
  if (handling.length === 0) problems.push('no handling departments');
  if (new Set(handling).size !== handling.length) problems.push('a handling department is listed twice');
  for (const code of handling) {
    const d = depts.get(code);
    if (!d) problems.push(`handling department ${code} is unknown`);
    else if (d.region !== m.region) problems.push(`handling department ${code} is in region ${d.region}, not ${m.region}`);
  }

  // [N20] (timeliness): the steps must fit within the promise; a same-day matter (即办件) is exempt
  const steps = m.steps ?? [];
  for (const s of steps) {
    if (!isDays(s.days)) problems.push(`step ${s.name} has ${s.days} days, not a whole number ≥ 0`);
  }
  if (isDays(m.promiseDays) && m.promiseDays > 0) {
    const total = steps.reduce((sum, s) => sum + (isDays(s.days) ? s.days : 0), 0);
    if (total > m.promiseDays) problems.push(`steps take ${total} working days, more than the ${m.promiseDays} promised`);
  }

  // [E22] every matter names the retention class its e-files are kept under (`dev` is no class a catalog may give)
  if (!['permanent', '30y', '10y'].includes(m.retention)) problems.push(`retention "${m.retention}" is not a retention class`);

  return problems;
}
