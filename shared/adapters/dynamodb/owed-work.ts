import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NoticeDocument } from '../../domain/case.ts';
import type { LicenceDocument } from '../../domain/licence.ts';
import type { OwedWork } from '../../domain/ports.ts';
import { casesTable, catalogTable, dynamo } from './client.ts';
import { CALENDAR_MARK_KEY, CATALOG_META_KEY, caseIdOfKey, GSI, licenceKey, noticeIdOfKey, noticeKey, PENDING_WORKFLOW, RENDER_PENDING, RENDER_STUCK } from './keys.ts';
import { isConditionFailed } from './transactions.ts';

/** Sets an item's `pdf` once; false when it had one (another renderer was first, with the same bytes). */
async function recordOnce(Key: Record<string, string>, pdf: NoticeDocument, also = ''): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: casesTable(),
        Key,
        UpdateExpression: `SET pdf = :pdf ${also}`.trim(),
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(pdf)',
        ExpressionAttributeValues: { ':pdf': pdf },
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailed(err)) return false;
    throw err;
  }
}

/** Keys of what the platform still owes in one partition of the `pending` index, owed since before the cutoff. */
async function pendingBefore(partition: string, cutoff: string, limit: number): Promise<Record<string, unknown>[]> {
  const res = await dynamo().send(
    new QueryCommand({
      TableName: casesTable(),
      IndexName: GSI.pending,
      KeyConditionExpression: 'pendPk = :p AND pendSk < :cutoff',
      ExpressionAttributeValues: { ':p': partition, ':cutoff': `${cutoff}~` },
      Limit: limit,
    }),
  );
  return res.Items ?? [];
}

/** An update of a notice that still waits for its PDF. */
const updateUnrendered = (caseId: string, noticeId: string, update: string, extraCondition: string, values: Record<string, unknown>) =>
  dynamo().send(
    new UpdateCommand({
      TableName: casesTable(),
      Key: noticeKey(caseId, noticeId),
      UpdateExpression: update,
      ConditionExpression: `pendPk = :p AND attribute_not_exists(pdf) ${extraCondition}`.trim(),
      ExpressionAttributeValues: { ':p': RENDER_PENDING, ...values },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    }),
  );

/** The sparse `pending` index, read by the sweeper and written by the renderer. */
export const owedWork: OwedWork = {
  async owedWorkflows(cutoff, limit) {
    return (await pendingBefore(PENDING_WORKFLOW, cutoff, limit)).map(caseIdOfKey).filter((id): id is string => !!id);
  },

  async unrenderedNotices(cutoff, limit) {
    return (await pendingBefore(RENDER_PENDING, cutoff, limit)).flatMap((item) => {
      const caseId = caseIdOfKey(item);
      const noticeId = noticeIdOfKey(item);
      return caseId && noticeId ? [{ caseId, noticeId }] : [];
    });
  },

  /**
   * The touch is an update of the notice item, so the stream hands its new image to the renderer again;
   * it is conditioned on the marker, so a notice rendered meanwhile is left alone.
   */
  async askRenderAgain(caseId, noticeId, maxRetries) {
    try {
      await updateUnrendered(caseId, noticeId, 'ADD renderRetries :one', 'AND (attribute_not_exists(renderRetries) OR renderRetries < :max)', { ':one': 1, ':max': maxRetries });
      return 'asked';
    } catch (err) {
      if (!isConditionFailed(err)) throw err;
      // the item as it was, returned with the failed condition (raw attribute values: errors are not unmarshalled)
      const old = (err as { Item?: Record<string, { S?: string; N?: string } | undefined> }).Item;
      const exhausted = old && old.pendPk?.S === RENDER_PENDING && !old.pdf && Number(old.renderRetries?.N ?? 0) >= maxRetries;
      return exhausted ? 'exhausted' : 'rendered';
    }
  },

  async setRenderStuck(caseId, noticeId) {
    await updateUnrendered(caseId, noticeId, 'SET pendPk = :stuck', '', { ':stuck': RENDER_STUCK }).catch((e) => {
      if (!isConditionFailed(e)) throw e;
    });
  },

  recordNoticeDocument: (caseId, noticeId, pdf: NoticeDocument) => recordOnce(noticeKey(caseId, noticeId), pdf, 'REMOVE pendPk, pendSk'),

  // the licence's PDF is the licence item's own attribute: a revocation or a successor written after
  // it keeps it (their writes are conditioned on it, case-repository.ts)
  recordLicenceDocument: (licenceId, pdf: LicenceDocument) => recordOnce(licenceKey(licenceId), pdf),

  async calendarYearCounted() {
    const item = (await dynamo().send(new GetCommand({ TableName: casesTable(), Key: CALENDAR_MARK_KEY }))).Item as { knownYear?: number } | undefined;
    return item?.knownYear;
  },

  async markCalendarYearCounted(year, at) {
    await dynamo().send(new PutCommand({ TableName: casesTable(), Item: { ...CALENDAR_MARK_KEY, knownYear: year, at } }));
  },

  async catalogMarks() {
    // a deployment without a catalog table has nothing to republish
    if (!process.env.CATALOG_TABLE) return undefined;
    const meta = (await dynamo().send(new GetCommand({ TableName: catalogTable(), Key: CATALOG_META_KEY }))).Item;
    return meta ? { changedAt: meta.changedAt as string | undefined, publishedAt: meta.publishedAt as string | undefined } : undefined;
  },
};
