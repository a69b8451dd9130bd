import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getCase } from '../domain/case-store.ts';
import { CATALOG_META_KEY, GSI, RENDER_PENDING, RENDER_STUCK } from '../domain/keys.ts';
import { countStuckNotices, logger } from '../observability.ts';
import { dynamo, env } from '../storage/clients.ts';
import { startWorkflow } from './start.ts';

/** Keys of what the platform still owes in one partition of the `pending` index (PENDING, RENDER), owed since before the cutoff. */
async function pendingBefore(partition: string, cutoff: string, limit: number): Promise<Record<string, unknown>[]> {
  const res = await dynamo().send(
    new QueryCommand({
      TableName: env('CASES_TABLE'),
      IndexName: GSI.pending,
      KeyConditionExpression: 'pendPk = :p AND pendSk < :cutoff',
      ExpressionAttributeValues: { ':p': partition, ':cutoff': `${cutoff}~` },
      Limit: limit,
    }),
  );
  return res.Items ?? [];
}

/**
 * The sweeper: no submitted case is ever stranded. A step that needs a workflow records
 * `pendingWorkflow` in its own transaction; the workflow clears it. Whatever is still pending after
 * `minAgeSeconds` (its start failed, or its execution died) is started again — every workflow step is
 * idempotent, so a second run of one that was merely slow does no harm.
 */
export async function sweepPending(opts: { minAgeSeconds: number; limit?: number; now?: Date }): Promise<{ redriven: string[]; republished: boolean; rerendered: string[]; stuckNotices: string[] }> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.minAgeSeconds * 1000).toISOString();
  const redriven: string[] = [];
  for (const item of await pendingBefore('PENDING', cutoff, opts.limit ?? 100)) {
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
  const notices = await retouchUnrenderedNotices(cutoff, opts.limit ?? 100);
  return { redriven, republished, rerendered: notices.touched, stuckNotices: notices.stuck };
}

/** An update of a notice that still waits for its PDF (and, on failure, the item as it was). */
const updateUnrendered = (item: Record<string, unknown>, update: string, extraCondition: string, values: Record<string, unknown>) =>
  dynamo().send(
    new UpdateCommand({
      TableName: env('CASES_TABLE'),
      Key: { pk: item.pk, sk: item.sk },
      UpdateExpression: update,
      ConditionExpression: `pendPk = :p AND attribute_not_exists(pdf) ${extraCondition}`.trim(),
      ExpressionAttributeValues: { ':p': RENDER_PENDING, ...values },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    }),
  );

/** How often the sweeper asks again for one notice's PDF before it sets it aside for an operator (an hour at 5-minute sweeps). */
export const MAX_RENDER_RETRIES = 12;

/**
 * Notices still without their PDF after the cutoff (the renderer failed past its retries, or the
 * stream record was lost): each is touched, and the stream hands the new image to the renderer again.
 * The touch is conditioned on the marker, so a notice rendered meanwhile is left alone. One that has
 * been asked for MAX_RENDER_RETRIES times is moved to RENDER_STUCK: it stops taking the sweep's page
 * from the others, stays listable, and raises the NoticeRenderStuck alarm.
 */
async function retouchUnrenderedNotices(cutoff: string, limit: number): Promise<{ touched: string[]; stuck: string[] }> {
  const touched: string[] = [];
  const stuck: string[] = [];
  for (const item of await pendingBefore(RENDER_PENDING, cutoff, limit)) {
    const noticeId = String(item.sk).slice('NOTICE#'.length);
    try {
      await updateUnrendered(item, 'ADD renderRetries :one', 'AND (attribute_not_exists(renderRetries) OR renderRetries < :max)', { ':one': 1, ':max': MAX_RENDER_RETRIES });
      touched.push(noticeId);
    } catch (err) {
      if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
      // the item as it was, returned with the failed condition (raw attribute values: errors are not unmarshalled)
      const old = (err as { Item?: Record<string, { S?: string; N?: string } | undefined> }).Item;
      const exhausted = old && old.pendPk?.S === RENDER_PENDING && !old.pdf && Number(old.renderRetries?.N ?? 0) >= MAX_RENDER_RETRIES;
      if (!exhausted) continue; // rendered meanwhile
      await updateUnrendered(item, 'SET pendPk = :stuck', '', { ':stuck': RENDER_STUCK }).catch((e: { name?: string }) => {
        if (e.name !== 'ConditionalCheckFailedException') throw e;
      });
      stuck.push(noticeId);
    }
  }
  if (touched.length) logger.warn('asked again for notices without their PDF', { count: touched.length, noticeIds: touched });
  if (stuck.length) {
    logger.error('notices set aside: their PDF failed every time', { count: stuck.length, noticeIds: stuck, retries: MAX_RENDER_RETRIES });
    countStuckNotices(stuck.length);
  }
  return { touched, stuck };
}
