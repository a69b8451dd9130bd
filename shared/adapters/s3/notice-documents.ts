import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Case } from '../../domain/case.ts';
import type { NoticeDocuments } from '../../domain/ports.ts';
import { env } from '../env.ts';
import { s3Client } from './client.ts';

const noticeObjectKey = (c: Case, noticeId: string) => `notices/${c.region}/${c.caseId}/${noticeId}.pdf`;

/** Notices' PDFs in the documents bucket [N14]: stored with their hashes, linked by version. */
export const noticeDocuments: NoticeDocuments = {
  async store(c, notice, doc, at) {
    const Bucket = env('DOCUMENTS_BUCKET');
    const Key = noticeObjectKey(c, notice.noticeId);
    const put = await s3Client().send(
      new PutObjectCommand({
        Bucket,
        Key,
        Body: doc.bytes,
        ContentType: 'application/pdf',
        ContentMD5: createHash('md5').update(doc.bytes).digest('base64'),
        Metadata: { sha256: doc.sha256, 'notice-sha256': notice.sha256 },
      }),
    );
    return { bucket: Bucket, key: Key, versionId: put.VersionId ?? '', sha256: doc.sha256, bytes: doc.bytes.byteLength, pages: doc.pages, renderedAt: at, missing: doc.missing };
  },
  async read(pdf) {
    const res = await s3Client().send(new GetObjectCommand({ Bucket: pdf.bucket, Key: pdf.key, VersionId: pdf.versionId }));
    return Buffer.from(await res.Body!.transformToByteArray());
  },
};
