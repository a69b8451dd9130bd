import { GetObjectLegalHoldCommand, GetObjectRetentionCommand } from '@aws-sdk/client-s3';
import { getCase } from '#shared/domain/case-store';
import { apiHandler } from '#shared/http/api';
import { notFound } from '#shared/http/problem';
import { s3Client } from '#shared/storage/clients';

/** GET /v1/archive/{caseId} (E22–E25): where the archive package is and the lock S3 really holds on it. */
export const handler = apiHandler(async (req) => {
  // roles are checked before this runs, by the API handler from shared/auth/permissions.ts
  const c = await getCase(req.path.caseId);
  if (!c?.archive) throw notFound(`case ${req.path.caseId} has no archive package`);
  const a = c.archive;
  const ref = { Bucket: a.bucket, Key: a.key, VersionId: a.versionId };
  const [ret, hold] = await Promise.all([
    s3Client().send(new GetObjectRetentionCommand(ref)),
    s3Client().send(new GetObjectLegalHoldCommand(ref)).catch(() => undefined),
  ]);
  return {
    body: {
      bucket: a.bucket,
      key: a.key,
      versionId: a.versionId,
      sha256: a.sha256,
      retention: a.retention,
      retainUntil: ret.Retention?.RetainUntilDate?.toISOString() ?? a.retainUntil,
      mode: ret.Retention?.Mode ?? a.mode,
      legalHold: hold?.LegalHold?.Status === 'ON',
      archivedAt: a.archivedAt,
      manifest: { key: a.key, sha256: a.sha256 },
    },
  };
});
