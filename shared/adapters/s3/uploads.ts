import { createHash, randomUUID } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { PresignedUpload, UploadCheck, UploadRequest, UploadStore } from '../../domain/ports.ts';
import { formatOf } from '../../domain/rules/e12-upload-formats.ts';
import { env } from '../env.ts';
import { s3Client } from './client.ts';

/**
 * Materials are uploaded straight to the uploads bucket by presigned PUT [N15] [E12] (e-materials are
 * accepted). Type, length and the declared SHA-256 are signed headers; intake recomputes the hash from
 * the bytes of the version it reads, and the case keeps that version.
 */
export const UPLOAD_URL_SECONDS = 900;

export async function presignUpload(ownerSub: string, req: UploadRequest): Promise<PresignedUpload> {
  // the owner's id is part of the key, so nobody can file a material somebody else uploaded; the name
  // was checked to be a name [E12], and is made safe for a key all the same
  const safeName = req.fileName.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120);
  const objectKey = `uploads/${encodeURIComponent(ownerSub)}/${randomUUID()}/${safeName}`;
  const contentType = req.contentType.toLowerCase();
  const size = String(req.size);
  const headers = { 'content-type': contentType, 'content-length': size, 'x-amz-meta-sha256': req.sha256, 'x-amz-meta-size': size };
  const url = await getSignedUrl(
    s3Client(),
    new PutObjectCommand({ Bucket: env('UPLOADS_BUCKET'), Key: objectKey, ContentType: contentType, ContentLength: req.size, Metadata: { sha256: req.sha256, size } }),
    // signed headers, not query parameters: a PUT of another type, another length or another declared
    // hash does not match the signature, and the store refuses it
    { expiresIn: UPLOAD_URL_SECONDS, signableHeaders: new Set(['content-type', 'content-length', 'x-amz-meta-sha256', 'x-amz-meta-size']), unhoistableHeaders: new Set(['x-amz-meta-sha256', 'x-amz-meta-size']) },
  );
  return { objectKey, url, headers, expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString() };
}

const isOwnUpload = (objectKey: string, ownerSub: string) => objectKey.startsWith(`uploads/${encodeURIComponent(ownerSub)}/`);

const discard = (body: unknown) => (body as { destroy?: () => void } | undefined)?.destroy?.();

/**
 * Reads the object's current version and compares it with what was declared at upload [E12]: an
 * accepted type, the declared size, the declared SHA-256 of the bytes. The version read is returned:
 * the case keeps that version, so bytes written to the key later (the link is valid for 15 minutes)
 * never reach the case or its archive.
 */
async function checkUpload(objectKey: string): Promise<UploadCheck> {
  let res;
  try {
    res = await s3Client().send(new GetObjectCommand({ Bucket: env('UPLOADS_BUCKET'), Key: objectKey }));
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'NoSuchKey' || name === 'NotFound') return { ok: false, reason: 'missing' };
    throw err;
  }
  const contentType = (res.ContentType ?? '').toLowerCase();
  if (!formatOf(contentType)) {
    discard(res.Body);
    return { ok: false, reason: 'format_not_accepted', actual: contentType };
  }
  const declaredSize = res.Metadata?.size;
  if (declaredSize === undefined || Number(declaredSize) !== res.ContentLength) {
    discard(res.Body);
    return { ok: false, reason: 'size_mismatch', declared: declaredSize, actual: String(res.ContentLength) };
  }
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of res.Body as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    size += chunk.length;
  }
  const actual = hash.digest('hex');
  const declared = res.Metadata?.sha256;
  if (!declared) return { ok: false, reason: 'no_declared_sha256', actual };
  if (declared !== actual) return { ok: false, reason: 'sha256_mismatch', declared, actual };
  if (!res.VersionId) throw new Error(`the uploads bucket returned no version for ${objectKey}: it must be versioned`);
  return { ok: true, sha256: actual, size, contentType, versionId: res.VersionId };
}

/** One version's bytes, for a signature to be verified over exactly what intake checked. */
async function readUpload(objectKey: string, versionId: string): Promise<Buffer> {
  const res = await s3Client().send(new GetObjectCommand({ Bucket: env('UPLOADS_BUCKET'), Key: objectKey, VersionId: versionId }));
  return Buffer.from(await res.Body!.transformToByteArray());
}

/** The uploads bucket: presigned PUTs for the filer, and the intake's check and reading of what they put. */
export const uploadStore: UploadStore = { presign: presignUpload, isOwn: isOwnUpload, check: checkUpload, read: readUpload };
