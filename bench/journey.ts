import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { freePort } from '../local/engines/dynamodb.ts';
import type { ExecutionRecord, LocalStepFunctions } from '../local/sfn.ts';
import { ROOT, startPlatform } from '../local/start.ts';
import { DEMO_FOOD_MATTER_CODE, DEMO_PARALLEL_MATTER_CODE } from '../shared/catalog/demo-seed.ts';
import { measureBundles, median, type BundleFigures } from './bundles.ts';
import { Client, pdf, poll } from './client.ts';
import { machineName, ms, pct, rec, samples, table, timed } from './figures.ts';

/**
 * `npm run bench [N]` (or BENCH_N=N): the journey of test/e2e/journey.test.ts, N times in a row on the
 * local runtime and its real engines (DynamoDB Local, Ceph RGW, local Step Functions), every stage
 * timed by wall clock; then the two-department parallel matter N/5 times; then bundle size and module
 * load time of every Lambda function. Timings are printed (and written to .local/bench/results.json),
 * never asserted: they describe this machine and the local engines, not AWS.
 *
 * The platform runs in this process, so the client and the handlers share one event loop and one CPU
 * core; the asynchronous stages (forwarding, unified return) are observed by polling GET /v1/cases/{id}
 * every 10 ms, so they include up to one poll interval plus one GET of observation delay.
 */

const N = Math.max(1, Number(process.env.BENCH_N ?? process.argv[2] ?? 50) || 50);
const N_PARALLEL = Math.max(1, Math.floor(N / 5));
const DIR = path.join(ROOT, '.local', 'bench');
const POLL_MS = 10;
const LOAD_SAMPLES = 5;

const applicant = { type: 'person', name: '王小明', idNumber: '610113199001011230' };

// ── figures ──────────────────────────────────────────────────────────────────────────────────

const summary = (xs: number[]) => ({ count: xs.length, p50: pct(xs, 50), p99: pct(xs, 99), max: Math.max(...xs), first: xs[0] });
const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;


// ── executions ───────────────────────────────────────────────────────────────────────────────


interface JourneyWork {
  executions: number;
  tasks: number;
  byMachine: Record<string, { executions: number; tasks: number }>;
  failed: number;
}

function workOf(sfn: LocalStepFunctions, recs: ExecutionRecord[]): JourneyWork {
  const byMachine: JourneyWork['byMachine'] = {};
  for (const r of recs) {
    const m = (byMachine[machineName(sfn, r.stateMachineArn)] ??= { executions: 0, tasks: 0 });
    m.executions++;
    m.tasks += r.tasks;
  }
  return { executions: recs.length, tasks: recs.reduce((a, r) => a + r.tasks, 0), byMachine, failed: recs.filter((r) => r.status !== 'SUCCEEDED').length };
}

/** Runs one journey and returns the executions it started (journeys run one at a time). */
async function withExecutions<T>(sfn: LocalStepFunctions, f: () => Promise<T>): Promise<{ value: T; recs: ExecutionRecord[] }> {
  const before = new Set(sfn.executions);
  const value = await f();
  await sfn.idle(30_000);
  return { value, recs: sfn.executions.filter((e) => !before.has(e)) };
}

// ── the journeys ─────────────────────────────────────────────────────────────────────────────

interface Staff {
  clerk: string;
  handler: string;
  archivist: string;
  clerkCl: string;
  handlers: Map<string, string>;
}

const pollStats = { forwarding: [] as number[], unifiedReturn: [] as number[] };

