import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Case, NoticeDocument } from '../../domain/case.ts';
import type { Licence } from '../../domain/licence.ts';
import type { NoticeDocuments, RenderedNotice } from '../../domain/ports.ts';
import { env } from '../env.ts';
import { s3Client } from './client.ts';

const noticeObjectKey = (c: Case, noticeId: string) => `notices/${c.region}/${c.caseId}/${noticeId}.pdf`;
/** beside the notices of the case that issued it: one prefix per case holds all its documents */
const licenceObjectKey = (l: Licence) => `notices/${l.issuer.region}/${l.caseId}/licence-${l.version}.pdf`;

async function put(Key: string, doc: RenderedNotice, metadata: Record<string, string>, at: string): Promise<NoticeDocument> {
  const Bucket = env('DOCUMENTS_BUCKET');
  const res = await s3Client().send(
    new PutObjectCommand({ Bucket, Key, Body: doc.bytes, ContentType: 'application/pdf', ContentMD5: createHash('md5').update(doc.bytes).digest('base64'), Metadata: { sha256: doc.sha256, ...metadata } }),
  );
  return { bucket: Bucket, key: Key, versionId: res.VersionId ?? '', sha256: doc.sha256, bytes: doc.bytes.byteLength, pages: doc.pages, renderedAt: at, missing: doc.missing };
}

/** Notices' [N14] and licences' [E15] PDFs in the documents bucket: stored with their hashes, linked by version. */
export const noticeDocuments: NoticeDocuments = {
  store: (c, notice, doc, at) => put(noticeObjectKey(c, notice.noticeId), doc, { 'notice-sha256': notice.sha256 }, at),
  storeLicence: (l, doc, at) => put(licenceObjectKey(l), doc, { 'licence-id': l.licenceId }, at),
  async read(pdf) {
    const res = await s3Client().send(new GetObjectCommand({ Bucket: pdf.bucket, Key: pdf.key, VersionId: pdf.versionId }));
    return Buffer.from(await res.Body!.transformToByteArray());
  },
};
