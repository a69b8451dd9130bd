import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { casesTable, dynamo } from './client.ts';
import { caseIdOfKey, GSI } from './keys.ts';

/** A Query on the case table (or one of its indexes), without the table and the paging this module adds. */
export type CaseTableQuery = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

/** Every item a Query on the case table answers, page after page, as the pages come. */
export async function* queryItems(query: CaseTableQuery): AsyncIterable<Record<string, unknown>> {
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo().send(new QueryCommand({ TableName: casesTable(), ...query, ExclusiveStartKey: start }));
    yield* res.Items ?? [];
    start = res.LastEvaluatedKey;
  } while (start);
}

/** Every item a Query answers, read whole: for a small partition or a bounded range. */
export async function queryAll(query: CaseTableQuery): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const item of queryItems(query)) out.push(item);
  return out;
}

/** The case ids of a query on the deadline index (open cases by their next date, packages by their expiry, the sweeper's watch days), page by page. */
export async function* deadlineCaseIds(KeyConditionExpression: string, ExpressionAttributeValues: Record<string, string>): AsyncIterable<string> {
  for await (const item of queryItems({ IndexName: GSI.deadline, KeyConditionExpression, ExpressionAttributeValues })) {
    const caseId = caseIdOfKey(item);
    if (caseId) yield caseId;
  }
}
