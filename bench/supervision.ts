import { performance } from 'node:perf_hooks';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDb } from '../local/engines/dynamodb.ts';
import { meterCapacity, pct } from './figures.ts';

/**
 * `npm run bench:supervision` (issue 10): the sweeper over OPEN cases on DynamoDB Local, of which a
 * known share is due — its time, the read units it consumed against the due count (and what one Scan of
 * the table would have cost), the alerts it raised; then the metrics API over a province-wide month.
 * Printed, never asserted.
 */
const OPEN = Number(process.env.BENCH_OPEN ?? 100_000);
const DUE = Number(process.env.BENCH_DUE ?? 2_000);
const TODAY = '2026-11-30';

async function main() {
  const engine = await startDynamoDb();
  Object.assign(process.env, { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_ENDPOINT_URL_DYNAMODB: engine.endpoint, CASES_TABLE: 'cases-bench', CATALOG_TABLE: 'catalog-bench' });
  const { GSI, watchIndex, watchKey, counterKey } = await import('../shared/adapters/dynamodb/keys.ts');
  const { dynamo } = await import('../shared/adapters/dynamodb/client.ts');
  const { caseRepository } = await import('../shared/adapters/dynamodb/case-repository.ts');
  const { alertStore } = await import('../shared/adapters/dynamodb/alerts.ts');
  const { counterStore } = await import('../shared/adapters/dynamodb/counters.ts');
  const { sweepAlerts } = await import('../shared/domain/steps/supervision.ts');
  const { readMetrics } = await import('../shared/domain/steps/metrics.ts');
  const { CALENDAR } = await import('../shared/adapters/calendar.ts');
  const { regions } = await import('../shared/adapters/regions.ts');
  const { memoryPorts } = await import('../test/unit/support/memory-ports.ts');
  const { caseInReview, seedCatalog } = await import('../test/unit/support/fixtures.ts');

  const raw = new DynamoDBClient({ endpoint: engine.endpoint });
  const gsi = (IndexName: string, pk: string, sk: string) => ({ IndexName, KeySchema: [{ AttributeName: pk, KeyType: 'HASH' as const }, { AttributeName: sk, KeyType: 'RANGE' as const }], Projection: { ProjectionType: 'ALL' as const } });
  await raw.send(
    new CreateTableCommand({
      TableName: 'cases-bench',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'dlPk', 'dlSk', 'queuePk', 'queueSk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      GlobalSecondaryIndexes: [gsi(GSI.deadline, 'dlPk', 'dlSk'), gsi(GSI.queue, 'queuePk', 'queueSk')],
    }),
  );

  // every read and write the platform's own adapters make, with the capacity DynamoDB Local reports
  const meter = meterCapacity(dynamo());
  const units = meter.units;

  // the due cases: real case files (case, filing, event, review task), overdue, their watch day come
  const mem = memoryPorts({ now: '2026-11-02T02:00:00Z' });
  seedCatalog(mem);
  const template = mem.state.cases.get(await caseInReview(mem))!;
  const t0 = performance.now();
  const dueIds: string[] = [];
  for (let i = 0; i < DUE; i++) {
    const caseId = `ZW20261102${String(i).padStart(10, '0')}`;
    const c = { ...template.case, caseId, receiptNo: `610113-20261102-${String(i).padStart(10, '0')}`, applicant: { ...template.case.applicant, sub: `bench-${i}` }, deadline: '2026-11-20', version: 0, eventSeq: 0, lastEventHash: '' };
    const tasks = template.tasks.filter((x) => x.kind === 'review').map((x) => ({ ...x, taskId: `${caseId}.R1`, caseId }));
    // filed, accepted, forwarded: three steps, as the platform takes them
    const at = '2026-11-02T02:00:00.000Z';
    const filed = await caseRepository.commit({ after: { ...c, status: 'submitted' }, event: { at, actor: { sub: `bench-${i}`, name: 'bench', role: 'citizen' }, action: 'submit', detail: {} } });
    const accepted = await caseRepository.commit({ before: filed, after: { ...filed, status: 'accepted' }, event: { at, actor: { sub: 'clerk', name: 'clerk', role: 'clerk' }, action: 'accept', detail: {} } });
    const saved = await caseRepository.commit({ before: accepted, after: { ...accepted, status: 'in_review' }, event: { at, actor: { sub: 'system', name: 'system', role: 'system' }, action: 'forward', detail: {} }, newTasks: tasks });
    await alertStore.watch(caseId, saved.version, '2026-11-21');
    dueIds.push(caseId);
  }
  // the rest: open, not due for months (their watch days spread over the coming year)
  const rest = OPEN - DUE;
  for (let i = 0; i < rest; i += 25) {
    const batch = Array.from({ length: Math.min(25, rest - i) }, (_, j) => {
      const caseId = `ZW20261101${String(i + j).padStart(10, '0')}`;
      const day = new Date(Date.UTC(2026, 11, 1 + ((i + j) % 360))).toISOString().slice(0, 10);
      return { PutRequest: { Item: { ...watchKey(caseId), type: 'watch', caseVersion: 3, watchAt: day, ...watchIndex(day, caseId) } } };
    });
    await dynamo().send(new BatchWriteCommand({ RequestItems: { 'cases-bench': batch } }));
  }
  const seedS = (performance.now() - t0) / 1000;

  const settings = { alertYellowShare: 0.8 } as never;
  const noMetrics = { count() {}, evaluation() {}, stuckNotices() {}, alert() {} };
  const ports = { cases: caseRepository, alerts: alertStore, clock: { now: () => new Date(`${TODAY}T10:00:00+08:00`) }, calendar: CALENDAR, settings, metrics: noMetrics };
  // the watch list alone: what the sweeper reads to find the due cases
  meter.counting = true;
  let found = 0;
  for await (const _ of alertStore.due(TODAY, 13)) found++;
  const index = { ...units };
  meter.reset();
  const s0 = performance.now();
  let looked = 0;
  let raised = 0;
  for (;;) {
    const r = await sweepAlerts(ports, { limit: 500 });
    looked += r.looked.length;
    raised += r.raised.length;
    if (r.looked.length < 500) break;
  }
  const sweepS = (performance.now() - s0) / 1000;
  meter.counting = false;
  const swept = { ...units };
  meter.reset();

  // what one Scan of the table costs, for comparison (never done on a request path)
  let scanUnits = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo().send(new ScanCommand({ TableName: 'cases-bench', Select: 'COUNT', ReturnConsumedCapacity: 'TOTAL', ExclusiveStartKey: start }));
    scanUnits += res.ConsumedCapacity?.CapacityUnits ?? 0;
    start = res.LastEvaluatedKey;
  } while (start);

  // a province-wide month of counters: every day, each city and 40 provincial departments, 4 channels
  const entries = [...['610100', '610200', '610300', '610400', '610500', '610600', '610700', '610800', '610900', '611000', '611100'].map((c) => `REGION#${c}`), ...Array.from({ length: 40 }, (_, k) => `DEPT#610000-D${String(k).padStart(2, '0')}`)];
  const items = [];
  for (let d = 1; d <= 30; d++)
    for (const e of entries)
      items.push({ ...counterKey('610000', `2026-11-${String(d).padStart(2, '0')}`, e), type: 'counter', ...Object.fromEntries(['online', 'window', 'agent', 'kiosk'].flatMap((ch) => ['submitted', 'accepted', 'completed', 'onTime', 'overdue', 'workingDays', 'evaluations', 'scoreSum'].map((k) => [`${ch}_${k}`, 1 + ((d * 7 + k.length) % 50)]))) });
  for (let i = 0; i < items.length; i += 25) await dynamo().send(new BatchWriteCommand({ RequestItems: { 'cases-bench': items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  const supervisor = { sub: 'bench', name: 'bench', roles: ['supervisor' as const], region: '610000' };
  const catalog = { async getDepartment() { return undefined; }, async departmentNames(codes: string[]) { return Object.fromEntries(codes.map((c) => [c, c])); } };
  const metricPorts = { counters: counterStore, regions, catalog, cases: caseRepository, staff: { async register() { return undefined; } }, authorisations: {}, clock: { now: () => new Date() } } as never;
  const latencies: Record<string, number[]> = { total: [], 'by=region': [] };
  const read: Record<string, number> = {};
  for (const [label, by] of [['total', undefined], ['by=region', 'region']] as const) {
    for (let i = 0; i < 21; i++) {
      meter.counting = i === 20;
      const t = performance.now();
      await readMetrics(metricPorts, supervisor as never, { from: '2026-11-01', to: '2026-11-30', ...(by ? { by } : {}) });
      if (i > 0) latencies[label].push(performance.now() - t);
    }
    meter.counting = false;
    read[label] = units.read;
    units.read = 0;
  }

  console.log(`supervision bench on DynamoDB Local: ${OPEN.toLocaleString()} open cases, ${DUE.toLocaleString()} due (${((DUE / OPEN) * 100).toFixed(1)} %), seeded in ${seedS.toFixed(0)} s`);
  console.log(`  sweeper: looked at ${looked} cases in ${sweepS.toFixed(1)} s (${(looked / sweepS).toFixed(0)} cases/s), raised ${raised} alerts`);
  console.log(`  finding them: ${found} due from the watch list in ${index.requests} Queries, ${index.read.toFixed(1)} read units; one Scan of the table (whose other open cases hold only their watch entries here): ${scanUnits.toFixed(0)} read units`);
  console.log(`  read units of the whole sweep: ${swept.read.toFixed(1)} for ${DUE} due cases = ${(swept.read / DUE).toFixed(2)} per due case (its case file); ${swept.requests} requests`);
  console.log(`  write units: ${swept.write.toFixed(1)} (${(swept.write / Math.max(raised, 1)).toFixed(2)} per alert raised, watch moves included)`);
  for (const label of Object.keys(latencies))
    console.log(`  metrics API, province-wide month (${items.length} entries), ${label}: p50 ${pct(latencies[label], 50).toFixed(1)} ms, p99 ${pct(latencies[label], 99).toFixed(1)} ms, ${read[label].toFixed(1)} read units per request`);
  await engine.stop();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
