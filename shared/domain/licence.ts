import { canonicalJson } from './audit.ts';
import type { Case } from './case.ts';

/** 电子证照 [E15] [E16]: the result made electronic and signed before it is delivered. */
export interface Licence {
  licenceId: string;
  caseId: string;
  matterCode: string;
  title: string;
  /** `sub` is the holder's account: only they (and the issuer's staff, and supervisors) read the licence */
  holder: { name: string; idNumber: string; type: 'person' | 'org'; sub?: string };
  issuer: { dept: string; region: string };
  issuedAt: string;
  status: 'valid' | 'revoked';
  signature: string;
  keyId: string;
}

export type UnsignedLicence = Omit<Licence, 'signature' | 'keyId' | 'status'>;

/** The licence a completed, approved case yields [E15]: named after the matter, held by the applicant. */
export function licenceFor(c: Case, at: string): UnsignedLicence {
  return {
    licenceId: `LIC-${c.caseId}`,
    caseId: c.caseId,
    matterCode: c.matterCode,
    title: c.matterName,
    holder: { name: c.applicant.name, idNumber: c.applicant.idNumber, type: c.applicant.type, sub: c.applicant.sub },
    issuer: { dept: c.acceptingDept, region: c.region },
    issuedAt: at,
  };
}

/**
 * The bytes the signature covers: every field but the signature and the status (a revocation changes
 * the status, not what was issued). The holder's account id is not part of what was issued.
 */
export const signedPart = (l: UnsignedLicence) =>
  canonicalJson({ licenceId: l.licenceId, caseId: l.caseId, matterCode: l.matterCode, title: l.title, holder: { name: l.holder.name, idNumber: l.holder.idNumber, type: l.holder.type }, issuer: l.issuer, issuedAt: l.issuedAt });
