import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { RetentionScheduleStore } from '../../domain/ports.ts';
import type { ScheduleChange, ScheduleEntry } from '../../domain/retention-schedule.ts';
import { casesTable, dynamo } from './client.ts';
import { SCHEDULE_PARTITION, scheduleChangeKey, scheduleEntryKey, stripKeys } from './keys.ts';
import { cancellationReasons, versionCondition } from './transactions.ts';

/** The retention schedule (保管期限表) [E22] beside the cases: a few hundred small items in one partition. */
const strip = <T>(i: Record<string, unknown>): T => {
  const { kind: _k, ...rest } = stripKeys<Record<string, unknown>>(i);
  return rest as T;
};

async function query(prefix: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo().send(new QueryCommand({ TableName: casesTable(), KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': SCHEDULE_PARTITION, ':s': prefix }, ExclusiveStartKey: start }));
    out.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

export const retentionScheduleStore: RetentionScheduleStore = {
  async get(baseCode) {
    const res = await dynamo().send(new GetCommand({ TableName: casesTable(), Key: scheduleEntryKey(baseCode) }));
    return res.Item ? strip<ScheduleEntry>(res.Item) : undefined;
  },
  async list() {
    return (await query('ENTRY#')).map((i) => strip<ScheduleEntry>(i));
  },
  async set(entry, change, expectedVersion) {
    const TableName = casesTable();
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName,
                Item: { ...scheduleEntryKey(entry.baseCode), kind: 'schedule_entry', ...entry },
                ...versionCondition(expectedVersion),
              },
            },
            { Put: { TableName, Item: { ...scheduleChangeKey(change.baseCode, change.at), kind: 'schedule_change', ...change }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (cancellationReasons(err)?.some((r) => r.Code === 'ConditionalCheckFailed')) return false;
      throw err;
    }
  },
  async changes(baseCode) {
    return (await query(`LOG#${baseCode}#`)).map((i) => strip<ScheduleChange>(i));
  },
};
