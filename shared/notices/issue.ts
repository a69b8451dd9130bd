import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Case, Notice, NoticeDocument } from '../domain/case.ts';
import { getCaseFile } from '../domain/case-store.ts';
import { noticeKey } from '../domain/keys.ts';
import { dynamo, env, s3Client } from '../storage/clients.ts';
import { renderNoticePdf } from './render.ts';
import { issuerOf, type Issuer } from './issuer.ts';


const noticeObjectKey = (c: Case, noticeId: string) => `notices/${c.region}/${c.caseId}/${noticeId}.pdf`;

/**
 * Renders the case's notices that have no document yet (or only those named), stores each PDF in the
 * documents bucket and records it on the notice, clearing its RENDER marker. Safe to run twice or side
 * by side (the stream and the unified-return workflow may both ask): the PDF is the same bytes each
 * time, and the record is written only once (`attribute_not_exists(pdf)`).
 */
export async function renderCaseNotices(caseId: string, only?: Set<string>, now = () => new Date()): Promise<string[]> {
  const file = await getCaseFile(caseId);
  if (!file) throw new Error(`case ${caseId} not found: its notices cannot be rendered`);
  const issuer = issuerOf(file.case, file.notices);
  const todo = file.notices.filter((n) => !n.pdf && (!only || only.has(n.noticeId)));
  // side by side: each notice is its own object and its own item, and most of the time is I/O
  const done = await Promise.all(todo.map((notice) => renderOne(file.case, notice, issuer, now)));
  return todo.filter((_, i) => done[i]).map((n) => n.noticeId);
}

/** Renders one notice, stores it and records it; false when another caller recorded it first. */
async function renderOne(c: Case, notice: Notice, issuer: Issuer, now: () => Date): Promise<boolean> {
  const caseId = c.caseId;
  const doc = await renderNoticePdf(c, notice, issuer);
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
  const pdf: NoticeDocument = {
    bucket: Bucket,
    key: Key,
    versionId: put.VersionId ?? '',
    sha256: doc.sha256,
    bytes: doc.bytes.byteLength,
    pages: doc.pages,
    renderedAt: now().toISOString(),
    missing: doc.missing,
  };
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: env('CASES_TABLE'),
        Key: noticeKey(caseId, notice.noticeId),
        UpdateExpression: 'SET pdf = :pdf REMOVE pendPk, pendSk',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(pdf)',
        ExpressionAttributeValues: { ':pdf': pdf },
      }),
    );
    return true;
  } catch (err) {
    // rendered meanwhile by the other caller: the same bytes, so nothing is lost
    if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
    return false;
  }
}
