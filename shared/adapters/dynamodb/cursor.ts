import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { cursorDocument, refuseCursor as refuse } from '../../domain/list-cursor.ts';
import type { Page, PageRequest } from '../../domain/ports.ts';
import { casesTable, dynamo } from './client.ts';
import { stripKeys } from './keys.ts';

/**
 * List cursors bound to their list and caller. A cursor is the position DynamoDB gave (its
 * LastEvaluatedKey) with the list's name; on the way back it is checked to be exactly such a key of
 * that list, in the caller's own partition of the index. A cursor made for another list, another
 * caller's partition, or not made by this API at all is refused (400), never silently read as the
 * first page and never handed to DynamoDB to fail on.
 */
export interface CursorShape {
  /** the list's name, written into its cursors */
  list: string;
  /** the key attributes a position of this list has, exactly */
  attributes: readonly string[];
  /** the index partition of this caller's list, and its attribute */
  partition: { attribute: string; value: string };
  /** what the table's own key looks like in this list */
  item: (pk: string, sk: string) => boolean;
  /**
   * a list read with `begins_with` on its sort key: a position outside that prefix is not one of this
   * list (DynamoDB would refuse it as outside the query's bounds)
   */
  within?: { attribute: string; prefix: string };
}

export function encodeCursor(shape: Pick<CursorShape, 'list'>, key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify({ l: shape.list, k: key })).toString('base64url') : null;
}

export function decodeCursor(shape: CursorShape, cursor: string | undefined): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const { l, k } = cursorDocument(cursor);
  if (l !== shape.list) throw refuse('made for another list');
  if (!k || typeof k !== 'object' || Array.isArray(k)) throw refuse('no position');
  const key = k as Record<string, unknown>;
  const names = Object.keys(key).sort();
  if (names.join() !== [...shape.attributes].sort().join() || !names.every((n) => typeof key[n] === 'string' && (key[n] as string).length <= 1024)) throw refuse('not a position of this list');
  if (key[shape.partition.attribute] !== shape.partition.value) throw refuse('made for another caller');
  if (!shape.item(key.pk as string, key.sk as string)) throw refuse('not a position of this list');
  if (shape.within && !(key[shape.within.attribute] as string).startsWith(shape.within.prefix)) throw refuse('made for another region or department');
  return key as Record<string, string>;
}

/** One page of a Query on a table (the case table unless said) or one of its indexes, its cursor bound to the list's shape. */
export async function page<T>(
  shape: CursorShape,
  query: { IndexName?: string; KeyConditionExpression: string; ExpressionAttributeValues: Record<string, unknown>; ExpressionAttributeNames?: Record<string, string>; ScanIndexForward?: boolean; FilterExpression?: string },
  req: PageRequest,
  /** the case table unless said */
  table: string = casesTable(),
): Promise<Page<T>> {
  const res = await dynamo().send(new QueryCommand({ TableName: table, ...query, Limit: req.limit, ExclusiveStartKey: decodeCursor(shape, req.cursor) }));
  return { items: (res.Items ?? []).map((i) => stripKeys<T>(i)), nextCursor: encodeCursor(shape, res.LastEvaluatedKey) };
}
