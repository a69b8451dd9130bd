import type { CaseMaterial } from '../case.ts';
import type { FieldError } from '../errors.ts';
import type { Material, Matter } from '../matter.ts';
import type { UploadCheck } from '../ports.ts';
import type { SignatureCheck } from './e13-signed-materials.ts';

export interface MaterialRef {
  code: string;
  objectKey?: string;
  licenceId?: string;
  /** a detached signature (an upload of the filer's) and the signer's certificate chain [E13] */
  signature?: { objectKey: string; certificates: string[] };
}

/** How much certificate text one filing may carry in all: a chain is a few KB, and the case keeps them. */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;

/** A signed material's signature, as checked: its own upload, then the signature over the material's bytes. */
export type SignedCheck = { upload: 'not_own' | Extract<UploadCheck, { ok: false }> } | ({ upload: Extract<UploadCheck, { ok: true }> } & SignatureCheck);

/** A licence named for a material, as the licence store answered: it serves, or why not. */
export type LicenceCheck = { ok: true; licenceId: string; typeName: string } | { ok: false; reason: string };

export interface MaterialChecks {
  /** `uploads[i]` is the upload check of `refs[i]` (undefined where none was made) */
  uploads: (UploadCheck | 'not_own' | undefined)[];
  /** `signatures[i]` is the check of the signature `refs[i]` carries (undefined where it carries none) */
  signatures?: (SignedCheck | undefined)[];
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

function signedOutcome(ref: NonNullable<MaterialRef['signature']>, s: SignedCheck | undefined, at: string): { problem: string } | { verification: NonNullable<CaseMaterial['verification']>; signature: NonNullable<CaseMaterial['signature']> } {
  if (!s) return { problem: 'the signature was not checked' };
  if (s.upload === 'not_own') return { problem: 'the signature is not an upload of the filer' };
  if (!s.upload.ok) return { problem: `the signature upload: ${PROBLEM[s.upload.reason](s.upload)}` };
  if (s.upload.contentType !== 'application/octet-stream') return { problem: 'a detached signature is uploaded as application/octet-stream (.sig)' };
  if (!('valid' in s)) return { problem: 'the signature was not checked' };
  if (!s.valid) return { problem: s.reason };
  return {
    verification: { kind: 'signed', valid: true, signer: s.signer, algorithm: s.algorithm, anchor: s.anchor, checkedAt: at },
    signature: { objectKey: ref.objectKey, versionId: s.upload.versionId, sha256: s.upload.sha256, certificates: ref.certificates },
  };
}

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
  const certificateBytes = refs.reduce((n, r) => n + (r.signature?.certificates.reduce((m, c) => m + c.length, 0) ?? 0), 0);
  if (certificateBytes > MAX_CERTIFICATE_BYTES) errors.push({ path: 'materials', message: `the certificates of one filing are at most ${MAX_CERTIFICATE_BYTES} characters in all` });
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
    if (ref.signature && !ref.objectKey) {
      errors.push({ path: `${path}.signature`, message: 'a signature goes with an uploaded material (objectKey)' });
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
      let verification: NonNullable<CaseMaterial['verification']> = { kind: 'unsigned', checkedAt: checks.at };
      let signature: CaseMaterial['signature'];
      if (ref.signature) {
        // [E13] a signed material is taken only with a signature that verifies to a trust anchor in force
        const s = signedOutcome(ref.signature, checks.signatures?.[i], checks.at);
        if ('problem' in s) {
          errors.push({ path: `${path}.signature`, message: s.problem });
          continue;
        }
        ({ verification, signature } = s);
      }
      given.set(ref.code, {
        code: ref.code,
        name: def.name,
        objectKey: ref.objectKey,
        versionId: check.versionId,
        contentType: check.contentType,
        sha256: check.sha256,
        size: check.size,
        verification,
        ...(signature ? { signature } : {}),
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
