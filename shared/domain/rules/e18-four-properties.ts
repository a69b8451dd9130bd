import { createPublicKey, verify } from 'node:crypto';
import { sha256Hex, verifyChain } from '../audit.ts';
import type { ArchiveRecord } from '../case.ts';
import type { CaseFile } from '../case-file.ts';
import { checkTimestamp } from '../crypto/timestamp.ts';
import { readPackage } from '../efile/read.ts';
import { archivalCode, auditXml, LICENCE_PDF_PART, RETENTION_NAME } from '../efile/package.ts';
import { pdfSignedPart } from '../licence.ts';
import type { TrustAnchor } from '../trust-anchor.ts';
import { checkChain } from './e13-signed-materials.ts';
import { archiveLock, lockDifferences } from './e22-retention.ts';

/**
 * 四性检测 [E18] (DA/T 70): a package checked for authenticity (its signature and time-stamp verify,
 * with the platform's key and a TSA chained to a trust anchor; its metadata conforms; its 档号 is its
 * own), integrity (the package's hash as recorded, every part's hash and size as stated, nothing
 * missing of the case's materials, notices and timeline), usability (the package and every XML part
 * well-formed, every PDF opens, every image and signature is what its format says), and security (the
 * lock as its retention class says, a legal hold where due, one version under its key, encryption and
 * public access as the deployment says). Each finding names the property and the item it breaks.
 */
export type Property = 'authenticity' | 'integrity' | 'usability' | 'security';

export interface Finding {
  property: Property;
  item: string;
  detail: string;
}

/** What the object store reports of the package's object and bucket, as read for this check. */
export interface StoreReport {
  lock: { mode?: string; retainUntil?: string; legalHold: boolean };
  /** how many versions exist under the package's key */
  versions: number;
  /** the bucket's default encryption, or 'unsupported' where the store has none to report (RGW without KMS) */
  encryption: { algorithm?: string; keyId?: string } | 'unsupported';
  /** the bucket's public access block, flag by flag (all false when it has none), or 'unsupported' */
  publicAccess: Record<PublicAccessFlag, boolean> | 'unsupported';
}

export const PUBLIC_ACCESS_FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;
export type PublicAccessFlag = (typeof PUBLIC_ACCESS_FLAGS)[number];

export interface FormatReader {
  /** undefined when well-formed; else what is wrong */
  xml(bytes: Buffer): string | undefined;
  /** undefined when it opens as a PDF with at least one page; else why not */
  pdf(bytes: Buffer): Promise<string | undefined>;
}

export interface PackageUnderCheck {
  record: ArchiveRecord;
  file: CaseFile;
  bytes: Buffer;
  store: StoreReport;
  /** the platform's archive-signing key, PEM */
  platformKey: string;
  anchors: TrustAnchor[];
  /** what the deployment encrypts the archive with (its KMS key), if it says */
  expectedKmsKey?: string;
  /** seconds of the development retention class, where the deployment defines it */
  devRetentionSeconds?: number;
  /** the public access block flags the deployment holds the bucket to (all four on AWS) */
  requiredPublicAccess: readonly PublicAccessFlag[];
}

export interface PackageCheck {
  failed: Finding[];
  /** items that could not be checked on this store, and why (never counted as passed) */
  notChecked: Finding[];
}

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  JPEG: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  PNG: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
  OFD: (b) => b.subarray(0, 4).equals(Buffer.from('504b0304', 'hex')),
  DER: (b) => b[0] === 0x30,
  PEM: (b) => b.toString('latin1').startsWith('-----BEGIN '),
};

const REQUIRED_METADATA = ['题名', '责任者', '日期', '档号值', '全宗号', '年度', '保管期限', '件号', '密级', '办件编号', '聚合层次'];

