import { BatchWriteCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { casesTable, dynamo } from './client.ts';
import { cancellationReasons, isConditionFailed, versionCondition } from './transactions.ts';

type Condition = { ConditionExpression: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> };

/** Puts an item of the case table if it is still at `expectedVersion` (0: if it does not exist); false when another writer was first. */
export async function putIfVersion(item: Record<string, unknown>, expectedVersion: number): Promise<boolean> {
  try {
    await dynamo().send(new PutCommand({ TableName: casesTable(), Item: item, ...versionCondition(expectedVersion) }));
    return true;
  } catch (err) {
    if (isConditionFailed(err)) return false;
    throw err;
  }
}

/** Puts an item under its condition and the record of its change (a new item, never rewritten) in one transaction; false when the item's condition failed. */
export async function putWithLog(item: Record<string, unknown>, condition: Condition, log: Record<string, unknown>): Promise<boolean> {
  const TableName = casesTable();
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: item, ...condition } },
          { Put: { TableName, Item: log, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
    return true;
  } catch (err) {
    if (cancellationReasons(err)?.some((r) => r.Code === 'ConditionalCheckFailed')) return false;
    throw err;
  }
}

/**
 * Puts many items in batches of 25, a few batches in flight at once, retrying what DynamoDB leaves
 * unprocessed: a seed that silently dropped items would be worse than a slow one.
 */
export async function batchPut(table: string, items: Record<string, unknown>[], inFlight = 8): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < items.length) {
        const i = next;
        next += 25;
        let batch: Record<string, unknown>[] | undefined = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
        for (let attempt = 0; batch?.length; attempt++) {
          const res = await dynamo().send(new BatchWriteCommand({ RequestItems: { [table]: batch as never } }));
          batch = res.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined;
          if (batch?.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
      }
    }),
  );
}
