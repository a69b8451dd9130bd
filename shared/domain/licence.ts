import { canonicalJson, sha256Hex } from './audit.ts';
import { shanghaiDate } from './calendar.ts';
import type { Applicant, Case, NoticeDocument } from './case.ts';
import type { Caller } from './caller.ts';
import { licenceTypeOf, type Department, type Matter } from './matter.ts';
import { licenceIdentifier, parseLicenceIdentifier } from './rules/e15-licence-identifier.ts';

export type LicenceStatus = 'valid' | 'revoked' | 'superseded';

/** 电子证照 [E15] [E16]: the result made electronic and signed before it is delivered. */
export interface Licence {
  /** 证照标识, GB/T 36904 (./rules/e15-licence-identifier.ts) */
  licenceId: string;
  /** 证照类型代码 and its name */
  type: string;
  typeName: string;
  caseId: string;
  matterCode: string;
  /** `sub` is the account that applied; the holder is who the licence names, by their identity number */
  holder: { type: 'person' | 'org'; name: string; idType?: Applicant['idType']; idNumber: string; sub?: string };
  issuer: { dept: string; name: string; code: string; region: string };
  issuedAt: string;
  /** dates in Asia/Shanghai, YYYY-MM-DD; no validUntil: valid until revoked or superseded */
  validFrom: string;
  validUntil?: string;
  /** 1 for a first issue; a change or renewal issues the next version under the same serial */
  version: number;
  /** the licence this one replaces, and the one that replaced this */
  supersedes?: string;
  supersededBy?: string;
  status: LicenceStatus;
  revocation?: { at: string; by: { sub: string; name: string; dept?: string }; reason: string };
  /** the licence's structured content (照面信息) */
  data: Record<string, string>;
  signature: string;
  keyId: string;
  /** the PDF rendition, once rendered [E15] */
  pdf?: LicenceDocument;
}

/**
 * A licence's PDF in the documents bucket, and the issuing department's signature over its hash: a
 * copy handed on can be checked with the licence's public key alone (./licence.ts pdfSignedPart).
 */
export type LicenceDocument = NoticeDocument & { signature: string; keyId: string };

/** The bytes the PDF's signature covers: which licence it renders and the document's own hash. */
export const pdfSignedPart = (licenceId: string, sha256: string) => canonicalJson({ licenceId, document: 'application/pdf', sha256 });

