import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { NoticeDocument } from '../../domain/case.ts';
import type { Downloads } from '../../domain/ports.ts';
import { s3Client } from './client.ts';

export const NOTICE_URL_SECONDS = 300;

/**
 * A short-lived link to exactly the version of the notice's PDF whose hash the case records, served
 * as a download named after the notice (RFC 6266 filename* for the Chinese title).
 */
async function presignNotice(pdf: NoticeDocument, title: string): Promise<{ url: string; expiresAt: string }> {
  const url = await getSignedUrl(
    s3Client(),
    new GetObjectCommand({
      Bucket: pdf.bucket,
      Key: pdf.key,
      ...(pdf.versionId ? { VersionId: pdf.versionId } : {}),
      ResponseContentType: 'application/pdf',
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(`${title}.pdf`)}`,
    }),
    { expiresIn: NOTICE_URL_SECONDS },
  );
  return { url, expiresAt: new Date(Date.now() + NOTICE_URL_SECONDS * 1000).toISOString() };
}

/** A short-lived link to exactly the version of a case's archive package the case records [E24]. */
async function presignPackage(a: { bucket: string; key: string; versionId: string }, fileName: string): Promise<{ url: string; expiresAt: string }> {
  const url = await getSignedUrl(
    s3Client(),
    new GetObjectCommand({ Bucket: a.bucket, Key: a.key, VersionId: a.versionId, ResponseContentType: 'application/xml', ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` }),
    { expiresIn: NOTICE_URL_SECONDS },
  );
  return { url, expiresAt: new Date(Date.now() + NOTICE_URL_SECONDS * 1000).toISOString() };
}

/** Links to the documents' and the archive's objects, for whoever the gate let see them. */
export const downloads: Downloads = { noticeLink: presignNotice, packageLink: presignPackage };
