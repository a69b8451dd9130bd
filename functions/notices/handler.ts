import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '#shared/observability';
import { renderCaseNotices } from '#shared/notices/issue';

/**
 * N14 文书: renders notices as PDF. Called by the case table's stream (filtered to notice items with
 * the RENDER marker) and by the unified-return workflow before the case is archived ({caseId}).
 * A case whose notices fail is reported alone, so the rest of the batch is not retried with it.
 */
export const handler = async (event: DynamoDBStreamEvent | { caseId: string }): Promise<DynamoDBBatchResponse | { caseId: string; rendered: string[] }> => {
  if (!('Records' in event)) return { caseId: event.caseId, rendered: await renderCaseNotices(event.caseId) };
  const byCase = new Map<string, { ids: Set<string>; seqs: string[] }>();
  for (const r of event.Records) {
    const pk = r.dynamodb?.Keys?.pk?.S ?? '';
    const sk = r.dynamodb?.Keys?.sk?.S ?? '';
    if (!pk.startsWith('CASE#') || !sk.startsWith('NOTICE#')) continue;
    const entry = byCase.get(pk.slice(5)) ?? { ids: new Set<string>(), seqs: [] };
    entry.ids.add(sk.slice(7));
    entry.seqs.push(r.dynamodb!.SequenceNumber!);
    byCase.set(pk.slice(5), entry);
  }
  const failures: { itemIdentifier: string }[] = [];
  for (const [caseId, { ids, seqs }] of byCase) {
    try {
      await renderCaseNotices(caseId, ids);
    } catch (err) {
      logger.error('rendering notices failed', { caseId, notices: [...ids], error: err as Error });
      failures.push(...seqs.map((itemIdentifier) => ({ itemIdentifier })));
    }
  }
  return { batchItemFailures: failures };
};
