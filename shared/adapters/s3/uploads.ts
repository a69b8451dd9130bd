import { createHash, randomUUID } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { UploadCheck, UploadStore } from '../../domain/ports.ts';
import { env } from '../env.ts';
import { s3Client } from './client.ts';

/**
 * Materials are uploaded straight to the uploads bucket by presigned PUT [N15] [E12] (e-materials are
 * accepted). The declared SHA-256 travels as signed object metadata; intake recomputes it from the
 * bytes, so a material whose bytes do not match what the applicant declared is refused.
 */
export const UPLOAD_URL_SECONDS = 900;

export interface PresignedUpload {
  objectKey: string;
  url: string;
  headers: Record<string, string>;
  expiresAt: string;
}

export async function presignUpload(
  ownerSub: string,
  req: { fileName: string; contentType: string; size: number; sha256: string },
): Promise<PresignedUpload> {
  // the owner's id is part of the key, so nobody can file a material somebody else uploaded
  const safeName = req.fileName.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120);
  const objectKey = `uploads/${encodeURIComponent(ownerSub)}/${randomUUID()}/${safeName}`;
  const headers = { 'content-type': req.contentType, 'x-amz-meta-sha256': req.sha256 };
  const url = await getSignedUrl(
    s3Client(),
    new PutObjectCommand({ Bucket: env('UPLOADS_BUCKET'), Key: objectKey, ContentType: req.contentType, Metadata: { sha256: req.sha256 } }),
    // the declared hash is a signed header, not a query parameter, so a client cannot change it
    { expiresIn: UPLOAD_URL_SECONDS, signableHeaders: new Set(['content-type', 'x-amz-meta-sha256']), unhoistableHeaders: new Set(['x-amz-meta-sha256']) },
  );
  return { objectKey, url, headers, expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString() };
}

const isOwnUpload = (objectKey: string, ownerSub: string) => objectKey.startsWith(`uploads/${encodeURIComponent(ownerSub)}/`);

/** Reads the uploaded bytes and compares their SHA-256 with the one declared at upload. */
async function checkUpload(objectKey: string): Promise<UploadCheck> {
  let res;
  try {
    res = await s3Client().send(new GetObjectCommand({ Bucket: env('UPLOADS_BUCKET'), Key: objectKey }));
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'NoSuchKey' || name === 'NotFound') return { ok: false, reason: 'missing' };
    throw err;
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
  return { ok: true, sha256: actual, size };
}

/** The uploads bucket as the intake checks it. */
export const uploadStore: UploadStore = { isOwn: isOwnUpload, check: checkUpload };
