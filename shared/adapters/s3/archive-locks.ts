import { GetObjectLegalHoldCommand, GetObjectRetentionCommand } from '@aws-sdk/client-s3';
import type { ArchiveRecord } from '../../domain/case.ts';
import type { ArchiveLocks } from '../../domain/ports.ts';
import { s3Client } from './client.ts';

/** What the object store reports of a package's lock now, not what was asked for when it was written. */
async function lockOf(a: Pick<ArchiveRecord, 'bucket' | 'key' | 'versionId'>): Promise<{ retainUntil?: string; mode?: string; legalHold: boolean }> {
  const ref = { Bucket: a.bucket, Key: a.key, VersionId: a.versionId };
  const [ret, hold] = await Promise.all([
    s3Client().send(new GetObjectRetentionCommand(ref)),
    // a version that never had a legal hold answers with an error, not with OFF
    s3Client().send(new GetObjectLegalHoldCommand(ref)).catch(() => undefined),
  ]);
  return { retainUntil: ret.Retention?.RetainUntilDate?.toISOString(), mode: ret.Retention?.Mode, legalHold: hold?.LegalHold?.Status === 'ON' };
}

/** The Object Lock archive bucket, as its readers see the locks on it [E18]. */
export const archiveLocks: ArchiveLocks = { lockOf };
