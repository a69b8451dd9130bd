import { BatchGetCommand, BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, env } from '../storage/clients.ts';
import { CATALOG_GSI, matterKey, SEARCH_FIELDS } from '../domain/keys.ts';
import { shaanxiRegions } from './regions.ts';
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

/** The fields of a matter the `published` index holds (what the search index is built from). */
export type MatterSummary = Pick<Matter, (typeof SEARCH_FIELDS)[number]>;

/**
 * Published matters' summaries, read through the sparse `published` index (a Query, never a Scan). The
 * index is partitioned by region (PUBLISHED#<region>): a province-wide load spreads its writes over
 * 119 partitions instead of one hot key, and the whole catalog is read as 119 queries side by side.
 */
export async function listPublished(region?: string): Promise<MatterSummary[]> {
  if (!region) {
    const regions = shaanxiRegions().map((r) => r.code);
    const parts: MatterSummary[][] = new Array(regions.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < regions.length) {
          const i = next++;
          parts[i] = await listPublished(regions[i]);
        }
      }),
    );
    return parts.flat();
  }
  const out: MatterSummary[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo().send(
      new QueryCommand({
        TableName: table(),
        IndexName: CATALOG_GSI.published,
        KeyConditionExpression: 'pubPk = :p',
        ExpressionAttributeValues: { ':p': `PUBLISHED#${region}` },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(res.Items ?? []).map((i) => strip(i)!));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/** The whole published guides of a region's matters: the index gives the codes, BatchGetItem the items. */
export async function listPublishedGuides(region: string): Promise<Matter[]> {
  const codes = (await listPublished(region)).map((m) => m.code);
  const out: Matter[] = [];
  for (let i = 0; i < codes.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = codes.slice(i, i + 100).map((code) => matterKey(code));
    for (let attempt = 0; keys?.length; attempt++) {
      const res = await dynamo().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: keys } } }));
      out.push(...(res.Responses?.[table()] ?? []).map((item) => strip(item)!));
      keys = res.UnprocessedKeys?.[table()]?.Keys as Record<string, unknown>[] | undefined;
      if (keys?.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

export async function getDepartment(code: string): Promise<Department | undefined> {
  const res = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk: `DEPT#${code}`, sk: 'DEPT' } }));
  if (!res.Item) return undefined;
  const { pk, sk, ...d } = res.Item;
  return d as Department;
}

/** Department names for notices (N14: a notice names who decided), each looked up once; the code where none is known. */
export async function departmentNames(codes: string[]): Promise<Record<string, string>> {
  const unique = [...new Set(codes)];
  const found = await Promise.all(unique.map((c) => getDepartment(c).catch(() => undefined)));
  return Object.fromEntries(unique.map((c, i) => [c, found[i]?.name ?? c]));
}

/** The CURRENT item of a matter, with the index attributes that make it findable. */
export function currentItem(m: Matter): Record<string, unknown> {
  return {
    ...matterKey(m.code),
    ...m,
    basePk: `BASE#${m.baseCode}`,
    baseSk: `${m.region}#${m.code}`,
    ...(m.status === 'published' ? { pubPk: `PUBLISHED#${m.region}`, pubSk: m.code } : {}),
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
  let next = 0;
  // a few batches in flight at once: a provincial catalog is ~300,000 writes
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < items.length) {
        const i = next;
        next += 25;
        let batch: Record<string, unknown>[] | undefined = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
        // unprocessed items are retried: a seed that silently drops matters would be worse than a slow one
        for (let attempt = 0; batch?.length; attempt++) {
          const res = await dynamo().send(new BatchWriteCommand({ RequestItems: { [table()]: batch as never } }));
          batch = res.UnprocessedItems?.[table()] as Record<string, unknown>[] | undefined;
          if (batch?.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
      }
    }),
  );
}
