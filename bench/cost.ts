import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../local/engines/dynamodb.ts';
import { Meter } from '../local/meter.ts';
import { ROOT, startPlatform } from '../local/start.ts';
import { citizenJourney } from '../scripts/smoke/journey.ts';
import { localTarget } from '../scripts/smoke/target.ts';
import { costPerMillion, type CaseWork, type Prices } from './cost-model.ts';
import { machineName, table } from './figures.ts';

/**
 * `npm run cost [N]`: what a case costs on AWS. The local runtime runs with its meter on (local/meter.ts:
 * API requests, Lambda run time at each function's memory, DynamoDB request units per table and index
 * taken on the wire, S3 requests by tier, signatures, log bytes, workflow executions and transitions);
 * the citizen journey of the smoke suite runs N times (after one to warm up) without polling (it waits
 * for the workflows to go idle instead, as an app would be told); the averages are priced at the
 * us-east-1 prices of bench/prices-us-east-1.json. Printed, and written to .local/bench/cost.json.
 * Lambda run time is measured on this machine against DynamoDB Local and Ceph RGW, both slower than
 * the services: an upper bound.
 */
const N = Math.max(1, Number(process.env.COST_N ?? process.argv[2] ?? 5) || 5);
const DIR = path.join(ROOT, '.local', 'cost');
const prices: Prices = JSON.parse(fs.readFileSync(path.join(__dirname, 'prices-us-east-1.json'), 'utf8'));

