import { createHash } from 'node:crypto';
import { CopyObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { canonicalJson, sha256Hex } from '../../domain/audit.ts';
import type { ArchiveRecord } from '../../domain/case.ts';
import type { Licence } from '../../domain/licence.ts';
import type { CaseFile } from '../../domain/case-file.ts';
import type { Archiver } from '../../domain/ports.ts';
import { legalHoldFor, retainUntil } from '../../domain/rules/e22-retention.ts';
import { env } from '../env.ts';
import { signer } from '../kms/signer.ts';
import { s3Client } from './client.ts';

/**
 * 归档 [E22] [E23] [E24] [E25]: the case's e-files packaged (封装) into the Object Lock bucket with
 * COMPLIANCE retention until its retention period has passed, so nobody, root included, can alter or
 * delete them before then [E18]. The materials' bytes are copied in (linked files are archived as the
 * files themselves [E24]), and so are the notices' PDFs; package.json holds the metadata, timeline,
 * notices, result and a signed manifest listing every file with its hash.
 */
async function archiveCaseFile(file: CaseFile, licence: Licence | undefined, at: string): Promise<ArchiveRecord> {
  const c = file.case;
  const bucket = env('ARCHIVE_BUCKET');
  const prefix = `archive/${c.region}/${c.submittedAt.slice(0, 4)}/${c.caseId}`;
  const until = retainUntil(c.completedAt ?? at, c.retention);
  const legalHold = legalHoldFor(c.retention);
  const lock = {
    ObjectLockMode: 'COMPLIANCE' as const,
    ObjectLockRetainUntilDate: until,
    ...(legalHold ? { ObjectLockLegalHoldStatus: 'ON' as const } : {}),
  };
  const uploaded = c.materials.filter((m) => m.objectKey);
  // copied side by side: each copy is a server-side S3 operation, independent of the others
  await Promise.all(
    uploaded.map((m) =>
      s3Client().send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: `${prefix}/materials/${m.code}`,
          // the version intake checked [E12], never whatever was written to the key since
          CopySource: `${env('UPLOADS_BUCKET')}/${m.objectKey!.split('/').map(encodeURIComponent).join('/')}${m.versionId ? `?versionId=${encodeURIComponent(m.versionId)}` : ''}`,
          ...lock,
        }),
      ),
    ),
  );
  // the notices as issued documents [N14] (PDF is an archival rendition [E24]); the e-file is not closed without them
  const unrendered = file.notices.filter((n) => !n.pdf).map((n) => n.noticeId);
  if (unrendered.length) throw new Error(`case ${c.caseId}: notices ${unrendered.join(', ')} have no PDF yet; the archive waits for them`);
  await Promise.all(
    file.notices.map((n) =>
      s3Client().send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: `${prefix}/notices/${n.noticeId}.pdf`,
          CopySource: `${n.pdf!.bucket}/${n.pdf!.key.split('/').map(encodeURIComponent).join('/')}${n.pdf!.versionId ? `?versionId=${encodeURIComponent(n.pdf!.versionId)}` : ''}`,
          ...lock,
        }),
      ),
    ),
  );
  const files = [
    ...uploaded.map((m) => ({ name: `materials/${m.code}`, sha256: m.sha256! })),
    ...file.notices.map((n) => ({ name: `notices/${n.noticeId}.pdf`, sha256: n.pdf!.sha256 })),
  ];
  const manifest = {
    caseId: c.caseId,
    packagedAt: at,
    retention: c.retention,
    retainUntil: until.toISOString(),
    files,
    auditHead: c.lastEventHash,
    notices: file.notices.map((n) => ({ noticeId: n.noticeId, kind: n.kind, sha256: n.sha256 })),
    licence: licence ? { licenceId: licence.licenceId, signature: licence.signature } : null,
  };
  const signed = await signer.sign(canonicalJson(manifest));
  const body = Buffer.from(
    JSON.stringify({ format: 'zwfw-archive-package/1', manifest, signature: signed, case: c, timeline: file.events, tasks: file.tasks, notices: file.notices, licence }, null, 1),
  );
  const key = `${prefix}/package.json`;
  const res = await s3Client().send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentType: 'application/json',
      // an Object Lock put needs an integrity header; RGW has no flexible checksums, so MD5 it is
      ContentMD5: createHash('md5').update(body).digest('base64'),
      ...lock,
    }),
  );
  return {
    bucket,
    key,
    versionId: res.VersionId ?? '',
    sha256: sha256Hex(body),
    retention: c.retention,
    retainUntil: until.toISOString(),
    mode: 'COMPLIANCE',
    legalHold,
    archivedAt: at,
  };
}

/** The Object Lock archive bucket. */
export const archiver: Archiver = { package: archiveCaseFile };
