import { GetBucketEncryptionCommand, GetObjectCommand, GetPublicAccessBlockCommand, ListObjectsV2Command, ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import type { ArchiveStore } from '../../domain/ports.ts';
import { PUBLIC_ACCESS_FLAGS, type PublicAccessFlag, type StoreReport } from '../../domain/rules/e18-four-properties.ts';
import { env } from '../env.ts';
import { archiveLocks } from './archive-locks.ts';
import { s3Client } from './client.ts';

/**
 * The archive bucket as the four-property check reads it [E18]: its listing (ListObjectsV2, in key
 * order, a page at a time: never a table scan), a package's bytes by version, and what the store
 * reports of the lock, the versions under the key, the bucket's encryption and public access block.
 */
const status = (err: unknown) => (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const name = (err: unknown) => (err as Error).name;

// the bucket's settings change rarely: read once per run of the function, per bucket
const bucketReports = new Map<string, Promise<Pick<StoreReport, 'encryption' | 'publicAccess'>>>();

async function bucketReport(Bucket: string): Promise<Pick<StoreReport, 'encryption' | 'publicAccess'>> {
  const encryption = await s3Client()
    .send(new GetBucketEncryptionCommand({ Bucket }))
    .then(
      (r) => {
        const rule = r.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
        return { algorithm: rule?.SSEAlgorithm, keyId: rule?.KMSMasterKeyID };
      },
      (err) => {
        if (name(err) === 'ServerSideEncryptionConfigurationNotFoundError') return {};
        if (status(err) === 501 || name(err) === 'NotImplemented') return 'unsupported' as const;
        throw err;
      },
    );
  const publicAccess = await s3Client()
    .send(new GetPublicAccessBlockCommand({ Bucket }))
    .then(
      (r) => Object.fromEntries(PUBLIC_ACCESS_FLAGS.map((f) => [f, r.PublicAccessBlockConfiguration?.[f] === true])) as Record<PublicAccessFlag, boolean>,
      (err) => {
        if (name(err) === 'NoSuchPublicAccessBlockConfiguration') return Object.fromEntries(PUBLIC_ACCESS_FLAGS.map((f) => [f, false])) as Record<PublicAccessFlag, boolean>;
        if (status(err) === 501 || name(err) === 'NotImplemented') return 'unsupported' as const;
        throw err;
      },
    );
  return { encryption, publicAccess };
}

export const archiveStore: ArchiveStore = {
  async list(prefix, cursor, limit) {
    const res = await s3Client().send(new ListObjectsV2Command({ Bucket: env('ARCHIVE_BUCKET'), Prefix: prefix, MaxKeys: limit, ...(cursor ? { StartAfter: cursor } : {}) }));
    const keys = (res.Contents ?? []).map((o) => o.Key!).filter((k) => k.endsWith('.xml'));
    const last = res.Contents?.at(-1)?.Key;
    return { keys, ...(res.IsTruncated && last ? { next: last } : {}) };
  },
  async read(r) {
    const res = await s3Client().send(new GetObjectCommand({ Bucket: r.bucket, Key: r.key, VersionId: r.versionId }));
    return Buffer.from(await res.Body!.transformToByteArray());
  },
  async report(r) {
    if (!bucketReports.has(r.bucket)) bucketReports.set(r.bucket, bucketReport(r.bucket).catch((err) => (bucketReports.delete(r.bucket), Promise.reject(err))));
    const [lock, versions, bucket] = await Promise.all([
      archiveLocks.lockOf(r),
      s3Client().send(new ListObjectVersionsCommand({ Bucket: r.bucket, Prefix: r.key, MaxKeys: 100 })),
      bucketReports.get(r.bucket)!,
    ]);
    return { lock, versions: [...(versions.Versions ?? []), ...(versions.DeleteMarkers ?? [])].filter((v) => v.Key === r.key).length, ...bucket };
  },
};
