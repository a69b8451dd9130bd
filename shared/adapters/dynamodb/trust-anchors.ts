import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TrustAnchorStore } from '../../domain/ports.ts';
import type { TrustAnchor, TrustAnchorChange } from '../../domain/trust-anchor.ts';
import { casesTable, dynamo } from './client.ts';
import { ANCHORS_PARTITION, stripItem, trustAnchorChangeKey, trustAnchorKey } from './keys.ts';
import { putWithLog } from './writes.ts';
import { queryAll } from './query.ts';

const query = (prefix: string) => queryAll({ KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': ANCHORS_PARTITION, ':s': prefix }, ConsistentRead: true });

/** Writes an anchor and its change record together; false when the anchor's condition failed. */
const write = (anchor: TrustAnchor, change: TrustAnchorChange, condition: Parameters<typeof putWithLog>[1]) =>
  putWithLog({ ...trustAnchorKey(anchor.anchorId), kind: 'trust_anchor', ...anchor }, condition, { ...trustAnchorChangeKey(anchor.anchorId, change.at, change.action), kind: 'trust_anchor_change', ...change });

/** The trust anchors [E13], beside the cases: a few items in one partition, read consistently. */
export const trustAnchorStore: TrustAnchorStore = {
  async list() {
    return (await query('ANCHOR#')).map((i) => stripItem<TrustAnchor>(i));
  },
  async get(anchorId) {
    const res = await dynamo().send(new GetCommand({ TableName: casesTable(), Key: trustAnchorKey(anchorId), ConsistentRead: true }));
    return res.Item ? stripItem<TrustAnchor>(res.Item) : undefined;
  },
  add(anchor, change) {
    return write(anchor, change, { ConditionExpression: 'attribute_not_exists(pk)' });
  },
  revoke(anchor, change) {
    return write(anchor, change, { ConditionExpression: '#s = :active', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':active': 'active' } });
  },
  async changes(anchorId) {
    return (await query(`LOG#${anchorId}#`)).map((i) => stripItem<TrustAnchorChange>(i));
  },
};
