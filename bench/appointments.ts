import { performance } from 'node:perf_hooks';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoDb } from '../local/engines/dynamodb.ts';
import { meterCapacity, pct } from './figures.ts';

/**
 * `npm run bench:appointments` (issue 11): bookings on DynamoDB Local through the platform's own step
 * and adapters — throughput and latency when many people want the same few slots (most are told the
 * slot is full), and when they spread over a hall's week; then the slot listing of a hall over 30
 * days with those bookings in place. Printed, never asserted.
 */
const CONTENDED = Number(process.env.BENCH_CONTENDED ?? 2_000);
const SPREAD = Number(process.env.BENCH_SPREAD ?? 1_000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);
// Tuesday 1 December 2026, 09:00 in Xi'an; the bookings are for the days after
const NOW = new Date('2026-12-01T01:00:00Z');

async function main() {
  const engine = await startDynamoDb();
  Object.assign(process.env, { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_ENDPOINT_URL_DYNAMODB: engine.endpoint, CASES_TABLE: 'cases-bench', CATALOG_TABLE: 'catalog-bench' });
  const { GSI } = await import('../shared/adapters/dynamodb/keys.ts');
  const { dynamo } = await import('../shared/adapters/dynamodb/client.ts');
  const { putCatalog, catalogReader } = await import('../shared/adapters/dynamodb/catalog.ts');
  const { hallStore, putHalls } = await import('../shared/adapters/dynamodb/halls.ts');
  const { bookingStore } = await import('../shared/adapters/dynamodb/bookings.ts');
  const { staffRegister } = await import('../shared/adapters/dynamodb/staff-register.ts');
  const { authorisationStore } = await import('../shared/adapters/dynamodb/authorisations.ts');
  const { CALENDAR } = await import('../shared/adapters/calendar.ts');
  const { regions } = await import('../shared/adapters/regions.ts');
  const { DEMO_HALLS } = await import('../shared/catalog/demo-halls.ts');
  const { matters, departments, DEMO_FOOD_MATTER_CODE } = await import('../shared/catalog/demo-seed.ts');
  const { book, listSlots } = await import('../shared/domain/steps/bookings.ts');

  const raw = new DynamoDBClient({ endpoint: engine.endpoint });
  const key = (name: string) => ({ AttributeName: name, KeyType: 'HASH' as const });
  const range = (name: string) => ({ AttributeName: name, KeyType: 'RANGE' as const });
  await raw.send(
    new CreateTableCommand({
      TableName: 'cases-bench',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'queuePk', 'queueSk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
      KeySchema: [key('pk'), range('sk')],
      GlobalSecondaryIndexes: [
        { IndexName: GSI.applicant, KeySchema: [key('gsi1pk'), range('gsi1sk')], Projection: { ProjectionType: 'ALL' } },
        { IndexName: GSI.queue, KeySchema: [key('queuePk'), range('queueSk')], Projection: { ProjectionType: 'ALL' } },
      ],
    }),
  );
  await raw.send(new CreateTableCommand({ TableName: 'catalog-bench', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: ['pk', 'sk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })), KeySchema: [key('pk'), range('sk')] }));
  await putCatalog(matters, departments);
  await putHalls(DEMO_HALLS);

  const meter = meterCapacity(dynamo());
  const ports = { halls: hallStore, bookings: bookingStore, catalog: catalogReader, calendar: CALENDAR, clock: { now: () => NOW }, regions, staff: staffRegister, authorisations: authorisationStore };
  const person = (i: number) => ({ sub: `bench-${i}`, name: `预约${i}`, roles: ['citizen' as const], idType: 'resident_id' as const, idNumber: '610113199001011230' });

  /** Runs `n` bookings, IN_FLIGHT at a time; each answers created, full (409) or another refusal. */
  async function run(n: number, slotOf: (i: number) => string, offset: number) {
    const latencies: number[] = [];
    const outcomes: Record<string, number> = {};
    let next = 0;
    meter.reset();
    meter.counting = true;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < n) {
          const i = next++;
          const s = performance.now();
          let outcome: string;
          try {
            outcome = (await book(ports, person(offset + i), { slotId: slotOf(i), matterCode: DEMO_FOOD_MATTER_CODE }, `bench-${offset + i}`)).created ? '201' : '200';
          } catch (err) {
            outcome = (err as Error).constructor.name;
          }
          latencies.push(performance.now() - s);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    meter.counting = false;
    return { seconds, latencies, outcomes, units: { ...meter.units } };
  }

  const hall = DEMO_HALLS.find((h) => h.hallId === '610113')!;
  const days = Array.from({ length: 30 }, (_, i) => new Date(NOW.getTime() + (i + 1) * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10)).filter((d) => CALENDAR.dayKind(d) === 'working');
  const slotId = (date: string, windowId: string, start: string) => `610113.${windowId}.${date.replaceAll('-', '')}T${start.replace(':', '')}`;

  // contention: everyone wants the first four 9 o'clock slots of the comprehensive window (4 places each)
  const popular = days.slice(0, 4).map((d) => slotId(d, 'W01', '09:00'));
  const contended = await run(CONTENDED, (i) => popular[i % popular.length], 0);
  // spread: one place each over the next working days' slots of both windows
  const spreadSlots = days.flatMap((d) => ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'].map((t) => slotId(d, 'W01', t)));
  const spread = await run(SPREAD, (i) => spreadSlots[i % spreadSlots.length], CONTENDED);

  // the slot listing of the hall over 30 days, bookings in place: every page of 100, as an app that shows the month reads it
  const listed: number[] = [];
  const whole: number[] = [];
  let slotCount = 0;
  let pages = 0;
  const to = new Date(NOW.getTime() + 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  meter.reset();
  for (let i = 0; i < 20; i++) {
    meter.counting = i === 19;
    const w = performance.now();
    let cursor: string | undefined;
    [slotCount, pages] = [0, 0];
    do {
      const s = performance.now();
      const r = await listSlots(ports, hall.hallId, { matterCode: DEMO_FOOD_MATTER_CODE, from: '2026-12-01', to }, { limit: 100, ...(cursor ? { cursor } : {}) });
      listed.push(performance.now() - s);
      slotCount += r.items.length;
      pages++;
      cursor = r.nextCursor ?? undefined;
    } while (cursor);
    whole.push(performance.now() - w);
  }
  meter.counting = false;

  const line = (label: string, r: typeof contended, n: number) =>
    `${label}: ${n} requests, ${IN_FLIGHT} in flight, ${r.seconds.toFixed(1)} s = ${(n / r.seconds).toFixed(0)} requests/s; p50 ${pct(r.latencies, 50).toFixed(1)} ms, p99 ${pct(r.latencies, 99).toFixed(1)} ms; ${Object.entries(r.outcomes)
      .map(([k, v]) => `${v} ${k === '201' ? 'booked' : k === 'Conflict' ? 'full (409)' : k}`)
      .join(', ')}; ${(r.units.write / Math.max(1, r.outcomes['201'] ?? 0)).toFixed(1)} write units per booking made, ${(r.units.read / n).toFixed(1)} read units per request`;
  console.log('\nbench:appointments (DynamoDB Local, the platform’s own step and adapters)');
  console.log(`  ${line(`contended (${popular.length} slots × 4 places)`, contended, CONTENDED)}`);
  console.log(`  ${line(`spread (${spreadSlots.length} slots)`, spread, SPREAD)}`);
  console.log(`  slot listing, 雁塔区 centre, 30 days (${slotCount} slots of the food windows in ${pages} pages of 100): a page p50 ${pct(listed, 50).toFixed(1)} ms, p99 ${pct(listed, 99).toFixed(1)} ms; the whole month p50 ${pct(whole, 50).toFixed(1)} ms; ${meter.units.read.toFixed(1)} read units in ${meter.units.requests} requests for the month`);
  await engine.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
