import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ChangeRequest } from '../../domain/catalog-change.ts';
import { Conflict } from '../../domain/errors.ts';
import type { Department, Matter } from '../../domain/matter.ts';
import type { CatalogChangeStore, CatalogReader } from '../../domain/ports.ts';
import { catalogTable as table, dynamo } from './client.ts';
import { batchPut } from './writes.ts';
import {
  baseCodeIndex,
  baseCodePartition,
  CATALOG_GSI,
  CATALOG_KEY_ATTRIBUTES,
  CATALOG_META_KEY,
  changeKey,
  departmentKey,
  matterCodeOfKey,
  matterKey,
  publishedIndex,
  publishedPartition,
  SEARCH_FIELDS,
} from './keys.ts';
import { cancellationReasons, isConditionFailed } from './transactions.ts';

/** A catalog item without its key and index attributes. */
function strip<T = Matter>(item: Record<string, unknown>): T;
function strip<T = Matter>(item: Record<string, unknown> | undefined): T | undefined;
function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const m: Record<string, unknown> = { ...item };
  for (const k of CATALOG_KEY_ATTRIBUTES) delete m[k];
  return m as T;
}

/** The published version of a matter, or one given version (a case keeps the version it was filed under). */
export async function getMatter(code: string, version?: number): Promise<Matter | undefined> {
  const res = await dynamo().send(new GetCommand({ TableName: table(), Key: matterKey(code, version) }));
  return strip(res.Item);
}

/** The fields of a matter the `published` index holds (what the search index is built from). */
export type MatterSummary = Pick<Matter, (typeof SEARCH_FIELDS)[number]>;

/**
 * Published matters' summaries across the given regions, read through the sparse `published` index (a
 * Query, never a Scan). The index is partitioned by region (PUBLISHED#<region>): a province-wide load
 * spreads its writes over 119 partitions instead of one hot key, and the whole catalog is read as 119
 * queries, eight at a time. The caller names the regions, so the functions that read one matter do not
 * carry the region list.
 */
export async function listPublishedAcross(regions: readonly string[]): Promise<MatterSummary[]> {
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

/** Published matters' summaries of one region. */
export async function listPublished(region: string): Promise<MatterSummary[]> {
  const out: MatterSummary[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo().send(
      new QueryCommand({
        TableName: table(),
        IndexName: CATALOG_GSI.published,
        KeyConditionExpression: 'pubPk = :p',
        ExpressionAttributeValues: { ':p': publishedPartition(region) },
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
  const res = await dynamo().send(new GetCommand({ TableName: table(), Key: departmentKey(code) }));
  return strip<Department>(res.Item);
}

/** Department names for notices (a notice names who decided [N14]), each looked up once; the code where none is known. */
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
    ...baseCodeIndex(m.baseCode, m.region, m.code),
    ...(m.status === 'published' ? publishedIndex(m.region, m.code) : {}),
  };
}

/** Loads a catalog (the demo seed): each matter's version item, its CURRENT item, and the departments. */
export async function putCatalog(matters: Matter[], departments: Department[]): Promise<void> {
  const items: Record<string, unknown>[] = [
    ...departments.map((d) => ({ ...departmentKey(d.code), ...d })),
    ...matters.flatMap((m) => [
      { ...matterKey(m.code, m.version), ...m },
      currentItem(m),
    ]),
  ];
  // a few batches in flight at once: a provincial catalog is ~300,000 writes
  await batchPut(table(), items);
}

/** The catalog as the steps read it. */
export const catalogReader: CatalogReader = { getMatter, getDepartment, departmentNames };

/** All CURRENT implementations of a base matter, through the byBaseCode index. */
async function implementationsOf(baseCode: string): Promise<Matter[]> {
  const codes: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo().send(
      new QueryCommand({ TableName: table(), IndexName: CATALOG_GSI.byBaseCode, KeyConditionExpression: 'basePk = :b', ExpressionAttributeValues: { ':b': baseCodePartition(baseCode) }, ExclusiveStartKey: start }),
    );
    codes.push(...(res.Items ?? []).map(matterCodeOfKey).filter((c): c is string => !!c));
    start = res.LastEvaluatedKey;
  } while (start);
  const out: Matter[] = [];
  for (const code of codes) {
    const m = await getMatter(code);
    if (m && m.status !== 'cancelled') out.push(m);
  }
  return out;
}

/** Catalog change requests [N10], and the versions an applied change writes. */
export const catalogChangeStore: CatalogChangeStore = {
  async get(id) {
    const res = await dynamo().send(new GetCommand({ TableName: table(), Key: changeKey(id), ConsistentRead: true }));
    if (!res.Item) return undefined;
    const { type, ...item } = res.Item;
    return strip<ChangeRequest>(item);
  },
  async create(change) {
    await dynamo().send(new PutCommand({ TableName: table(), Item: { ...changeKey(change.id), type: 'change', ...change }, ConditionExpression: 'attribute_not_exists(pk)' }));
  },
  async update(change, expectedVersion) {
    try {
      await dynamo().send(
        new PutCommand({
          TableName: table(),
          Item: { ...changeKey(change.id), type: 'change', ...change },
          ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':v': expectedVersion },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailed(err)) return false;
      throw err;
    }
  },
  implementationsOf,
  /**
   * Each new version item and the CURRENT item flipped to it, in transactions of at most 100 writes (a
   * province-wide change to a base matter spans every region). The version items are conditioned on not
   * existing, so a re-run after a partial failure is safe.
   */
  async writeVersions(next, changeId, at) {
    const writes = next.flatMap((m) => [
      { Put: { TableName: table(), Item: { ...matterKey(m.code, m.version), ...m, changedBy: changeId, changedAt: at }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: table(), Item: { ...currentItem(m), changedBy: changeId, changedAt: at } } },
    ]);
    for (let i = 0; i < writes.length; i += 100) {
      try {
        await dynamo().send(new TransactWriteCommand({ TransactItems: writes.slice(i, i + 100) }));
      } catch (err) {
        // a version already written by an earlier run of this same change is fine; anything else is not
        if (!cancellationReasons(err)) throw err;
        const again = await Promise.all(next.slice(i / 2, i / 2 + 50).map((m) => getMatter(m.code)));
        if (!again.every((m, j) => m?.version === next[i / 2 + j].version)) throw new Conflict('the catalog changed while this change was applied; propose it again', { cause: err });
      }
    }
  },
  async markChanged(at) {
    await dynamo().send(new UpdateCommand({ TableName: table(), Key: CATALOG_META_KEY, UpdateExpression: 'SET changedAt = :at', ExpressionAttributeValues: { ':at': at } }));
  },
};
