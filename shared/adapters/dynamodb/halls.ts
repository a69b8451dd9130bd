import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Hall, HallChange } from '../../domain/hall.ts';
import type { HallStore } from '../../domain/ports.ts';
import { catalogTable, dynamo } from './client.ts';
import { page } from './cursor.ts';
import { HALLS_PARTITION, hallChangeKey, hallChangePartition, hallKey, stripKeys } from './keys.ts';
import { commitTransaction, versionCondition } from './transactions.ts';
import { batchPut } from './writes.ts';

/** The halls in the catalog table [H8] [H11]: public data, read by id or by region prefix. */
export const hallStore: HallStore = {
  async get(hallId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: catalogTable(), Key: hallKey(hallId) }));
    return Item && stripKeys<Hall>(Item);
  },

  async list(prefix, req) {
    return page<Hall>(
      { list: 'halls', attributes: ['pk', 'sk'], partition: { attribute: 'pk', value: HALLS_PARTITION }, item: (pk, sk) => pk === HALLS_PARTITION && sk.startsWith('HALL#'), within: { attribute: 'sk', prefix: `HALL#${prefix}` } },
      { KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': HALLS_PARTITION, ':s': `HALL#${prefix}` } },
      req,
      catalogTable(),
    );
  },

  async put(hall, change, expectedVersion) {
    const failed = await commitTransaction(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: catalogTable(), Item: { ...hallKey(hall.hallId), ...hall }, ...versionCondition(expectedVersion) } },
          { Put: { TableName: catalogTable(), Item: { ...hallChangeKey(change.hallId, change.version), ...change }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
    return failed === undefined;
  },

  async changes(hallId, req) {
    return page<HallChange>(
      { list: 'hall.changes', attributes: ['pk', 'sk'], partition: { attribute: 'pk', value: hallChangePartition(hallId) }, item: (pk, sk) => pk === hallChangePartition(hallId) && sk.startsWith('CHANGE#') },
      { KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': hallChangePartition(hallId), ':s': 'CHANGE#' }, ScanIndexForward: false },
      req,
      catalogTable(),
    );
  },
};

/** Seeds halls (the local runtime's demo halls), as an operator's import would. */
export async function putHalls(halls: Hall[]): Promise<void> {
  await batchPut(catalogTable(), halls.map((h) => ({ ...hallKey(h.hallId), ...h })));
}
