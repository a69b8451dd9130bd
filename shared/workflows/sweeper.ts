import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getCase } from '../domain/case-store.ts';
import { CATALOG_META_KEY, GSI } from '../domain/keys.ts';
import { logger } from '../observability.ts';
import { dynamo, env } from '../storage/clients.ts';
import { startWorkflow } from './start.ts';

/**
 * The sweeper: no submitted case is ever stranded. A step that needs a workflow records
 * `pendingWorkflow` in its own transaction; the workflow clears it. Whatever is still pending after
 * `minAgeSeconds` (its start failed, or its execution died) is started again — every workflow step is
 * idempotent, so a second run of one that was merely slow does no harm.
 */
export async function sweepPending(opts: { minAgeSeconds: number; limit?: number; now?: Date }): Promise<{ redriven: string[]; republished: boolean }> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.minAgeSeconds * 1000).toISOString();
  const res = await dynamo().send(
    new QueryCommand({
      TableName: env('CASES_TABLE'),
      IndexName: GSI.pending,
      KeyConditionExpression: 'pendPk = :p AND pendSk < :cutoff',
      ExpressionAttributeValues: { ':p': 'PENDING', ':cutoff': `${cutoff}~` },
      Limit: opts.limit ?? 100,
    }),
  );
  const redriven: string[] = [];
  for (const item of res.Items ?? []) {
    const caseId = String(item.pk).slice('CASE#'.length);
    // the index is eventually consistent: read the case itself before acting
    const c = await getCase(caseId);
    if (!c?.pendingWorkflow) continue;
    if (await startWorkflow(c.pendingWorkflow, caseId)) redriven.push(caseId);
  }
  if (redriven.length) logger.warn('re-drove stranded cases', { count: redriven.length, caseIds: redriven });
  // N8: a catalog change applied but never published (its publish did not start, or failed)
  let republished = false;
  if (process.env.CATALOG_TABLE) {
    const meta = (await dynamo().send(new GetCommand({ TableName: env('CATALOG_TABLE'), Key: CATALOG_META_KEY }))).Item;
    if (meta?.changedAt && (!meta.publishedAt || meta.changedAt > meta.publishedAt) && meta.changedAt < cutoff) {
      republished = await startWorkflow('catalog_publish', 'catalog', { reason: 'sweeper' });
    }
  }
  return { redriven, republished };
}