export type UnsignedLicence = Omit<Licence, 'signature' | 'keyId' | 'status' | 'supersededBy' | 'revocation' | 'pdf'>;

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const end = new Date(Date.UTC(y + years, m - 1, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/**
 * The licence an approved case yields [E15]: of the type its matter issues, held by the applicant,
 * issued by the accepting department under its 统一社会信用代码. A case that changes or renews a licence
 * the applicant holds (`predecessor`, the one that served its material) issues that licence's next
 * version under the same serial; otherwise the serial is the case's own.
 */
export function licenceFor(c: Case, matter: Pick<Matter, 'issues' | 'baseCode' | 'name' | 'type'>, issuer: Department & { uscc: string }, at: string, predecessor?: Licence): UnsignedLicence {
  const type = licenceTypeOf(matter);
  const prior = predecessor && parseLicenceIdentifier(predecessor.licenceId);
  const serial = prior ? prior.serial : c.caseId.slice(2);
  const version = prior ? prior.version + 1 : 1;
  const validFrom = shanghaiDate(new Date(at));
  const holder = { type: c.applicant.type, name: c.applicant.name, ...(c.applicant.idType ? { idType: c.applicant.idType } : {}), idNumber: c.applicant.idNumber, sub: c.applicant.sub };
  return {
    licenceId: licenceIdentifier({ typeCode: type.code, issuerCode: issuer.uscc, serial, version }),
    type: type.code,
    typeName: type.name,
    caseId: c.caseId,
    matterCode: c.matterCode,
    holder,
    issuer: { dept: issuer.code, name: issuer.name, code: issuer.uscc, region: issuer.region },
    issuedAt: at,
    validFrom,
    ...(type.validYears ? { validUntil: addYears(validFrom, type.validYears) } : {}),
    version,
    ...(predecessor ? { supersedes: predecessor.licenceId } : {}),
    data: { 证照名称: type.name, 持证主体: c.applicant.name, 事项名称: c.matterName, 办件编号: c.caseId, 颁证单位: issuer.name, 颁证日期: validFrom, ...(type.validYears ? { 有效期至: addYears(validFrom, type.validYears) } : {}) },
  };
}

/**
 * The bytes the signature covers: what was issued. The status, a revocation and a successor change
 * later and are not signed; the applicant's account id is not part of the licence.
 */
export const signedPart = (l: UnsignedLicence) => {
  const { sub: _sub, ...holder } = l.holder;
  return canonicalJson({
    licenceId: l.licenceId,
    type: l.type,
    typeName: l.typeName,
    caseId: l.caseId,
    matterCode: l.matterCode,
    holder,
    issuer: l.issuer,
    issuedAt: l.issuedAt,
    validFrom: l.validFrom,
    validUntil: l.validUntil ?? null,
    version: l.version,
    supersedes: l.supersedes ?? null,
    data: l.data,
  });
};

/**
 * The licence store keys a holder by who the licence names, not by an account: a person by their
 * identity number, an enterprise by its 统一社会信用代码, so whoever acts for the holder in their real
 * name finds it. Hashed, so no identity number is written into a key.
 */
export const holderKey = (type: 'person' | 'org', idNumber: string) => sha256Hex(`${type}:${idNumber.toUpperCase()}`).slice(0, 32);

/** The holders a caller acts for in their real name [N13]: themselves, and the enterprise their token names. */
export function holderKeysOf(caller: Pick<Caller, 'idNumber' | 'orgCode'>): { person?: string; org?: string } {
  return { ...(caller.idNumber ? { person: holderKey('person', caller.idNumber) } : {}), ...(caller.orgCode ? { org: holderKey('org', caller.orgCode) } : {}) };
}

/** Whether the caller acts in their real name for the licence's holder. */
export function actsForHolder(caller: Pick<Caller, 'sub' | 'idNumber' | 'orgCode'>, holder: Licence['holder']): boolean {
  const number = holder.idNumber.toUpperCase();
  if (holder.type === 'person') return caller.idNumber?.toUpperCase() === number || (!caller.idNumber && holder.sub === caller.sub);
  return caller.orgCode?.toUpperCase() === number;
}

/** Whether a licence is in force on `date` (YYYY-MM-DD): valid, begun and not expired. */
export function inForce(l: Pick<Licence, 'status' | 'validFrom' | 'validUntil'>, date: string): { ok: true } | { ok: false; reason: string } {
  if (l.status !== 'valid') return { ok: false, reason: `the licence is ${l.status}` };
  if (date < l.validFrom) return { ok: false, reason: `the licence is valid from ${l.validFrom}` };
  if (l.validUntil && date > l.validUntil) return { ok: false, reason: `the licence expired on ${l.validUntil}` };
  return { ok: true };
}

/** What a licence list shows: the holder store's entry. */
export type LicenceSummary = Pick<Licence, 'licenceId' | 'type' | 'typeName' | 'issuedAt' | 'validFrom' | 'validUntil' | 'version' | 'status'> & { issuer: Pick<Licence['issuer'], 'dept' | 'name' | 'code'> };

export const licenceSummary = (l: Licence): LicenceSummary => ({
  licenceId: l.licenceId,
  type: l.type,
  typeName: l.typeName,
  issuer: { dept: l.issuer.dept, name: l.issuer.name, code: l.issuer.code },
  issuedAt: l.issuedAt,
  validFrom: l.validFrom,
  ...(l.validUntil ? { validUntil: l.validUntil } : {}),
  version: l.version,
  status: l.status,
});
