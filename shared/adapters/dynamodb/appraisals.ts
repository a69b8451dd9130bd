import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Appraisal, RegisterLine } from '../../domain/appraisal.ts';
import type { AppraisalStore } from '../../domain/ports.ts';
import { casesTable, dynamo } from './client.ts';
import { putIfVersion } from './writes.ts';
import { appraisalKey, registerLineKey, stripItem } from './keys.ts';

/**
 * Appraisals and their destruction register (销毁清册) [E18], beside the cases: the appraisal one item,
 * each register line an item of its partition, keyed by the case, so a destroy step retried writes
 * the same line again rather than a second one. Nothing deletes them (the table has no TTL on them).
 */
export const appraisalStore: AppraisalStore = {
  async create(a) {
    await dynamo().send(new PutCommand({ TableName: casesTable(), Item: { ...appraisalKey(a.appraisalId), kind: 'appraisal', ...a }, ConditionExpression: 'attribute_not_exists(pk)' }));
  },
  async get(appraisalId) {
    const res = await dynamo().send(new GetCommand({ TableName: casesTable(), Key: appraisalKey(appraisalId), ConsistentRead: true }));
    return res.Item ? stripItem<Appraisal>(res.Item) : undefined;
  },
  save(a, expectedVersion) {
    return putIfVersion({ ...appraisalKey(a.appraisalId), kind: 'appraisal', ...a }, expectedVersion);
  },
  async register(lines) {
    for (let i = 0; i < lines.length; i += 25) {
      let items: Record<string, unknown>[] | undefined = lines.slice(i, i + 25).map((l) => ({ PutRequest: { Item: { ...registerLineKey(l.appraisalId, l.caseId), kind: 'register_line', ...l } } }));
      for (let attempt = 0; items?.length && attempt < 8; attempt++) {
        const res = await dynamo().send(new BatchWriteCommand({ RequestItems: { [casesTable()]: items as never } }));
        items = res.UnprocessedItems?.[casesTable()] as Record<string, unknown>[] | undefined;
      }
      if (items?.length) throw new Error(`the destruction register kept ${items.length} lines unwritten`);
    }
  },
  async registerOf(appraisalId) {
    const res = await dynamo().send(new QueryCommand({ TableName: casesTable(), KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': appraisalKey(appraisalId).pk, ':s': 'REGISTER#' }, ConsistentRead: true }));
    return (res.Items ?? []).map((i) => stripItem<RegisterLine>(i));
  },
};
