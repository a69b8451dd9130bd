import type { CaseMaterial } from '../case.ts';
import type { FieldError } from '../errors.ts';
import type { Material, Matter } from '../matter.ts';
import type { UploadCheck } from '../ports.ts';

export interface MaterialRef {
  code: string;
  objectKey?: string;
  licenceId?: string;
}

/** A licence named for a material, as the licence store answered: it serves, or why not. */
export type LicenceCheck = { ok: true; licenceId: string; typeName: string } | { ok: false; reason: string };

export interface MaterialChecks {
  /** `uploads[i]` is the upload check of `refs[i]` (undefined where none was made) */
  uploads: (UploadCheck | 'not_own' | undefined)[];
  /** `licences[i]` is the check of the licence `refs[i]` names (undefined where it names none) */
  licences?: (LicenceCheck | undefined)[];
  /** by licence type: the valid licence of that type the applicant holds, for the materials not given */
  held?: Record<string, { licenceId: string; typeName: string } | undefined>;
  /** when the checks were made */
  at: string;
}

type Refusal = Extract<UploadCheck, { ok: false }>;
const PROBLEM: Record<Refusal['reason'], (c: Refusal) => string> = {
  missing: () => 'nothing was uploaded under this key',
  sha256_mismatch: (c) => `the bytes do not match the declared sha256 (${c.declared})`,
  no_declared_sha256: () => 'the upload declared no sha256',
  size_mismatch: (c) => `the stored size (${c.actual} bytes) is not the declared one (${c.declared ?? 'none'})`,
  format_not_accepted: (c) => `the stored type ${c.actual || '(none)'} is not an accepted format [E12]`,
};

/**
 * The materials of a filing against the matter's guide [E12] [E13] [E14]: every material named exists, every
 * upload is the filer's own and its bytes match their declared SHA-256, every licence named is the
 * applicant's, in force and of the type the material asks for, and every required material is there:
 * given, served by a valid licence of its type the applicant holds (免提交, the case records which), or
 * waived because the shared exchange holds it. `already` is what the case has from before (a correction
 * replaces only what it sends). Returns the case's materials in the guide's order, or every problem.
 */
export function materialsAgainstGuide(matter: Pick<Matter, 'materials'>, refs: MaterialRef[], checks: MaterialChecks, already: CaseMaterial[] = []): { materials: CaseMaterial[] } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const byCode = new Map<string, Material>(matter.materials.map((m) => [m.code, m]));
  const given = new Map<string, CaseMaterial>(already.map((m) => [m.code, m]));
  for (const [i, ref] of refs.entries()) {
    const path = `materials.${i}`;
    const def = byCode.get(ref.code);
    if (!def) {
      errors.push({ path: `${path}.code`, message: `the matter has no material ${ref.code}` });
      continue;
    }
    if (!ref.objectKey === !ref.licenceId) {
      errors.push({ path, message: 'a material is an objectKey or a licenceId, one of them' });
      continue;
    }
    if (ref.objectKey) {
      const check = checks.uploads[i];
      if (check === 'not_own' || check === undefined) {
        errors.push({ path: `${path}.objectKey`, message: 'not an upload of the filer' });
        continue;
      }
      if (!check.ok) {
        errors.push({ path: `${path}.objectKey`, message: PROBLEM[check.reason](check) });
        continue;
      }
      given.set(ref.code, {
        code: ref.code,
        name: def.name,
        objectKey: ref.objectKey,
        versionId: check.versionId,
        contentType: check.contentType,
        sha256: check.sha256,
        size: check.size,
        verification: { kind: 'unsigned', checkedAt: checks.at },
      });
      continue;
    }
    const check = checks.licences?.[i];
    if (def.source !== 'licence' || !def.licenceType) {
      errors.push({ path: `${path}.licenceId`, message: `material ${ref.code} (${def.name}) is not one a licence serves` });
      continue;
    }
    if (!check || !check.ok) {
      errors.push({ path: `${path}.licenceId`, message: check?.reason ?? 'the licence was not checked' });
      continue;
    }
    given.set(ref.code, { code: ref.code, name: def.name, licenceId: check.licenceId, verification: { kind: 'licence', valid: true, checkedAt: checks.at } });
  }
  for (const def of matter.materials) {
    if (given.has(def.code)) continue;
    if (def.source === 'licence' && def.licenceType) {
      // [E14] a licence of the type the applicant holds serves the material: nothing is asked for it
      const held = checks.held?.[def.licenceType];
      if (held) given.set(def.code, { code: def.code, name: def.name, licenceId: held.licenceId, verification: { kind: 'licence', valid: true, checkedAt: checks.at } });
      else if (def.required) errors.push({ path: 'materials', message: `required material ${def.code} (${def.name}) is missing: the applicant holds no valid licence of its type; upload it or name a licenceId` });
      continue;
    }
    // [E14] what the shared exchange platform already holds is not asked for again
    if (def.waivable && def.source !== 'applicant') given.set(def.code, { code: def.code, name: def.name, waived: true });
    else if (def.required) errors.push({ path: 'materials', message: `required material ${def.code} (${def.name}) is missing` });
  }
  if (errors.length) return { errors };
  return { materials: matter.materials.filter((d) => given.has(d.code)).map((d) => given.get(d.code)!) };
}