export async function checkPackage(input: PackageUnderCheck, formats: FormatReader): Promise<PackageCheck> {
  const failed: Finding[] = [];
  const notChecked: Finding[] = [];
  const fail = (property: Property, item: string, detail: string) => void failed.push({ property, item, detail });
  const { record: a, file, bytes } = input;
  const c = file.case;

  // usability first: a package that is not XML is checked no further than its bytes
  const xmlProblem = formats.xml(bytes);
  if (xmlProblem) fail('usability', 'package_xml', `the package is not well-formed XML: ${xmlProblem}`);
  if (sha256Hex(bytes) !== a.sha256) fail('integrity', 'package_hash', `the package reads back as SHA-256 ${sha256Hex(bytes)}, not the ${a.sha256} recorded when it was archived`);
  const pkg = readPackage(bytes);

  // authenticity
  let signatureOk = false;
  if (!pkg.signedObject || !pkg.signature || !pkg.publicKey) fail('authenticity', 'signature', 'the package has no signed object, signature or verifying key');
  else {
    let key;
    try {
      key = createPublicKey(pkg.publicKey);
    } catch {
      fail('authenticity', 'signing_key', 'the package’s verifying key is not a public key');
    }
    if (key) {
      const own = createPublicKey(input.platformKey).export({ type: 'spki', format: 'der' });
      if (!key.export({ type: 'spki', format: 'der' }).equals(own)) fail('authenticity', 'signing_key', 'the package is signed with a key that is not the platform’s archive key');
      signatureOk = verify('sha256', pkg.signedObject, key, pkg.signature);
      if (!signatureOk) fail('authenticity', 'signature', 'the signature does not verify over the signed object');
      if (!pkg.unlocked || !pkg.lock || !verify('sha256', pkg.unlocked, key, pkg.lock)) fail('authenticity', 'lock', 'the lock signature does not verify over the package before it');
    }
  }
  if (!pkg.timestamp || !pkg.signature) fail('authenticity', 'timestamp', 'the signature carries no time-stamp');
  else {
    const ts = checkTimestamp(pkg.timestamp, pkg.signature);
    if (!ts.valid) fail('authenticity', 'timestamp', ts.reason ?? 'the time-stamp does not verify');
    else {
      const chained = checkChain([ts.signer!, ...ts.certificates!.filter((x) => x !== ts.signer && !x.checkIssued(x))], input.anchors, ts.time!);
      if ('reason' in chained) fail('authenticity', 'timestamp', `the time-stamp authority’s certificate: ${chained.reason}`);
    }
  }
  const missing = REQUIRED_METADATA.filter((n) => !pkg.field(n));
  if (missing.length) fail('authenticity', 'metadata', `the metadata lacks ${missing.join('、')}`);
  const code = archivalCode(c.acceptingDept, c.completedAt ?? a.archivedAt, a.retention, c.caseId);
  if (pkg.field('档号值') !== code || a.archivalCode !== code) fail('authenticity', 'archival_code', `the 档号 is ${pkg.field('档号值') ?? 'missing'} (recorded ${a.archivalCode}), not ${code}`);
  if (pkg.field('办件编号') !== c.caseId) fail('authenticity', 'metadata', `the package names case ${pkg.field('办件编号') ?? 'none'}, not ${c.caseId}`);
  const retentionName = RETENTION_NAME[a.retention];
  if (pkg.field('保管期限') !== retentionName) fail('authenticity', 'metadata', `保管期限 is ${pkg.field('保管期限') ?? 'missing'}, not ${retentionName}`);

  // integrity
  for (const p of pkg.parts) {
    if (!p.bytes) fail('integrity', 'part_hash', `part ${p.id}: its data is not base64`);
    else if (sha256Hex(p.bytes) !== p.statedSha256 || p.bytes.length !== p.statedSize) fail('integrity', 'part_hash', `part ${p.id}: ${p.bytes.length} bytes with SHA-256 ${sha256Hex(p.bytes)}, stated ${p.statedSize} bytes with ${p.statedSha256}`);
  }
  if (pkg.statedCount !== pkg.parts.length || (a.parts !== undefined && a.parts !== pkg.parts.length)) fail('integrity', 'part_count', `${pkg.parts.length} parts, stated ${pkg.statedCount ?? 'none'}${a.parts !== undefined ? `, recorded ${a.parts}` : ''}`);
  const byId = new Map(pkg.parts.map((p) => [p.id, p]));
  for (const m of c.materials.filter((x) => x.objectKey)) {
    const p = byId.get(m.code);
    if (!p) fail('integrity', 'materials', `material ${m.code} (${m.name}) is missing`);
    else if (p.bytes && m.sha256 && sha256Hex(p.bytes) !== m.sha256) fail('integrity', 'materials', `material ${m.code} is not the version intake checked`);
  }
  for (const n of file.notices) {
    const p = byId.get(n.noticeId);
    if (!p) fail('integrity', 'notices', `notice ${n.noticeId} (${n.title}) is missing`);
    else if (p.bytes && n.pdf && sha256Hex(p.bytes) !== n.pdf.sha256) fail('integrity', 'notices', `notice ${n.noticeId} is not the PDF as issued`);
  }
  // [E15] the licence the case issued, as data and as the PDF it was delivered as, that PDF the one the data names
  if (c.result?.licenceId) {
    const data = byId.get('licence');
    const rendition = byId.get(LICENCE_PDF_PART);
    const named = data?.bytes?.toString('utf8').match(/<版式文件>[\s\S]*?<摘要值>([0-9a-f]{64})<\/摘要值>[\s\S]*?<签名值>([A-Za-z0-9+/=]+)<\/签名值>/);
    if (!data) fail('integrity', 'licence', `licence ${c.result.licenceId} is missing`);
    else if (!rendition) fail('integrity', 'licence', `the PDF of licence ${c.result.licenceId} is missing`);
    else if (rendition.bytes && sha256Hex(rendition.bytes) !== named?.[1]) fail('integrity', 'licence', `the licence PDF has SHA-256 ${sha256Hex(rendition.bytes)}, the licence names ${named?.[1] ?? 'none'}`);
    else if (named && !verifiesWith(input.platformKey, pdfSignedPart(c.result.licenceId, named[1]), named[2])) fail('authenticity', 'licence', 'the issuer’s signature over the licence PDF does not verify');
  }
  // the timeline as it stood when archived: every event before the archive's own, chained, and in the package as such
  const archivedAt = file.events.findIndex((e) => e.action === 'archive');
  const before = archivedAt >= 0 ? file.events.slice(0, archivedAt) : file.events;
  const broken = verifyChain(file.events);
  if (broken !== null) fail('integrity', 'audit_trail', `the case’s audit chain breaks at event ${broken}`);
  const audit = byId.get('audit');
  if (!audit?.bytes || !audit.bytes.equals(auditXml({ ...file, events: before }))) fail('integrity', 'audit_trail', `the package’s audit trail is not the case’s ${before.length} events`);

  // usability: every part is what its format says
  for (const p of pkg.parts) {
    if (!p.bytes) continue;
    if (p.format === 'XML') {
      const problem = formats.xml(p.bytes);
      if (problem) fail('usability', 'part_format', `part ${p.id}: not well-formed XML: ${problem}`);
    } else if (p.format === 'PDF') {
      const problem = await formats.pdf(p.bytes);
      if (problem) fail('usability', 'part_format', `part ${p.id}: does not open as a PDF: ${problem}`);
    } else if (MAGIC[p.format] && !MAGIC[p.format](p.bytes)) fail('usability', 'part_format', `part ${p.id}: is not ${p.format}`);
  }

  // security
  const lock = archiveLock(c.completedAt ?? a.archivedAt, a.retention, input.devRetentionSeconds);
  for (const d of lockDifferences(lock, input.store.lock)) fail('security', d.item, `the store reports ${d.detail}`);
  if (input.store.versions !== 1) fail('security', 'versions', `${input.store.versions} versions under ${a.key}, not one`);
  // what encryption must be is the deployment's to say (its archive key); a store without KMS (the local RGW) cannot be held to it
  if (!input.expectedKmsKey) notChecked.push({ property: 'security', item: 'encryption', detail: 'the deployment names no archive key to hold the bucket’s encryption to (the local object store has no KMS)' });
  else if (input.store.encryption === 'unsupported') notChecked.push({ property: 'security', item: 'encryption', detail: 'the object store reports no bucket encryption' });
  else if (input.store.encryption.algorithm !== 'aws:kms' || !input.store.encryption.keyId?.endsWith(input.expectedKmsKey.split('/').pop()!))
    fail('security', 'encryption', `the archive is encrypted with ${input.store.encryption.algorithm ?? 'nothing'} ${input.store.encryption.keyId ?? ''}, not the archive key`.trim());
  const pab = input.store.publicAccess;
  if (pab === 'unsupported') notChecked.push({ property: 'security', item: 'public_access', detail: 'the object store reports no public access block' });
  else {
    const off = input.requiredPublicAccess.filter((f) => !pab[f]);
    if (off.length) fail('security', 'public_access', `the archive’s public access block has ${off.join(', ')} off`);
    const unheld = PUBLIC_ACCESS_FLAGS.filter((f) => !input.requiredPublicAccess.includes(f));
    if (unheld.length) notChecked.push({ property: 'security', item: 'public_access', detail: `the deployment does not hold the bucket to ${unheld.join(', ')}` });
  }
  return { failed, notChecked };
}

/** 档号 are unique: a finding for every package of the checked set whose code another carries too. */
export function duplicateCodes(packages: { caseId: string; archivalCode: string }[]): (Finding & { caseId: string })[] {
  const seen = new Map<string, string[]>();
  for (const p of packages) seen.set(p.archivalCode, [...(seen.get(p.archivalCode) ?? []), p.caseId]);
  return [...seen]
    .filter(([, ids]) => ids.length > 1)
    .flatMap(([code, ids]) => ids.map((caseId) => ({ caseId, property: 'authenticity' as const, item: 'archival_code_unique', detail: `档号 ${code} is carried by ${ids.join(', ')}` })));
}

/** Whether a base64 signature verifies over `data` with a PEM public key; a key that does not parse verifies nothing. */
function verifiesWith(publicKey: string | undefined, data: string, signature: string): boolean {
  try {
    return !!publicKey && verify('sha256', Buffer.from(data), createPublicKey(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
