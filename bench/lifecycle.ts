import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort } from '../local/engines/dynamodb.ts';
import type { ExecutionRecord, LocalStepFunctions } from '../local/sfn.ts';
import { ROOT, startPlatform } from '../local/start.ts';
import { DEMO_FOOD_MATTER_CODE, DEMO_PARALLEL_MATTER_CODE } from '../shared/catalog/demo-seed.ts';
import { Client, pdf, sleep } from './client.ts';
import { machineName, ms, pct, rec, samples, table, timed } from './figures.ts';

/**
 * `npm run bench:lifecycle [N]` (or BENCH_N=N): N cases through mixed paths on the local runtime and
 * its real engines, CONCURRENCY cases in flight at once, to measure throughput:
 *   40% accept (food: one review, approve), 20% correction then accept (food), 15% reject at
 *   acceptance (food), 25% two-department review (parallel matter, both approve).
 * Each case has its own citizen (one open case per applicant and matter). Figures are printed, never
 * asserted: they describe this machine and the local engines, not AWS.
 *
 * The platform runs in this process (client and handlers share one event loop). Asynchronous stages
 * are observed by polling GET /v1/cases/{id} every POLL_MS. DynamoDB capacity: the handlers' SDK
 * clients share this process's @aws-sdk/client-dynamodb (it is external to the bundles), so the
 * benchmark wraps the SDK client's `send` to ask for ReturnConsumedCapacity=TOTAL and sums what
 * DynamoDB Local reports; with several cases in flight it is summed over the run and divided by N.
 */

const N = Math.max(1, Number(process.env.BENCH_N ?? process.argv[2] ?? 1000) || 1000);
const CONCURRENCY = Math.max(1, Number(process.env.BENCH_CONCURRENCY ?? 8) || 8);
const DIR = path.join(ROOT, '.local', 'bench-lifecycle');
const POLL_MS = 10;
const POLL_TIMEOUT_MS = 60_000;

type PathKind = 'accept' | 'correct+accept' | 'reject' | 'two-dept';
const MIX: [PathKind, number][] = [
  ['accept', 8],
  ['correct+accept', 4],
  ['reject', 3],
  ['two-dept', 5],
];
// 20 slots in the proportions of MIX, interleaved (7 is coprime with 20) so paths alternate
const SLOTS: PathKind[] = (() => {
  const flat = MIX.flatMap(([k, n]) => Array<PathKind>(n).fill(k));
  const out = new Array<PathKind>(flat.length);
  flat.forEach((k, i) => (out[(i * 7) % flat.length] = k));
  return out;
})();
const pathOf = (i: number): PathKind => SLOTS[i % SLOTS.length];

const applicant = { type: 'person', name: '王小明', idNumber: '610113199001011230' };

// ── figures ──────────────────────────────────────────────────────────────────────────────────

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const range = (xs: number[]) => (!xs.length ? '-' : Math.min(...xs) === Math.max(...xs) ? `${xs[0]}` : `${Math.min(...xs)}–${Math.max(...xs)}`);


// ── DynamoDB requests and consumed capacity ──────────────────────────────────────────────────

const READ_OPS = new Set(['GetItem', 'Get', 'Query', 'Scan', 'BatchGetItem', 'BatchGet', 'TransactGetItems', 'TransactGet']);
const WRITE_OPS = new Set(['PutItem', 'Put', 'UpdateItem', 'Update', 'DeleteItem', 'Delete', 'BatchWriteItem', 'BatchWrite', 'TransactWriteItems', 'TransactWrite']);
const ddb = { counting: false, requests: new Map<string, number>(), rcu: 0, wcu: 0, withCapacity: 0, errors: 0, wcuByIndex: new Map<string, number>() };

