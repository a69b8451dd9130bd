import { sha256Hex } from '../audit.ts';
import type { CaseFile } from '../case-file.ts';
import { ArchiveFault } from '../errors.ts';
import type { Licence } from '../licence.ts';
import type { Ports } from '../ports.ts';
import { formatOf } from '../rules/e12-upload-formats.ts';
import { auditXml, LICENCE_PDF_PART, licenceXml, lockedPackage, signatureBlock, signedObject, unlockedPackage, type PackagePart } from './package.ts';

/** Who signs packages, as the signature block names it, and the algorithm every signer port uses. */
export const PACKAGE_SIGNER = '陕西政务服务网';
export const PACKAGE_ALGORITHM = 'ECDSA-P256-SHA256';

export type AssemblyPorts = Pick<Ports, 'uploads' | 'documents' | 'signer' | 'timestamps'>;

export interface AssembledPackage {
  bytes: Buffer;
  sha256: string;
  parts: number;
}

const extension = (contentType: string | undefined) => formatOf(contentType ?? '')?.extensions[0] ?? 'bin';

/**
 * The parts of a case's e-file, read by version and checked against the hashes the case recorded
 * [E12] [E24]: every material as filed (the version intake checked) with its detached signature and
 * certificate chain, every notice's PDF as issued, the licence and the audit trail as XML.
 */
export async function packageParts(ports: Pick<Ports, 'uploads' | 'documents'>, file: CaseFile, licence: Licence | undefined): Promise<PackagePart[]> {
  const c = file.case;
  const unrendered = file.notices.filter((n) => !n.pdf).map((n) => n.noticeId);
  // the notices as issued documents [N14]; the e-file is not closed without them, the step is re-driven
  if (unrendered.length) throw new Error(`case ${c.caseId}: notices ${unrendered.join(', ')} have no PDF yet; the archive waits for them`);
  // and the licence as the document it was delivered as [E15]
  if (licence && !licence.pdf) throw new Error(`case ${c.caseId}: licence ${licence.licenceId} has no PDF yet; the archive waits for it`);
  const checked = (part: string, expected: string | undefined, bytes: Buffer) => {
    const actual = sha256Hex(bytes);
    if (expected && actual !== expected) throw new ArchiveFault(c.caseId, 'part_mismatch', `${part} reads back as SHA-256 ${actual}, not the ${expected} the case recorded; it is not packaged`);
    return bytes;
  };
  const materials = await Promise.all(
    c.materials
      .filter((m) => m.objectKey && m.versionId)
      .map(async (m): Promise<PackagePart[]> => {
        const own: PackagePart = {
          id: m.code,
          title: m.name,
          kind: 'material',
          format: formatOf(m.contentType ?? '')?.format ?? 'binary',
          fileName: `${m.code}.${extension(m.contentType)}`,
          bytes: checked(m.code, m.sha256, await ports.uploads.read(m.objectKey!, m.versionId!)),
        };
        if (!m.signature) return [own];
        const sig = checked(`${m.code}.sig`, m.signature.sha256, await ports.uploads.read(m.signature.objectKey, m.signature.versionId));
        return [
          own,
          { id: `${m.code}.sig`, title: `${m.name}（电子签名）`, kind: 'signature', format: 'DER', fileName: `${m.code}.sig`, bytes: sig },
          { id: `${m.code}.chain`, title: `${m.name}（签名证书链）`, kind: 'signature', format: 'PEM', fileName: `${m.code}.chain.pem`, bytes: Buffer.from(`${m.signature.certificates.map((p) => p.trim()).join('\n')}\n`) },
        ];
      }),
  );
  const notices = await Promise.all(
    file.notices.map(async (n): Promise<PackagePart> => ({
      id: n.noticeId,
      title: n.title,
      kind: 'notice',
      format: 'PDF',
      fileName: `${n.noticeId}.pdf`,
      bytes: checked(n.noticeId, n.pdf!.sha256, await ports.documents.read(n.pdf!)),
    })),
  );
  return [
    ...materials.flat(),
    ...notices,
    ...(licence
      ? [
          { id: 'licence', title: licence.typeName, kind: 'licence' as const, format: 'XML', fileName: 'licence.xml', bytes: licenceXml(licence) },
          { id: LICENCE_PDF_PART, title: `${licence.typeName}（版式文件）`, kind: 'licence' as const, format: 'PDF', fileName: 'licence.pdf', bytes: checked('licence.pdf', licence.pdf!.sha256, await ports.documents.read(licence.pdf!)) },
        ]
      : []),
    { id: 'audit', title: '审计记录', kind: 'audit', format: 'XML', fileName: 'audit.xml', bytes: auditXml(file) },
  ];
}

/**
 * The 电子签名块 over a signed object [E24]: signed by the platform's archive key, that signature
 * time-stamped by the deployment's RFC 3161 authority. Packages and transfer manifests are signed so.
 */
export async function signAndStamp(ports: Pick<Ports, 'signer' | 'timestamps'>, signed: string, signedAt: string): Promise<string> {
  const [signature, publicKey] = await Promise.all([ports.signer.sign(signed), ports.signer.publicKey()]);
  const stamp = await ports.timestamps.stamp(Buffer.from(signature.signature, 'base64'));
  return signatureBlock({ value: signature.signature, algorithm: PACKAGE_ALGORITHM, signer: PACKAGE_SIGNER, publicKey, keyId: signature.keyId, signedAt, timestamp: stamp.response.toString('base64'), tsa: stamp.url });
}

/**
 * The case's DA/T 48 package [E24], its 封装 [E25]: the signed object signed by the platform's archive key, the
 * signature time-stamped by the deployment's RFC 3161 authority, and the whole locked by a second
 * signature over every byte before the lock.
 */
export async function assemblePackage(
  ports: AssemblyPorts,
  input: { file: CaseFile; licence?: Licence; deptName: string; retainUntil: string; createdAt: string },
): Promise<AssembledPackage> {
  const parts = await packageParts(ports, input.file, input.licence);
  const signed = signedObject({ ...input, parts, creator: PACKAGE_SIGNER });
  const block = await signAndStamp(ports, signed, input.createdAt);
  const unlocked = unlockedPackage(signed, block);
  const lock = await ports.signer.sign(unlocked);
  const bytes = Buffer.from(lockedPackage(unlocked, { value: lock.signature, algorithm: PACKAGE_ALGORITHM, signedAt: input.createdAt }));
  return { bytes, sha256: sha256Hex(bytes), parts: parts.length };
}
