import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Hall } from '../../domain/hall.ts';
import type { HallStore } from '../../domain/ports.ts';
import { catalogTable, dynamo } from './client.ts';
import { page } from './cursor.ts';
import { HALLS_PARTITION, hallKey } from './keys.ts';
import { batchPut } from './writes.ts';

/** The halls in the catalog table [H8] [H11]: public data, read by id or by region prefix. */
const strip = (item: Record<string, unknown>): Hall => {
  const { pk: _pk, sk: _sk, ...hall } = item;
  return hall as unknown as Hall;
};

export const hallStore: HallStore = {
  async get(hallId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: catalogTable(), Key: hallKey(hallId) }));
    return Item && strip(Item);
  },

  async list(prefix, req) {
    const res = await page<Record<string, unknown>>(
      { list: 'halls', attributes: ['pk', 'sk'], partition: { attribute: 'pk', value: HALLS_PARTITION }, item: (pk, sk) => pk === HALLS_PARTITION && sk.startsWith('HALL#'), within: { attribute: 'sk', prefix: `HALL#${prefix}` } },
      { KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': HALLS_PARTITION, ':s': `HALL#${prefix}` } },
      req,
      catalogTable(),
    );
    return { items: res.items.map((h) => h as unknown as Hall), nextCursor: res.nextCursor };
  },
};

/** Seeds halls (the local runtime's demo halls), as an operator's import would. */
export async function putHalls(halls: Hall[]): Promise<void> {
  await batchPut(catalogTable(), halls.map((h) => ({ ...hallKey(h.hallId), ...h })));
}