/** Wraps the smithy Client.send that DynamoDBClient and DynamoDBDocumentClient share (one copy in node_modules). */
function instrumentDynamoDb(): void {
  const proto = Object.getPrototypeOf(DynamoDBClient.prototype) as { send: (this: any, command: any, ...rest: any[]) => Promise<any> };
  const send = proto.send;
  proto.send = async function (this: any, command: any, ...rest: any[]) {
    if (!ddb.counting || this?.config?.serviceId !== 'DynamoDB' || typeof rest[0] === 'function') return send.call(this, command, ...rest);
    const op = String(command?.constructor?.name ?? 'unknown').replace(/Command$/, '');
    ddb.requests.set(op, (ddb.requests.get(op) ?? 0) + 1);
    const wantCapacity = (READ_OPS.has(op) || WRITE_OPS.has(op)) && command.input && typeof command.input === 'object';
    if (wantCapacity && command.input.ReturnConsumedCapacity === undefined) command.input.ReturnConsumedCapacity = 'INDEXES';
    let out: any;
    try {
      out = await send.call(this, command, ...rest);
    } catch (err) {
      ddb.errors++;
      throw err;
    }
    const cc = out?.ConsumedCapacity;
    if (cc) {
      ddb.withCapacity++;
      for (const c of Array.isArray(cc) ? cc : [cc]) {
        if (c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined) {
          ddb.rcu += c.ReadCapacityUnits ?? 0;
          ddb.wcu += c.WriteCapacityUnits ?? 0;
        } else if (WRITE_OPS.has(op)) ddb.wcu += c.CapacityUnits ?? 0;
        else ddb.rcu += c.CapacityUnits ?? 0;
        // where the write units go: the table itself, or the copies in each global secondary index
        if (WRITE_OPS.has(op)) {
          const add = (k: string, v: number | undefined) => v && ddb.wcuByIndex.set(k, (ddb.wcuByIndex.get(k) ?? 0) + v);
          add('table', c.Table?.WriteCapacityUnits ?? c.Table?.CapacityUnits);
          for (const [name, g] of Object.entries<any>(c.GlobalSecondaryIndexes ?? {})) add(name, g.WriteCapacityUnits ?? g.CapacityUnits);
        }
      }
    }
    return out;
  };
}

// ── the cases ────────────────────────────────────────────────────────────────────────────────

interface Staff {
  clerk: string;
  handler: string;
  clerkCl: string;
  handlers: Map<string, string>;
}

