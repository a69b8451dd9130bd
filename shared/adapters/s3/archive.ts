import { createHash } from 'node:crypto';
import { DeleteObjectCommand, ListObjectVersionsCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Archiver, StoredPackage } from '../../domain/ports.ts';
import { env } from '../env.ts';
import { s3Client } from './client.ts';

/**
 * 归档 [E22] [E23] [E24]: a case's package is one object in the Object Lock bucket, written with its
 * COMPLIANCE retention (and legal hold, where due) in the same PUT, so no moment exists in which it is
 * unlocked [E18]. The object carries its own SHA-256, so an adopted package needs no download.
 */
async function existing(key: string): Promise<StoredPackage | undefined> {
  const Bucket = env('ARCHIVE_BUCKET');
  const listed = await s3Client().send(new ListObjectVersionsCommand({ Bucket, Prefix: key, MaxKeys: 10 }));
  // the first version written is the package; a later one (there should be none) is the four-property check's to find
  const first = (listed.Versions ?? []).filter((v) => v.Key === key).sort((a, b) => (a.LastModified?.getTime() ?? 0) - (b.LastModified?.getTime() ?? 0))[0];
  if (!first?.VersionId) return undefined;
  const head = await s3Client().send(new HeadObjectCommand({ Bucket, Key: key, VersionId: first.VersionId }));
  return { bucket: Bucket, key, versionId: first.VersionId, sha256: head.Metadata?.sha256 ?? '', bytes: head.ContentLength ?? 0 };
}

async function store(key: string, body: Buffer, lock: { mode: 'COMPLIANCE'; retainUntil: string; legalHold: boolean }): Promise<StoredPackage> {
  const Bucket = env('ARCHIVE_BUCKET');
  const sha256 = createHash('sha256').update(body).digest('hex');
  const put = s3Client().send(
    new PutObjectCommand({
      Bucket,
      Key: key,
      Body: body,
      ContentType: 'application/xml',
      // an Object Lock put needs an integrity header; RGW has no flexible checksums, so MD5 it is
      ContentMD5: createHash('md5').update(body).digest('base64'),
      Metadata: { sha256, format: 'DA/T 48' },
      ObjectLockMode: lock.mode,
      ObjectLockRetainUntilDate: new Date(lock.retainUntil),
      ...(lock.legalHold ? { ObjectLockLegalHoldStatus: 'ON' as const } : {}),
      // written once: S3 refuses a second write under the key (412), and the bucket policy refuses a
      // write that does not ask so. RGW 16 ignores the header; the step's adoption of an existing
      // package and the four-property check's version count cover it there
      IfNoneMatch: '*',
    }),
  );
  const res = await put.catch(async (err) => {
    if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 412) throw err;
    // another attempt wrote it first: that package is the case's
    return { adopted: await existing(key) };
  });
  if ('adopted' in res) {
    if (!res.adopted) throw new Error(`the archive refused ${key} as existing, but lists no version of it`);
    return res.adopted;
  }
  if (!res.VersionId) throw new Error(`the archive bucket gave no version for ${key}: is versioning (Object Lock) on?`);
  return { bucket: Bucket, key, versionId: res.VersionId, sha256, bytes: body.length };
}

/**
 * 销毁 [E18]: exactly that version deleted, if the store lets it go. A version still under its
 * retention or a legal hold is refused by the store itself (403), whatever the caller's rights, and
 * that refusal is what the destruction register records.
 */
async function destroy(r: { bucket: string; key: string; versionId: string }): Promise<{ destroyed: true } | { destroyed: false; reason: string }> {
  try {
    await s3Client().send(new DeleteObjectCommand({ Bucket: r.bucket, Key: r.key, VersionId: r.versionId }));
    return { destroyed: true };
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 403) return { destroyed: false, reason: `the store refused the delete (${(err as Error).name}): the version is still locked` };
    throw err;
  }
}

/** The Object Lock archive bucket. */
export const archiver: Archiver = { existing, store, destroy };