async function foodJourney(c: Client, staff: Staff, run: string, i: number): Promise<void> {
  const citizen = await c.token({ sub: `bench-citizen-${run}-${i}`, name: applicant.name, idNumber: applicant.idNumber, roles: ['citizen'] });

  const found = await timed('search', () => c.expect(200, 'GET', `/v1/matters?q=${encodeURIComponent('食品经营')}&region=610113`));
  if (!found.items.some((m: any) => m.code === DEMO_FOOD_MATTER_CODE)) throw new Error('search did not find the food matter');
  const guide = await timed('guide', () => c.expect(200, 'GET', `/v1/matters/${DEMO_FOOD_MATTER_CODE}`));
  if (!guide.materials?.length) throw new Error('guide without materials');

  const upload = async (code: string, text: string) => {
    const t0 = performance.now();
    const u = await c.upload(citizen, pdf(`${code} ${text} ${run}-${i}`));
    rec('upload (per material)', performance.now() - t0);
    rec('  POST /v1/uploads', u.presignMs);
    rec('  presigned PUT (RGW)', u.putMs);
    return { code, objectKey: u.objectKey };
  };
  const materials = [];
  for (const code of ['M01', 'M02', 'M04', 'M05']) materials.push(await upload(code, 'first'));

  const body = { matterCode: DEMO_FOOD_MATTER_CODE, applicant, channel: 'online', form: { 经营场所: '西安市雁塔区小寨东路1号' }, materials };
  const receipt = await timed('submit', () => c.expect(201, 'POST', '/v1/cases', { token: citizen, body, headers: { 'Idempotency-Key': `bench-${run}-${i}` } }));
  const caseId: string = receipt.caseId;
  if (receipt.status !== 'submitted') throw new Error(`submit: status ${receipt.status}`);

  const findTask = async (tok: string, pred: (t: any) => boolean) => {
    const q = await timed('queue', () => c.expect(200, 'GET', '/v1/tasks?status=open', { token: tok }));
    const t = q.items.find((x: any) => x.caseId === caseId && pred(x));
    if (!t) throw new Error(`no open task for ${caseId} in the queue`);
    return t;
  };

  const a1 = await findTask(staff.clerk, (t) => t.kind === 'acceptance');
  const corr = await timed('correction', () =>
    c.expect(200, 'POST', `/v1/tasks/${a1.taskId}/complete`, { token: staff.clerk, body: { decision: 'correction', missing: ['M04', 'M05'], reason: '平面图不清晰，健康证明已过期' } }),
  );
  if (corr.status !== 'correction_required') throw new Error(`correction: status ${corr.status}`);

  const fixed = [await upload('M04', 'corrected'), await upload('M05', 'corrected')];
  const re = await timed('resubmit', () => c.expect(200, 'POST', `/v1/cases/${caseId}/corrections`, { token: citizen, body: { materials: fixed } }));
  if (re.status !== 'submitted') throw new Error(`resubmit: status ${re.status}`);

  const a2 = await findTask(staff.clerk, (t) => t.kind === 'acceptance');
  const acc = await timed('accept', () => c.expect(200, 'POST', `/v1/tasks/${a2.taskId}/complete`, { token: staff.clerk, body: { decision: 'accept' } }));
  if (acc.status !== 'accepted') throw new Error(`accept: status ${acc.status}`);

  const getCase = () => c.expect(200, 'GET', `/v1/cases/${caseId}`, { token: citizen });
  const fwd = await timed('forwarding (accept → in_review)', () => poll('forwarding', async () => ((await getCase()).status === 'in_review' ? true : undefined), POLL_MS));
  pollStats.forwarding.push(fwd.polls);

  const review = await findTask(staff.handler, (t) => t.kind === 'review');
  const ok = await timed('review (approve)', () =>
    c.expect(200, 'POST', `/v1/tasks/${review.taskId}/complete`, { token: staff.handler, body: { decision: 'approve', opinion: '符合条件，准予许可' } }),
  );
  if (ok.status !== 'decided') throw new Error(`approve: status ${ok.status}`);

  const done = await timed('unified return (→ completed+archived)', () =>
    poll('unified return', async () => {
      const r = await getCase();
      return r.status === 'completed' && r.archive ? r : undefined;
    }, POLL_MS),
  );
  pollStats.unifiedReturn.push(done.polls);
  if (done.value.result?.outcome !== 'approved') throw new Error(`unified return: outcome ${done.value.result?.outcome}`);

  const v = await timed('verify licence', () => c.expect(200, 'GET', `/v1/licences/${done.value.result.licenceId}/verify`));
  if (v.valid !== true || v.caseId !== caseId) throw new Error(`verify: ${JSON.stringify(v)}`);
  const a = await timed('archive read', () => c.expect(200, 'GET', `/v1/archive/${caseId}`, { token: staff.archivist }));
  if (a.mode !== 'COMPLIANCE') throw new Error(`archive: mode ${a.mode}`);
}