async function runCase(c: Client, staff: Staff, run: string, i: number, kind: PathKind): Promise<string> {
  const sub = `bench-lc-${run}-${i}`;
  const citizen = await c.token({ sub, name: applicant.name, idNumber: applicant.idNumber, roles: ['citizen'] });
  const upload = async (code: string, text: string) => {
    const t0 = performance.now();
    const u = await c.upload(citizen, pdf(`${code} ${text} ${run}-${i}`));
    rec('upload (POST /v1/uploads + PUT)', performance.now() - t0);
    rec('  POST /v1/uploads', u.presignMs);
    rec('  presigned PUT (RGW)', u.putMs);
    return { code, objectKey: u.objectKey };
  };
  const getCase = (caseId: string) => timed('case GET (poll)', () => c.expect(200, 'GET', `/v1/cases/${caseId}`, { token: citizen }));
  const waitFor = async (caseId: string, what: string, pred: (r: any) => boolean) => {
    const end = Date.now() + POLL_TIMEOUT_MS;
    for (;;) {
      const r = await getCase(caseId);
      if (pred(r)) return r;
      if (Date.now() > end) throw new Error(`case ${caseId}: timed out waiting for ${what} (status ${r.status})`);
      await sleep(POLL_MS);
    }
  };
  const complete = (label: string, tok: string, taskId: string, body: unknown) => timed(label, () => c.expect(200, 'POST', `/v1/tasks/${taskId}/complete`, { token: tok, body }));
  const expectStatus = (what: string, r: any, status: string) => {
    if (r.status !== status) throw new Error(`${what}: status ${r.status}, expected ${status}`);
  };

  if (kind === 'two-dept') {
    const m01 = await upload('M01', '申请表');
    const receipt = await timed('submit', () =>
      c.expect(201, 'POST', '/v1/cases', {
        token: citizen,
        body: { matterCode: DEMO_PARALLEL_MATTER_CODE, applicant: { ...applicant, name: '刘大伟' }, channel: 'online', materials: [m01] },
        headers: { 'Idempotency-Key': `lc-${run}-${i}` },
      }),
    );
    const caseId: string = receipt.caseId;
    expectStatus('accept', await complete('accept', staff.clerkCl, `${caseId}.A1`, { decision: 'accept' }), 'accepted');
    const inReview = await waitFor(caseId, 'forwarding', (r) => r.status === 'in_review');
    const reviews = inReview.tasks.filter((t: any) => t.kind === 'review');
    if (reviews.length !== 2) throw new Error(`two-dept: ${reviews.length} review tasks, expected 2`);
    for (const t of reviews) {
      let h = staff.handlers.get(t.dept);
      if (!h) staff.handlers.set(t.dept, (h = await c.token({ sub: `handler-${t.dept}`, roles: ['handler'], dept: t.dept, region: '610113' })));
      await complete('review approve', h, t.taskId, { decision: 'approve' });
    }
    const done = await waitFor(caseId, 'unified return', (r) => r.status === 'completed' && !!r.archive);
    if (done.result?.opinions?.length !== 2) throw new Error('two-dept: the result does not carry both opinions');
    return caseId;
  }

  const materials = [];
  for (const code of ['M01', 'M02', 'M04', 'M05']) materials.push(await upload(code, 'first'));
  const body = { matterCode: DEMO_FOOD_MATTER_CODE, applicant, channel: 'online', form: { 经营场所: '西安市雁塔区小寨东路1号' }, materials };
  const receipt = await timed('submit', () => c.expect(201, 'POST', '/v1/cases', { token: citizen, body, headers: { 'Idempotency-Key': `lc-${run}-${i}` } }));
  const caseId: string = receipt.caseId;
  expectStatus('submit', receipt, 'submitted');

  if (kind === 'reject') {
    expectStatus('reject', await complete('reject', staff.clerk, `${caseId}.A1`, { decision: 'reject', reason: '不符合受理条件' }), 'rejected');
    return caseId;
  }

  let acceptTask = `${caseId}.A1`;
  if (kind === 'correct+accept') {
    const corr = await complete('correction (clerk request)', staff.clerk, acceptTask, { decision: 'correction', missing: ['M04', 'M05'], reason: '平面图不清晰，健康证明已过期' });
    expectStatus('correction', corr, 'correction_required');
    const fixed = [await upload('M04', 'corrected'), await upload('M05', 'corrected')];
    const re = await timed('correction (citizen resubmit)', () => c.expect(200, 'POST', `/v1/cases/${caseId}/corrections`, { token: citizen, body: { materials: fixed } }));
    expectStatus('resubmit', re, 'submitted');
    acceptTask = `${caseId}.A2`;
  }
  expectStatus('accept', await complete('accept', staff.clerk, acceptTask, { decision: 'accept' }), 'accepted');
  const inReview = await waitFor(caseId, 'forwarding', (r) => r.status === 'in_review');
  const review = inReview.tasks.find((t: any) => t.kind === 'review');
  if (!review) throw new Error(`case ${caseId}: no review task after forwarding`);
  expectStatus('approve', await complete('review approve', staff.handler, review.taskId, { decision: 'approve', opinion: '符合条件，准予许可' }), 'decided');
  const done = await waitFor(caseId, 'unified return', (r) => r.status === 'completed' && !!r.archive);
  if (done.result?.outcome !== 'approved') throw new Error(`case ${caseId}: outcome ${done.result?.outcome}`);
  return caseId;
}

// ── executions ───────────────────────────────────────────────────────────────────────────────

/** Execution names are the case id (routing) or `${caseId}-${kind}-${ms}` (shared/workflows/start.ts). */
const caseOfExecution = (arn: string, ids: Set<string>): string | undefined => {
  const name = arn.split(':').pop()!;
  if (ids.has(name)) return name;
  for (let j = name.indexOf('-'); j > 0; j = name.indexOf('-', j + 1)) if (ids.has(name.slice(0, j))) return name.slice(0, j);
  return undefined;
};

