import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TransferStore } from '../../domain/ports.ts';
import type { Transfer } from '../../domain/transfer.ts';
import { casesTable, dynamo } from './client.ts';
import { putIfVersion } from './writes.ts';
import { stripItem, transferKey, transferKeyOf } from './keys.ts';

/** Transfer batches to the state archive [E26], beside the cases: one partition per region and year. */
const item = (t: Transfer) => ({ ...transferKey(t.region, t.year, t.transferId), kind: 'transfer', ...t });

export const transferStore: TransferStore = {
  async create(t) {
    await dynamo().send(new PutCommand({ TableName: casesTable(), Item: item(t), ConditionExpression: 'attribute_not_exists(pk)' }));
  },
  async get(transferId) {
    const Key = transferKeyOf(transferId);
    if (!Key) return undefined;
    const res = await dynamo().send(new GetCommand({ TableName: casesTable(), Key, ConsistentRead: true }));
    return res.Item ? stripItem<Transfer>(res.Item) : undefined;
  },
  async ofYear(region, year) {
    const out: Transfer[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await dynamo().send(new QueryCommand({ TableName: casesTable(), KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': transferKey(region, year, '').pk }, ConsistentRead: true, ExclusiveStartKey: start }));
      out.push(...(res.Items ?? []).map((i) => stripItem<Transfer>(i)));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  },
  save(t, expectedVersion) {
    return putIfVersion(item(t), expectedVersion);
  },
};
