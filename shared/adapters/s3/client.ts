import { S3Client } from '@aws-sdk/client-s3';

/** The S3 client, once per Lambda instance; its endpoint from `AWS_ENDPOINT_URL_S3` (AWS, or Ceph RGW locally). */
let s3: S3Client | undefined;

export function s3Client(): S3Client {
  s3 ??= new S3Client({
    // Ceph RGW (the local S3) wants path-style addressing; AWS accepts it too for our bucket names.
    forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
    // RGW 16 has no flexible checksums: send checksums only where S3 requires one (LOCAL-ENGINES.md).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return s3;
}