// ── main ─────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  instrumentDynamoDb();
  const logLines: string[] = [];
  const port = await freePort();
  const tBoot = performance.now();
  const platform = await startPlatform({ port, dir: DIR, log: (l) => logLines.push(l) }).catch((err) => {
    console.error(logLines.join('\n'));
    throw err;
  });
  const bootMs = performance.now() - tBoot;
  const { sfn } = platform;
  // sfn.executions keeps the last 5,000–10,000 records; keep every one started during the run
  const started: ExecutionRecord[] = [];
  const push = sfn.executions.push.bind(sfn.executions);
  sfn.executions.push = (...r: ExecutionRecord[]) => {
    started.push(...r);
    return push(...r);
  };
  let exitCode = 0;
  try {
    const c = new Client(platform.endpoints.apiUrl);
    const run = randomUUID().slice(0, 8);
    const staff: Staff = {
      clerk: await c.token({ sub: 'clerk-li', name: '李受理', roles: ['clerk'], dept: '610113-XZSP', region: '610113' }),
      handler: await c.token({ sub: 'handler-zhao', name: '赵承办', roles: ['handler'], dept: '610113-XZSP', region: '610113' }),
      clerkCl: await c.token({ sub: 'clerk-cl', roles: ['clerk'], dept: '610113-CL', region: '610113' }),
      handlers: new Map(),
    };

    console.log(`陕西政务服务网 — case lifecycle benchmark on the local runtime`);
    console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; platform booted in ${(bootMs / 1000).toFixed(1)} s on port ${port}`);
    const planned = new Map<PathKind, number>();
    for (let i = 0; i < N; i++) planned.set(pathOf(i), (planned.get(pathOf(i)) ?? 0) + 1);
    console.log(`${N} cases, ${CONCURRENCY} in flight, polling every ${POLL_MS} ms: ${[...planned.entries()].map(([k, n]) => `${k} ${n}`).join(', ')}\n`);

    const cases: { i: number; kind: PathKind; caseId?: string; ms: number; requests: number; error?: string }[] = [];
    let next = 0;
    ddb.counting = true;
    const t0 = performance.now();
    const worker = async () => {
      for (let i = next++; i < N; i = next++) {
        const kind = pathOf(i);
        // one client per case, so its request count is this case's alone (cases run concurrently)
        const cc = new Client(platform.endpoints.apiUrl);
        const tc = performance.now();
        try {
          const caseId = await runCase(cc, staff, run, i, kind);
          cases.push({ i, kind, caseId, ms: performance.now() - tc, requests: cc.requests });
        } catch (err) {
          cases.push({ i, kind, ms: performance.now() - tc, requests: cc.requests, error: err instanceof Error ? err.message : String(err) });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const casesMs = performance.now() - t0;
    await sfn.idle(60_000);
    const wallMs = performance.now() - t0;
    ddb.counting = false;

    const ok = cases.filter((x) => !x.error);
    const failed = cases.filter((x) => x.error);

    // ── API calls
    const rows = [...samples.entries()].map(([k, xs]) => [k, xs.length, ms(pct(xs, 50)), ms(pct(xs, 99)), ms(Math.max(...xs))]);
    for (const kind of MIX.map(([k]) => k)) {
      const xs = ok.filter((x) => x.kind === kind).map((x) => x.ms);
      if (xs.length) rows.push([`case total: ${kind}`, xs.length, ms(pct(xs, 50)), ms(pct(xs, 99)), ms(Math.max(...xs))]);
    }
    console.log(table(['API call (ms, wall clock, concurrent)', 'count', 'p50', 'p99', 'max'], rows));
    console.log('');
    console.log(
      `throughput: ${N} cases in ${(wallMs / 1000).toFixed(2)} s wall = ${(N / (wallMs / 1000)).toFixed(2)} cases/s ` +
        `(last case answered at ${(casesMs / 1000).toFixed(2)} s; then waited for every workflow to stop); ` +
        `${ok.length} completed, ${failed.length} failed; ${cases.reduce((a, x) => a + x.requests, 0)} API requests incl. polls (tokens not counted)`,
    );
    for (const f of failed.slice(0, 5)) console.log(`  FAILED case #${f.i} (${f.kind}): ${f.error}`);

    // ── workflow executions and Lambda tasks per case, by path and state machine
    const ids = new Set(ok.map((x) => x.caseId!));
    const perCase = new Map<string, Map<string, { executions: number; tasks: number; transitions: number }>>();
    let unattributed = 0;
    let failedExecutions = 0;
    for (const e of started) {
      const id = caseOfExecution(e.executionArn, ids);
      if (!id) {
        unattributed++;
        continue;
      }
      if (e.status !== 'SUCCEEDED') failedExecutions++;
      const m = perCase.get(id) ?? new Map();
      const w = m.get(machineName(sfn, e.stateMachineArn)) ?? { executions: 0, tasks: 0, transitions: 0 };
      w.executions++;
      w.tasks += e.tasks;
      w.transitions += e.transitions ?? 0;
      m.set(machineName(sfn, e.stateMachineArn), w);
      perCase.set(id, m);
    }
    const machines = [...new Set([...perCase.values()].flatMap((m) => [...m.keys()]))].sort();
    const workRows: (string | number)[][] = [];
    for (const kind of MIX.map(([k]) => k)) {
      const inKind = ok.filter((x) => x.kind === kind);
      if (!inKind.length) continue;
      const of = (x: (typeof ok)[number]) => perCase.get(x.caseId!) ?? new Map<string, { executions: number; tasks: number; transitions: number }>();
      const sum = (m: Map<string, { executions: number; tasks: number; transitions: number }>, f: 'executions' | 'tasks' | 'transitions') => [...m.values()].reduce((a, w) => a + w[f], 0);
      workRows.push([
        kind,
        inKind.length,
        range(inKind.map((x) => sum(of(x), 'executions'))),
        range(inKind.map((x) => sum(of(x), 'transitions'))),
        range(inKind.map((x) => sum(of(x), 'tasks'))),
        range(inKind.map((x) => x.requests)),
        ...machines.map((mn) => {
          const ex = inKind.map((x) => of(x).get(mn)?.executions ?? 0);
          const tk = inKind.map((x) => of(x).get(mn)?.tasks ?? 0);
          return `${range(ex)} / ${range(tk)}`;
        }),
      ]);
    }
    console.log('');
    console.log(table(['per case (path)', 'cases', 'executions', 'state transitions', 'Lambda tasks', 'API requests', ...machines.map((m) => `${m} exec/tasks`)], workRows));
    const allEx = [...perCase.values()].map((m) => [...m.values()].reduce((a, w) => a + w.executions, 0));
    const allTk = [...perCase.values()].map((m) => [...m.values()].reduce((a, w) => a + w.tasks, 0));
    const allTr = [...perCase.values()].map((m) => [...m.values()].reduce((a, w) => a + w.transitions, 0));
    console.log(
      `all paths: ${(allEx.reduce((a, b) => a + b, 0) / Math.max(1, ok.length)).toFixed(2)} workflow executions, ` +
        `${(allTr.reduce((a, b) => a + b, 0) / Math.max(1, ok.length)).toFixed(2)} state transitions (states entered) and ` +
        `${(allTk.reduce((a, b) => a + b, 0) / Math.max(1, ok.length)).toFixed(2)} Lambda task invocations per case (mean over ${ok.length})` +
        `${failedExecutions ? `; ${failedExecutions} executions did not succeed` : ''}; ${unattributed} executions during the run belong to no case (schedules)`,
    );

    // ── DynamoDB
    const totalReq = [...ddb.requests.values()].reduce((a, b) => a + b, 0);
    console.log('');
    console.log(
      `DynamoDB (whole run, every caller in this process incl. schedules, / ${N} cases): ` +
        `${(ddb.rcu / N).toFixed(2)} RCU and ${(ddb.wcu / N).toFixed(2)} WCU per case as reported by DynamoDB Local (ReturnConsumedCapacity=INDEXES), ` +
        `${(totalReq / N).toFixed(1)} requests per case; ${ddb.withCapacity} of ${totalReq} responses carried ConsumedCapacity, ${ddb.errors} requests failed (their capacity is not counted)`,
    );
    console.log(
      `  write units per case by where they land: ${[...ddb.wcuByIndex.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${(v / N).toFixed(2)}`)
        .join(', ') || 'DynamoDB Local reported no per-index figures'}`,
    );
    console.log(
      `  requests per case by operation: ${[...ddb.requests.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([op, n]) => `${op} ${(n / N).toFixed(2)}`)
        .join(', ')}`,
    );
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
