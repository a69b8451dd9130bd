import type { RealName } from '../caller.ts';

/** The applicant as a filing names them. */
export interface ApplicantClaim {
  type: 'person' | 'org';
  name: string;
  idNumber: string;
  idType?: 'resident_id' | 'uscc' | 'passport' | 'other';
}

type Identity = RealName & { name: string };

const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * 实名制 [N13]: an online or kiosk filing is made in the filer's own real name, as the province's
 * real-name system put it in their token; an agent's in the name the resident authorised them under.
 * The applicant a filing names must be that identity, and is recorded as the identity says it: a
 * person by their document number, an enterprise the person acts for by its 统一社会信用代码.
 * Returns the applicant, or the fields that differ (everything, when the identity carries no real name).
 */
export function realNameApplicant(identity: Identity, claim: ApplicantClaim): { applicant: ApplicantClaim } | { mismatch: string[] } {
  if (claim.type === 'org') {
    if (!identity.orgCode) return { mismatch: ['applicant.type: the identity acts for no enterprise (orgCode)'] };
    const mismatch = [
      ...(same(claim.idNumber, identity.orgCode) ? [] : ['applicant.idNumber: not the enterprise the identity acts for']),
      ...(!identity.orgName || claim.name.trim() === identity.orgName.trim() ? [] : ['applicant.name: not the enterprise’s registered name']),
    ];
    return mismatch.length ? { mismatch } : { applicant: { type: 'org', name: identity.orgName ?? claim.name, idNumber: identity.orgCode.toUpperCase(), idType: 'uscc' } };
  }
  if (!identity.idNumber) return { mismatch: ['the identity carries no real-name document number (idNumber)'] };
  const idType = identity.idType ?? 'resident_id';
  const own: ApplicantClaim = { type: 'person', name: identity.name, idNumber: identity.idNumber.toUpperCase(), idType };
  const mismatch = [
    ...(same(claim.idNumber, identity.idNumber) ? [] : ['applicant.idNumber: not the identity’s document number']),
    ...((claim.idType ?? 'resident_id') === idType ? [] : [`applicant.idType: the identity’s document is ${idType}`]),
    ...(claim.name.trim() === identity.name.trim() ? [] : ['applicant.name: not the identity’s real name']),
  ];
  return mismatch.length ? { mismatch } : { applicant: own };
}
