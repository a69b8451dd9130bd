import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildSync } from 'esbuild';
import { generateCatalog } from '../shared/catalog/generate.ts';
import { toIndexed } from '../shared/adapters/search/publish.ts';
import { normalize, queryTerms, SearchIndex, visibleRegions, type IndexedItem } from '../shared/catalog/search-index.ts';
import { startDynamoDb } from '../local/engines/dynamodb.ts';
import { benchQueries, freshLoads, pct, timeBuilds, type BenchQuery } from './search-index.ts';
import { ESBUILD_TARGET } from '../infra/constructs/runtime.ts';

/**
 * `npm run bench:catalog` (issue 3): the generated provincial catalog, in one run — index build time
 * and size; cold load in a fresh process; warm p50/p99 over 1,000 realistic queries; and the same
 * queries answered the most direct DynamoDB way (Query on the published index plus a FilterExpression)
 * against DynamoDB Local, as a ratio. Printed, never asserted.
 */
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;
const mib = (x: number) => `${(x / 2 ** 20).toFixed(2)} MiB`;
const DDB_QUERIES = Number(process.env.BENCH_DDB_QUERIES ?? 100);

async function main() {
  let t = performance.now();
  const catalog = generateCatalog();
  const items: IndexedItem[] = catalog.matters.map(toIndexed);
  console.log(`catalog: ${items.length} implementation items (generated in ${ms(performance.now() - t)}), ${catalog.stats.baseMatters} base matters, ${catalog.stats.provincialDepartments} provincial departments, ${catalog.stats.departments} departments; by level ${JSON.stringify(catalog.stats.byLevel)}`);

  const { bytes, builds } = timeBuilds(items);
  const gz = gzipSync(bytes, { level: 9 });
  console.log(`index build: median ${ms(pct(builds, 50))} of 3; size ${mib(bytes.length)} raw, ${mib(gz.length)} gzip (stored gzipped in S3)`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-catalog-'));
  const bundle = path.join(dir, 'search-index.cjs');
  buildSync({ entryPoints: [path.resolve(__dirname, '../shared/catalog/search-index.ts')], bundle: true, platform: 'node', format: 'cjs', target: ESBUILD_TARGET, outfile: bundle, logLevel: 'silent' });
  fs.writeFileSync(path.join(dir, 'index.bin.gz'), gz);
  const loads = freshLoads(bundle, path.join(dir, 'index.bin.gz'), 'bin', 7);
  console.log(`cold load in a fresh process (read + gunzip + load), median of 7: ${ms(pct(loads.map((l) => l.read + l.load), 50))}; first query ${ms(pct(loads.map((l) => l.first), 50))}`);

  const queries = benchQueries(items, 1000, 20261128);
  const index = SearchIndex.load(gz);
  for (const q of benchQueries(items, 300, 1)) index.search({ ...q, limit: 20 });
  const warm: number[] = [];
  const warmByQuery: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    index.search({ ...q, limit: 20 });
    const dt = performance.now() - t0;
    warm.push(dt);
    warmByQuery.push(dt);
  }
  console.log(`warm search, 1,000 queries (half with a region), limit 20: p50 ${ms(pct(warm, 50))}, p99 ${ms(pct(warm, 99))}, max ${ms(Math.max(...warm))}`);

  // ── the most direct DynamoDB approach, on DynamoDB Local ─────────────────────────────────────
  const engine = await startDynamoDb();
  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: engine.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } }));
  try {
    const TableName = 'catalog-bench';
    await ddb.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: ['pk', 'sk', 'pubPk', 'pubSk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
        GlobalSecondaryIndexes: [{ IndexName: 'published', KeySchema: [{ AttributeName: 'pubPk', KeyType: 'HASH' }, { AttributeName: 'pubSk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
      }),
    );
    t = performance.now();
    const rows = items.map((it) => ({
      pk: `MATTER#${it.code}`,
      sk: 'CURRENT',
      pubPk: 'PUBLISHED',
      pubSk: `${it.region}#${it.code}`,
      ...it,
      // a denormalised, normalised text to filter on: the most a FilterExpression can do
      text: normalize([it.name, it.handlingItem ?? '', ...it.keywords, it.deptName].join(' ')),
      codeNorm: normalize(`${it.code} ${it.baseCode}`),
    }));
    const batches: (typeof rows)[] = [];
    for (let i = 0; i < rows.length; i += 25) batches.push(rows.slice(i, i + 25));
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < batches.length) {
          let req: Record<string, unknown>[] | undefined = batches[next++].map((Item) => ({ PutRequest: { Item } }));
          while (req?.length) req = (await ddb.send(new BatchWriteCommand({ RequestItems: { [TableName]: req as never } }))).UnprocessedItems?.[TableName] as never;
        }
      }),
    );
    console.log(`DynamoDB Local: loaded ${rows.length} items in ${ms(performance.now() - t)}`);

    const ddbSearch = async (q: BenchQuery) => {
      const terms = queryTerms(q.q);
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':p': 'PUBLISHED' };
      const filters: string[] = [];
      terms.forEach((term, i) => {
        values[`:t${i}`] = term;
        filters.push(`(contains(#text, :t${i}) OR begins_with(#code, :t${i}))`);
        names['#text'] = 'text';
        names['#code'] = 'code';
      });
      if (q.dept) (filters.push('#dept = :dept'), (names['#dept'] = 'dept'), (values[':dept'] = q.dept));
      if (q.type) (filters.push('#type = :type'), (names['#type'] = 'type'), (values[':type'] = q.type));
      const prefixes = q.region ? visibleRegions(q.region).map((r) => `${r}#`) : [undefined];
      let found = 0;
      for (const prefix of prefixes) {
        let start: Record<string, unknown> | undefined;
        do {
          const res = await ddb.send(
            new QueryCommand({
              TableName,
              IndexName: 'published',
              KeyConditionExpression: prefix ? 'pubPk = :p AND begins_with(pubSk, :r)' : 'pubPk = :p',
              ExpressionAttributeValues: prefix ? { ...values, ':r': prefix } : values,
              ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
              ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
              ExclusiveStartKey: start,
            }),
          );
          found += res.Count ?? 0;
          start = found >= 20 ? undefined : res.LastEvaluatedKey; // the first page of 20 is what the API returns
        } while (start);
      }
      return found;
    };
    const sample = queries.slice(0, DDB_QUERIES);
    for (const q of sample.slice(0, 5)) await ddbSearch(q);
    const dd: number[] = [];
    const ix: number[] = [];
    for (const [i, q] of sample.entries()) {
      const t0 = performance.now();
      await ddbSearch(q);
      dd.push(performance.now() - t0);
      ix.push(warmByQuery[i]);
    }
    const regional = sample.map((q, i) => [q, i] as const).filter(([q]) => q.region).map(([, i]) => i);
    const global = sample.map((q, i) => [q, i] as const).filter(([q]) => !q.region).map(([, i]) => i);
    const line = (label: string, ids: number[]) =>
      console.log(
        `  ${label.padEnd(22)} n=${String(ids.length).padStart(4)}  DynamoDB p50 ${ms(pct(ids.map((i) => dd[i]), 50)).padStart(9)} p99 ${ms(pct(ids.map((i) => dd[i]), 99)).padStart(9)}   index p50 ${ms(pct(ids.map((i) => ix[i]), 50)).padStart(8)} p99 ${ms(pct(ids.map((i) => ix[i]), 99)).padStart(8)}   ratio (p50) ${(pct(ids.map((i) => dd[i]), 50) / pct(ids.map((i) => ix[i]), 50)).toFixed(0)}×`,
      );
    console.log(`the same queries the most direct DynamoDB way (Query on the published GSI + FilterExpression, first page), first ${sample.length} of the 1,000:`);
    line('all', sample.map((_, i) => i));
    line('with a region', regional);
    line('without a region', global);
  } finally {
    await engine.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
