import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { canonicalJson } from '../domain/audit.ts';
import type { Case } from '../domain/case.ts';
import { licenceKey } from '../domain/keys.ts';
import { dynamo, env } from '../storage/clients.ts';
import { signDigest, verifySignature } from './signer.ts';

/** 电子证照 (E15, E16): the result made electronic and signed before it is delivered. */
export interface Licence {
  licenceId: string;
  caseId: string;
  matterCode: string;
  title: string;
  holder: { name: string; idNumber: string; type: 'person' | 'org' };
  issuer: { dept: string; region: string };
  issuedAt: string;
  status: 'valid' | 'revoked';
  signature: string;
  keyId: string;
}

const signedPart = (l: Omit<Licence, 'signature' | 'keyId' | 'status'>) =>
  canonicalJson({ licenceId: l.licenceId, caseId: l.caseId, matterCode: l.matterCode, title: l.title, holder: l.holder, issuer: l.issuer, issuedAt: l.issuedAt });

export async function issueLicence(c: Case, at: string): Promise<Licence> {
  const unsigned = {
    licenceId: `LIC-${c.caseId}`,
    caseId: c.caseId,
    matterCode: c.matterCode,
    title: c.matterName,
    holder: { name: c.applicant.name, idNumber: c.applicant.idNumber, type: c.applicant.type },
    issuer: { dept: c.acceptingDept, region: c.region },
    issuedAt: at,
  };
  const { signature, keyId } = await signDigest(signedPart(unsigned));
  return { ...unsigned, status: 'valid', signature, keyId };
}

export async function getLicence(licenceId: string): Promise<Licence | undefined> {
  const res = await dynamo().send(new GetCommand({ TableName: env('CASES_TABLE'), Key: licenceKey(licenceId) }));
  if (!res.Item) return undefined;
  const { pk, sk, type, ...l } = res.Item;
  return l as Licence;
}

export async function verifyLicence(l: Licence): Promise<{ valid: boolean; reason?: string }> {
  if (l.status !== 'valid') return { valid: false, reason: `licence is ${l.status}` };
  const ok = await verifySignature(signedPart(l), l.signature);
  return ok ? { valid: true } : { valid: false, reason: 'signature does not verify' };
}