/** The X-Ray sampling rule the deployment configures (ApiStack), else X-Ray's default 5 %. */
function sampleRate(outdir: string): number {
  for (const file of fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json'))) {
    const rule = Object.values<any>(JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8')).Resources ?? {}).find((r) => r.Type === 'AWS::XRay::SamplingRule');
    if (rule) return Number(rule.Properties.SamplingRule.FixedRate);
  }
  return 0.05;
}

/** The functions a stream mapping or a schedule invokes, by their platform name, from the synthesized templates. */
function streamTriggered(outdir: string): Set<string> {
  const names = new Set<string>();
  for (const file of fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json'))) {
    const resources: Record<string, any> = JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8')).Resources ?? {};
    const targets = Object.values(resources).flatMap((r) =>
      r.Type === 'AWS::Lambda::EventSourceMapping' ? [r.Properties.FunctionName?.Ref] : r.Type === 'AWS::Events::Rule' ? (r.Properties.Targets ?? []).map((t: any) => t.Arn?.['Fn::GetAtt']?.[0]) : [],
    );
    for (const id of targets) if (resources[id]?.Metadata?.['platform:function']) names.add(resources[id].Metadata['platform:function']);
  }
  return names;
}

async function main(): Promise<void> {
  // the functions log as deployed: INFO, one JSON line each
  process.env.LOG_LEVEL = 'INFO';
  process.env.POWERTOOLS_DEV = 'false';
  const meter = new Meter();
  const bootLog: string[] = [];
  const platform = await startPlatform({ port: await freePort(), dir: DIR, log: (l) => bootLog.push(l), meter }).catch((err) => {
    console.error(bootLog.join('\n'));
    throw err;
  });
  const { sfn } = platform;
  const target = localTarget(path.join(DIR, 'endpoints.json'));
  const settle = async () => {
    await sfn.idle(60_000);
    // the notices renderer runs off the table's stream, polled apart from the workflows
    await new Promise((r) => setTimeout(r, 300));
    await sfn.idle(60_000);
  };
  // what the functions write to stdout and stderr is what CloudWatch Logs would ingest
  let logged = 0;
  const capture = (stream: NodeJS.WriteStream) => {
    const write = stream.write.bind(stream);
    // counted, not shown: the report follows
    stream.write = ((chunk: string | Uint8Array) => {
      logged += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      return true;
    }) as typeof stream.write;
    return () => (stream.write = write);
  };
  try {
    const opts = { settle, checkArchive: false, timeoutMs: 60_000 };
    await citizenJourney(target, opts);
    await settle();
    meter.reset();
    const before = new Set(sfn.executions);
    const restore = [capture(process.stdout), capture(process.stderr)];
    let apiByClient = 0;
    let uploads = 0;
    try {
      for (let i = 0; i < N; i++) {
        const r = await citizenJourney(target, opts);
        apiByClient += r.requests.api;
        uploads += r.requests.s3;
      }
      await settle();
    } finally {
      restore.forEach((f) => f());
    }
    const runs = sfn.executions.filter((e) => !before.has(e));
    const per = (x: number) => x / N;

    const byMachine = new Map<string, { executions: number; transitions: number; ms: number }>();
    for (const e of runs) {
      const m = byMachine.get(machineName(sfn, e.stateMachineArn)) ?? { executions: 0, transitions: 0, ms: 0 };
      m.executions++;
      m.transitions += e.transitions ?? 0;
      // Express bills each execution's duration rounded up to the next 100 ms
      m.ms += Math.ceil(((e.stopDate ?? Date.now()) - e.startDate) / 100) * 100;
      byMachine.set(machineName(sfn, e.stateMachineArn), m);
    }
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const tier1 = ['PUT', 'COPY', 'POST', 'LIST', 'PUT (bucket)'].reduce((a, k) => a + (meter.s3.get(k) ?? 0), 0);
    const tier2 = ['GET', 'HEAD'].reduce((a, k) => a + (meter.s3.get(k) ?? 0), 0);
    const apiRequests = sum(meter.api);
    const lambda = [...meter.lambda].map(([name, f]) => ({ name, invocations: per(f.invocations), ms: per(f.ms), memoryMB: f.memoryMB }));
    // a request's trace carries what it invokes; a stream or a schedule starts a trace of its own
    const ownTraces = streamTriggered(path.join(DIR, 'cdk.out'));
    const work: CaseWork = {
      apiRequests: per(apiRequests),
      lambda,
      workflows: [...byMachine].map(([name, m]) => ({ name, executions: per(m.executions), transitions: per(m.transitions), ms: per(m.ms) })),
      readUnits: per(sum(meter.rru)),
      writeUnits: per(sum(meter.wru)),
      s3: { tier1: per(tier1), tier2: per(tier2) },
      signatures: per(meter.signatures),
      functionLogBytes: per(logged),
      tracedOutsideApi: lambda.filter((f) => ownTraces.has(f.name)).reduce((a, f) => a + f.invocations, 0),
    };
    const cost = costPerMillion(work, { ...prices, model: { ...prices.model, xraySampleRate: sampleRate(path.join(DIR, 'cdk.out')) } });

    const f2 = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
    const usd = (x: number) => `$${x.toFixed(2)}`;
    console.log(`陕西政务服务网 — what a case costs on AWS (us-east-1 prices of ${prices.asOf}), metered over ${N} journeys on the local runtime`);
    console.log('journey: search, guide, three uploads, filing, a correction, acceptance, two departments’ review, unified return and archive\n');
    console.log(table(['service', 'what', 'per case', '$ per 1M cases'], cost.lines.map((l) => [l.service, l.what, f2(l.perCase), usd(l.perMillion)]), 2));
    console.log(`${'total'.padEnd(30)} ${usd(cost.total)} per million cases (aim: at most $100)`);
    console.log(`the same case in one Standard workflow with callbacks: ${usd(cost.standard.total)} per million (Step Functions ${usd(cost.standard.lines.find((l) => l.service.includes('Standard'))!.perMillion)} instead of ${usd(cost.lines.filter((l) => l.service.includes('Express')).reduce((a, l) => a + l.perMillion, 0))})\n`);

    console.log(table(['API route', 'requests per case'], [...meter.api].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, f2(per(n))])));
    console.log(`(the apps made ${f2(per(apiByClient))} API requests and ${f2(per(uploads))} presigned PUTs per case)\n`);
    console.log(table(['function', 'invocations', 'ms per case', 'memory MB', 'GB-s'], lambda.sort((a, b) => b.ms * b.memoryMB - a.ms * a.memoryMB).map((l) => [l.name, f2(l.invocations), l.ms.toFixed(0), l.memoryMB, ((l.ms / 1000) * (l.memoryMB / 1024)).toFixed(3)])));
    console.log('');
    console.log(table(['workflow', 'executions', 'transitions', 'ms'], work.workflows.map((w) => [w.name, f2(w.executions), f2(w.transitions), w.ms.toFixed(0)])));
    console.log('');
    const units = [...new Set([...meter.wru.keys(), ...meter.rru.keys()])].sort();
    const shortName = (k: string) => k.replace(/[0-9A-F]{8}(?=\/|$)/, '');
    console.log(table(['DynamoDB table / index', 'write units', 'read units'], units.map((k) => [shortName(k), f2(per(meter.wru.get(k) ?? 0)), f2(per(meter.rru.get(k) ?? 0))])));
    console.log(table(['item written (table, kind)', 'writes', 'write units', 'bytes each'], [...meter.itemWrites].sort((a, b) => b[1].units - a[1].units).map(([k, e]) => [k, f2(per(e.writes)), f2(per(e.units)), Math.round(e.bytes / e.writes)]), 1));
    console.log(`(requests: ${[...meter.ddbOps].map(([op, n]) => `${op} ${f2(per(n))}`).join(', ')})\n`);
    console.log(table(['S3 request', 'per case'], [...meter.s3].sort().map(([k, n]) => [k, f2(per(n))])));
    console.log(`bytes written per case: ${[...meter.s3Bytes].map(([b, n]) => `${b.replace(/[0-9a-f]{8}$/, '')} ${(per(n) / 1024).toFixed(1)} KB`).join(', ')}`);

    fs.mkdirSync(path.join(ROOT, '.local', 'bench'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, '.local', 'bench', 'cost.json'), JSON.stringify({ at: new Date().toISOString(), cases: N, prices: prices.asOf, work, cost, api: Object.fromEntries(meter.api), wru: Object.fromEntries(meter.wru), rru: Object.fromEntries(meter.rru), s3: Object.fromEntries(meter.s3), s3Bytes: Object.fromEntries(meter.s3Bytes) }, null, 2));
  } finally {
    await platform.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
