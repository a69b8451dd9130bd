import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RetentionScheduleStore } from '../../domain/ports.ts';
import type { ScheduleChange, ScheduleEntry } from '../../domain/retention-schedule.ts';
import { casesTable, dynamo } from './client.ts';
import { SCHEDULE_PARTITION, scheduleChangeKey, scheduleEntryKey, stripItem } from './keys.ts';
import { versionCondition } from './transactions.ts';
import { putWithLog } from './writes.ts';
import { queryAll } from './query.ts';

/** The retention schedule (保管期限表) [E22] beside the cases: a few hundred small items in one partition. */
const query = (prefix: string) => queryAll({ KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': SCHEDULE_PARTITION, ':s': prefix } });

export const retentionScheduleStore: RetentionScheduleStore = {
  async get(baseCode) {
    const res = await dynamo().send(new GetCommand({ TableName: casesTable(), Key: scheduleEntryKey(baseCode) }));
    return res.Item ? stripItem<ScheduleEntry>(res.Item) : undefined;
  },
  async list() {
    return (await query('ENTRY#')).map((i) => stripItem<ScheduleEntry>(i));
  },
  set(entry, change, expectedVersion) {
    return putWithLog({ ...scheduleEntryKey(entry.baseCode), kind: 'schedule_entry', ...entry }, versionCondition(expectedVersion), { ...scheduleChangeKey(change.baseCode, change.at), kind: 'schedule_change', ...change });
  },
  async changes(baseCode) {
    return (await query(`LOG#${baseCode}#`)).map((i) => stripItem<ScheduleChange>(i));
  },
};
