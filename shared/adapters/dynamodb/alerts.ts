import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { monthsUpTo } from '../../domain/calendar.ts';
import type { Alert } from '../../domain/alert.ts';
import type { AlertStore } from '../../domain/ports.ts';
import { casesTable, dynamo } from './client.ts';
import { page, type CursorShape } from './cursor.ts';
import { alertKey, alertPartition, GUIDE_ALERTS, guideAlertKey, alertQueueIndex, CASE_ITEM, CASE_PREFIX, GSI, watchIndex, watchKey, watchPartition } from './keys.ts';
import { deadlineCaseIds, queryAll } from './query.ts';
import { isConditionFailed } from './transactions.ts';
import { stripKeys } from './keys.ts';

const alertItem = (a: Alert) => ({ ...(a.caseId ? alertKey(a.caseId, a.rule, a.subject) : guideAlertKey(a.alertId)), type: 'alert', ...a, ...alertQueueIndex(a.status, a.dept, a.raisedAt, a.alertId) });

const ignoreConditionFailed = (err: unknown) => {
  if (isConditionFailed(err)) return false;
  throw err;
};

const listShape = (status: string, within: string): CursorShape => ({
  list: `alerts.${status}`,
  attributes: ['pk', 'sk', 'queuePk', 'queueSk'],
  partition: { attribute: 'queuePk', value: alertPartition(status) },
  item: (pk, sk) => pk.startsWith(CASE_PREFIX) && sk.startsWith(CASE_ITEM.alert),
  within: { attribute: 'queueSk', prefix: within },
});

/** Alerts in their cases' partitions, listed through the queue index by status and code prefix [N20]. */
export const alertStore: AlertStore = {
  async raise(a) {
    return dynamo()
      .send(new PutCommand({ TableName: casesTable(), Item: alertItem(a), ConditionExpression: 'attribute_not_exists(pk)' }))
      .then(() => true, ignoreConditionFailed);
  },

  async clear(a) {
    // the whole item again, now under ALERTS#cleared: only while it is still open
    return dynamo()
      .send(new PutCommand({ TableName: casesTable(), Item: alertItem(a), ConditionExpression: '#s = :open', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':open': 'open' } }))
      .then(() => true, ignoreConditionFailed);
  },

  async watch(caseId, caseVersion, date) {
    const index = date ? watchIndex(date, caseId) : undefined;
    await dynamo()
      .send(
        new UpdateCommand({
          TableName: casesTable(),
          Key: watchKey(caseId),
          // sparse: a case with nothing to wait for is in no partition of the index
          UpdateExpression: index ? 'SET caseVersion = :v, #t = :type, dlPk = :p, dlSk = :s, watchAt = :d' : 'SET caseVersion = :v, #t = :type REMOVE dlPk, dlSk, watchAt',
          ConditionExpression: 'attribute_not_exists(caseVersion) OR caseVersion <= :v',
          ExpressionAttributeNames: { '#t': 'type' },
          ExpressionAttributeValues: { ':v': caseVersion, ':type': 'watch', ...(index ? { ':p': index.dlPk, ':s': index.dlSk, ':d': date } : {}) },
        }),
      )
      .catch(ignoreConditionFailed);
  },

  async openGuideAlerts() {
    const items = await queryAll({ KeyConditionExpression: 'pk = :p', FilterExpression: '#s = :open', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':p': GUIDE_ALERTS, ':open': 'open' } });
    return items.map((i) => stripKeys<Alert>(i));
  },

  async *due(today, months) {
    for (const month of monthsUpTo(today, months)) yield* deadlineCaseIds('dlPk = :p AND dlSk <= :s', { ':p': watchPartition(month), ':s': `${today}#~` });
  },

  async list(q, req) {
    return page<Alert>(
      listShape(q.status, q.within),
      {
        IndexName: GSI.queue,
        KeyConditionExpression: 'queuePk = :p AND begins_with(queueSk, :w)',
        ExpressionAttributeValues: { ':p': alertPartition(q.status), ':w': q.within, ...(q.level ? { ':l': q.level } : {}) },
        ...(q.level ? { FilterExpression: '#l = :l', ExpressionAttributeNames: { '#l': 'level' } } : {}),
        ScanIndexForward: false,
      },
      req,
    );
  },
};