async function parallelJourney(c: Client, staff: Staff, run: string, i: number): Promise<void> {
  const citizen = await c.token({ sub: `bench-citizen-p-${run}-${i}`, name: '刘大伟', idNumber: applicant.idNumber, roles: ['citizen'] });
  const m01 = await c.upload(citizen, pdf(`申请表 ${run}-${i}`));
  const sub = await c.expect(201, 'POST', '/v1/cases', {
    token: citizen,
    body: { matterCode: DEMO_PARALLEL_MATTER_CODE, applicant: { ...applicant, name: '刘大伟' }, channel: 'online', materials: [{ code: 'M01', objectKey: m01.objectKey }] },
    headers: { 'Idempotency-Key': `bench-parallel-${run}-${i}` },
  });
  const caseId: string = sub.caseId;
  const acc = await c.expect(200, 'POST', `/v1/tasks/${caseId}.A1/complete`, { token: staff.clerkCl, body: { decision: 'accept' } });
  if (acc.status !== 'accepted') throw new Error(`parallel accept: status ${acc.status}`);
  const getCase = () => c.expect(200, 'GET', `/v1/cases/${caseId}`, { token: citizen });
  const fwd = await timed('parallel: forwarding (accept → in_review)', () => poll('forwarding', async () => {
    const r = await getCase();
    return r.status === 'in_review' ? r : undefined;
  }, POLL_MS));
  const reviews = fwd.value.tasks.filter((t: any) => t.kind === 'review');
  if (reviews.length !== 2) throw new Error(`parallel: ${reviews.length} review tasks, expected 2`);
  for (const t of reviews) {
    let h = staff.handlers.get(t.dept);
    if (!h) staff.handlers.set(t.dept, (h = await c.token({ sub: `handler-${t.dept}`, roles: ['handler'], dept: t.dept, region: '610113' })));
    await c.expect(200, 'POST', `/v1/tasks/${t.taskId}/complete`, { token: h, body: { decision: 'approve' } });
  }
  const done = await timed('parallel: unified return (last approve → completed+archived)', () =>
    poll('unified return', async () => {
      const r = await getCase();
      return r.status === 'completed' && r.archive ? r : undefined;
    }, POLL_MS),
  );
  if (done.value.result?.opinions?.length !== 2) throw new Error('parallel: the result does not carry both opinions');
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const logLines: string[] = [];
  const port = await freePort();
  const tBoot = performance.now();
  const platform = await startPlatform({ port, dir: DIR, log: (l) => logLines.push(l) }).catch((err) => {
    console.error(logLines.join('\n'));
    throw err;
  });
  const bootMs = performance.now() - tBoot;
  const { sfn } = platform;
  let exitCode = 0;
  try {
    const c = new Client(platform.endpoints.apiUrl);
    const run = randomUUID().slice(0, 8);
    const staff: Staff = {
      clerk: await c.token({ sub: 'clerk-li', name: '李受理', roles: ['clerk'], dept: '610113-XZSP', region: '610113' }),
      handler: await c.token({ sub: 'handler-zhao', name: '赵承办', roles: ['handler'], dept: '610113-XZSP', region: '610113' }),
      archivist: await c.token({ sub: 'archivist-1', roles: ['archivist'], region: '610000' }),
      clerkCl: await c.token({ sub: 'clerk-cl', roles: ['clerk'], dept: '610113-CL', region: '610113' }),
      handlers: new Map(),
    };

    console.log(`陕西政务服务网 — journey benchmark on the local runtime`);
    console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; platform booted in ${(bootMs / 1000).toFixed(1)} s on port ${port}`);
    console.log(`food licence journey × ${N}, two-department parallel matter × ${N_PARALLEL}, sequential, polling every ${POLL_MS} ms\n`);

    const kindOf = new Map<ExecutionRecord, string>();

    // food licence journeys
    const food: { ms: number; work: JourneyWork; requests: number }[] = [];
    const tFood = performance.now();
    for (let i = 0; i < N; i++) {
      const req0 = c.requests;
      const t0 = performance.now();
      const { recs } = await withExecutions(sfn, () => foodJourney(c, staff, run, i));
      for (const r of recs) kindOf.set(r, 'food');
      const jm = performance.now() - t0;
      rec('journey total (food)', jm);
      food.push({ ms: jm, work: workOf(sfn, recs), requests: c.requests - req0 });
    }
    const foodWallMs = performance.now() - tFood;

    // two-department parallel matter
    const par: { ms: number; work: JourneyWork; requests: number }[] = [];
    const tPar = performance.now();
    for (let i = 0; i < N_PARALLEL; i++) {
      const req0 = c.requests;
      const t0 = performance.now();
      const { recs } = await withExecutions(sfn, () => parallelJourney(c, staff, run, i));
      for (const r of recs) kindOf.set(r, 'parallel');
      const jm = performance.now() - t0;
      rec('journey total (parallel)', jm);
      par.push({ ms: jm, work: workOf(sfn, recs), requests: c.requests - req0 });
    }
    const parWallMs = performance.now() - tPar;

    // ── stage table
    const stageRows = [...samples.entries()].map(([stage, xs]) => {
      const s = summary(xs);
      return [stage, s.count, ms(s.p50), ms(s.p99), ms(s.max), ms(s.first)];
    });
    console.log(table(['stage (ms, wall clock)', 'count', 'p50', 'p99', 'max', '1st'], stageRows));
    console.log(`forwarding / unified return: polls of GET /v1/cases per observation p50 ${pct(pollStats.forwarding, 50)} / ${pct(pollStats.unifiedReturn, 50)}, max ${Math.max(...pollStats.forwarding)} / ${Math.max(...pollStats.unifiedReturn)}\n`);

    // ── work per journey
    const perJourney = (label: string, js: typeof food, wallMs: number) => {
      const ex = js.map((j) => j.work.executions);
      const tasks = js.map((j) => j.work.tasks);
      const machines = new Map<string, { executions: number[]; tasks: number[] }>();
      for (const j of js)
        for (const [m, w] of Object.entries(j.work.byMachine)) {
          const e = machines.get(m) ?? { executions: [], tasks: [] };
          e.executions.push(w.executions);
          e.tasks.push(w.tasks);
          machines.set(m, e);
        }
      const range = (xs: number[]) => (Math.min(...xs) === Math.max(...xs) ? `${xs[0]}` : `${Math.min(...xs)}–${Math.max(...xs)}`);
      const failed = js.reduce((a, j) => a + j.work.failed, 0);
      console.log(
        `${label}: ${js.length} journeys in ${(wallMs / 1000).toFixed(2)} s = ${(js.length / (wallMs / 1000)).toFixed(2)} journeys/s; ` +
          `per journey: ${range(ex)} workflow executions (${[...machines.entries()].map(([m, e]) => `${m} ${range(e.executions)}`).join(', ')}), ` +
          `${range(tasks)} Lambda task invocations (${[...machines.entries()].map(([m, e]) => `${m} ${range(e.tasks)}`).join(', ')}), ` +
          `${range(js.map((j) => j.requests))} API requests incl. polls${failed ? `; ${failed} FAILED executions` : ''}`,
      );
      return { journeys: js.length, wallMs, journeysPerSecond: js.length / (wallMs / 1000), executionsPerJourney: ex, tasksPerJourney: tasks, requestsPerJourney: js.map((j) => j.requests), byMachine: Object.fromEntries(machines), failedExecutions: failed };
    };
    const foodWork = perJourney('food licence', food, foodWallMs);
    const parWork = perJourney('parallel matter', par, parWallMs);

    // ── executions by state machine (start → stop inside the local Step Functions endpoint)
    const byMachine = new Map<string, number[]>();
    const tasksBy = new Map<string, number[]>();
    for (const e of sfn.executions) {
      if (!e.stopDate) continue;
      const m = `${machineName(sfn, e.stateMachineArn)} (${kindOf.get(e) ?? 'other'})`;
      byMachine.set(m, [...(byMachine.get(m) ?? []), e.stopDate - e.startDate]);
      tasksBy.set(m, [...(tasksBy.get(m) ?? []), e.tasks]);
    }
    console.log('');
    console.log(
      table(
        ['execution (ms, start → stop)', 'count', 'tasks/exec', 'p50', 'p99', 'max'],
        [...byMachine.entries()].map(([m, xs]) => {
          const s = summary(xs);
          const t = tasksBy.get(m)!;
          return [m, s.count, (t.reduce((a, b) => a + b, 0) / t.length).toFixed(2), s.p50, s.p99, s.max];
        }),
      ),
    );

    // ── a cost of the local runtime, not of the platform: aws-local-stepfunctions validates the ASL
    // definition in `new StateMachine()`; local/sfn.ts pays it once per machine at start, not per run
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { StateMachine } = require('aws-local-stepfunctions');
    const construct: Record<string, number> = {};
    for (const m of sfn.machines.values()) {
      const xs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        new StateMachine(m.definition, { validationOptions: { checkArn: false } });
        xs.push(performance.now() - t0);
      }
      construct[machineName(sfn, m.arn)] = median(xs);
    }
    console.log(
      `local Step Functions: validating each ASL definition (once, at start): ` +
        `${Object.entries(construct).map(([m, x]) => `${m} ${ms(x)} ms`).join(', ')} (median of 5; no such cost on AWS)`,
    );

    // ── bundles
    console.log('');
    const cdkOut = path.join(DIR, 'cdk.out');
    const childEnv = { ...process.env };
    const bundles: BundleFigures[] = measureBundles(cdkOut, childEnv, LOAD_SAMPLES, ROOT);
    console.log(
      table(
        ['function', 'stack', 'index.js', 'gzip', 'source map', `load ms (median of ${LOAD_SAMPLES})`, 'node -e ms'],
        bundles.map((b) => [b.function, b.stack, kb(b.bytes), kb(b.gzipBytes), kb(b.mapBytes), ms(b.loadMedianMs), ms(b.processMedianMs)]),
      ),
    );
    console.log(`module load = require(<asset>/index.js) in a fresh node process, env as the functions get it (NODE_OPTIONS=${childEnv.NODE_OPTIONS ?? ''}); @aws-sdk/* resolved from node_modules`);

    const results = {
      generatedAt: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim(),
      n: N,
      nParallel: N_PARALLEL,
      pollMs: POLL_MS,
      platformBootMs: bootMs,
      stages: Object.fromEntries([...samples.entries()].map(([k, xs]) => [k, { ...summary(xs), samples: xs }])),
      polls: pollStats,
      food: foodWork,
      parallel: parWork,
      executions: Object.fromEntries([...byMachine.entries()].map(([m, xs]) => [m, { ...summary(xs), samples: xs, tasksPerExecution: tasksBy.get(m)! }])),
      localStateMachineConstructMs: construct,
      bundles,
    };
    fs.writeFileSync(path.join(DIR, 'results.json'), JSON.stringify(results, null, 2));
    console.log(`\nwritten to ${path.relative(process.cwd(), path.join(DIR, 'results.json'))}`);
  } catch (err) {
    console.error(`bench failed: ${err instanceof Error ? err.stack : err}`);
    exitCode = 1;
  } finally {
    await platform.stop();
  }
  process.exit(exitCode);
}

main().catch((err) => {
  console.error(`bench failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
