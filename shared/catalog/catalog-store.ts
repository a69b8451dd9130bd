import { BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, env } from '../storage/clients.ts';
import { CATALOG_GSI, matterKey } from '../domain/keys.ts';
import type { Department, Matter } from '../domain/matter.ts';

const table = () => env('CATALOG_TABLE');

const strip = (item: Record<string, unknown> | undefined): Matter | undefined => {
  if (!item) return undefined;
  const { pk, sk, pubPk, pubSk, basePk, baseSk, ...m } = item;
  return m as unknown as Matter;
};

/** The published version of a matter, or one given version (a case keeps the version it was filed under). */
export async function getMatter(code: string, version?: number): Promise<Matter | undefined> {
  const res = await dynamo().send(new GetCommand({ TableName: table(), Key: matterKey(code, version) }));
  return strip(res.Item);
}

/** Every published matter, read through the sparse `published` index (a Query, never a Scan); `region` narrows it. */
export async function listPublished(region?: string): Promise<Matter[]> {
  const out: Matter[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo().send(
      new QueryCommand({
        TableName: table(),
        IndexName: CATALOG_GSI.published,
        KeyConditionExpression: region ? 'pubPk = :p AND begins_with(pubSk, :r)' : 'pubPk = :p',
        ExpressionAttributeValues: { ':p': 'PUBLISHED', ...(region ? { ':r': `${region}#` } : {}) },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(res.Items ?? []).map((i) => strip(i)!));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

export async function getDepartment(code: string): Promise<Department | undefined> {
  const res = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk: `DEPT#${code}`, sk: 'DEPT' } }));
  if (!res.Item) return undefined;
  const { pk, sk, ...d } = res.Item;
  return d as Department;
}

/** The CURRENT item of a matter, with the index attributes that make it findable. */
export function currentItem(m: Matter): Record<string, unknown> {
  return {
    ...matterKey(m.code),
    ...m,
    basePk: `BASE#${m.baseCode}`,
    baseSk: `${m.region}#${m.code}`,
    ...(m.status === 'published' ? { pubPk: 'PUBLISHED', pubSk: `${m.region}#${m.code}` } : {}),
  };
}

/** Loads a catalog (the demo seed): each matter's version item, its CURRENT item, and the departments. */
export async function putCatalog(matters: Matter[], departments: Department[]): Promise<void> {
  const items: Record<string, unknown>[] = [
    ...departments.map((d) => ({ pk: `DEPT#${d.code}`, sk: 'DEPT', ...d })),
    ...matters.flatMap((m) => [
      { ...matterKey(m.code, m.version), ...m },
      currentItem(m),
    ]),
  ];
  for (let i = 0; i < items.length; i += 25) {
    let batch: Record<string, unknown>[] | undefined = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    // unprocessed items are retried: a seed that silently drops matters would be worse than a slow one
    for (let attempt = 0; batch?.length; attempt++) {
      const res = await dynamo().send(new BatchWriteCommand({ RequestItems: { [table()]: batch as never } }));
      batch = res.UnprocessedItems?.[table()] as Record<string, unknown>[] | undefined;
      if (batch?.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}
