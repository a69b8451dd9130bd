import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { caseIdOfKey, noticeIdOfKey } from '#shared/adapters/dynamodb/keys';
import { owedWork } from '#shared/adapters/dynamodb/owed-work';
import { signer } from '#shared/adapters/kms/signer';
import { pdfRenderer } from '#shared/adapters/pdf/render';
import { noticeDocuments } from '#shared/adapters/s3/notice-documents';
import { regions } from '#shared/adapters/regions';
import { systemClock } from '#shared/adapters/system';
import { renderCaseNotices } from '#shared/domain/steps/render-notices';
import { logger } from '#shared/adapters/observability';

const ports = { cases: caseRepository, owed: owedWork, renderer: pdfRenderer, documents: noticeDocuments, regions, clock: systemClock, signer };

/**
 * Notices as PDF [N14] 文书, and the case's licence as PDF [E15]. Called by the case table's stream (filtered to notice items with the
 * RENDER marker) and by the unified-return workflow before the case is archived ({caseId}). A case
 * whose notices fail is reported alone, so the rest of the batch is not retried with it.
 */
export const handler = async (event: DynamoDBStreamEvent | { caseId: string }): Promise<DynamoDBBatchResponse | { caseId: string; rendered: string[] }> => {
  if (!('Records' in event)) return { caseId: event.caseId, rendered: await renderCaseNotices(ports, event.caseId) };
  const byCase = new Map<string, { ids: Set<string>; seqs: string[] }>();
  for (const r of event.Records) {
    const key = { pk: r.dynamodb?.Keys?.pk?.S, sk: r.dynamodb?.Keys?.sk?.S };
    const caseId = caseIdOfKey(key);
    const noticeId = noticeIdOfKey(key);
    if (!caseId || !noticeId) continue;
    const entry = byCase.get(caseId) ?? { ids: new Set<string>(), seqs: [] };
    entry.ids.add(noticeId);
    entry.seqs.push(r.dynamodb!.SequenceNumber!);
    byCase.set(caseId, entry);
  }
  const failures: { itemIdentifier: string }[] = [];
  for (const [caseId, { ids, seqs }] of byCase) {
    try {
      await renderCaseNotices(ports, caseId, ids);
    } catch (err) {
      logger.error('rendering notices failed', { caseId, notices: [...ids], error: err as Error });
      failures.push(...seqs.map((itemIdentifier) => ({ itemIdentifier })));
    }
  }
  return { batchItemFailures: failures };
};
