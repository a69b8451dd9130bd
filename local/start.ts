import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutBucketCorsCommand, PutBucketVersioningCommand, PutObjectLockConfigurationCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { buildApp } from '../infra/app.ts';
import { LocalApiGateway } from './api.ts';
import { meterDynamoDb, meterFunctions, meterS3, type Meter } from './meter.ts';
import { freePort, startDynamoDb } from './engines/dynamodb.ts';
import { ensureCephInstalled, startRgw } from './engines/rgw.ts';
import { functionEnvironment, loadFunctions, type LocalFunction } from './lambda.ts';
import { LocalIssuer, tokenAnswer } from './oidc.ts';
import { staticSite } from './site.ts';
import { registerTsaRoot, seedCatalog } from './seed.ts';
export { LOCAL_DEV_MATTER_CODE } from './seed.ts';
import { startTsa } from './tsa.ts';
import { buildSupervisionSite } from '../web/supervision/build.ts';
import { LocalStepFunctions } from './sfn.ts';
import { LocalStreams } from './streams.ts';
import { LOCAL_REGION, Templates } from './template.ts';

/**
 * `npm start`: the whole platform on this machine, on real engines, no Docker and no AWS account.
 * DynamoDB Local + Ceph RGW, the CDK app synthesized, its tables and buckets created from the
 * template, the demo catalog seeded, the REST routes served on PORT (default 3000) and the state
 * machines run by a local Step Functions endpoint. Ctrl-C stops every process it started.
 */
export const ROOT = path.resolve(__dirname, '..');
export const LOCAL_AUDIENCE = 'zwfw-local';
/** seconds the local runtime's `dev` retention class keeps a package */
export const LOCAL_DEV_RETENTION_SECONDS = 15;

/** the public access block flags the local RGW holds (it refuses every PUT under BlockPublicAcls) */
const LOCAL_PUBLIC_ACCESS_FLAGS = 'IgnorePublicAcls,BlockPublicPolicy,RestrictPublicBuckets';

export interface Endpoints {
  apiUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  issuer: string;
  audience: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  dynamodb: { endpoint: string; tables: Record<string, string> };
  s3: { endpoint: string; buckets: Record<string, string>; forcePathStyle: true };
  stepFunctions: { endpoint: string; stateMachines: Record<string, string> };
  /** the local time-stamp authority, and the root that `openssl ts -verify -CAfile` trusts */
  tsa: { url: string; caFile: string };
}

export interface Platform {
  endpoints: Endpoints;
  sfn: LocalStepFunctions;
  issuer: LocalIssuer;
  stop(): Promise<void>;
}

export async function startPlatform(
  opts: { port?: number; dir?: string; log?: (l: string) => void; seed?: boolean; catalog?: 'demo' | 'large'; /** count what AWS would bill (npm run cost) */ meter?: Meter } = {},
): Promise<Platform> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const port = opts.port ?? 3000;
  const dir = path.resolve(opts.dir ?? path.join(ROOT, '.local'));
  fs.mkdirSync(dir, { recursive: true });
  const t0 = Date.now();
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
    stops.length = 0;
  };
  try {
    await ensureCephInstalled(log);
    const apiBase = `http://127.0.0.1:${port}`;
    const issuerUrl = `${apiBase}/local`;
    // the client id the local API is registered under at its local issuer
    const audience = LOCAL_AUDIENCE;
    // [E24] the archive's RFC 3161 time-stamp authority: OpenSSL's own responder, with a TSA certificate made here
    const tsa = await startTsa({ dir: path.join(dir, 'tsa'), port: await freePort() });
    stops.push(tsa.stop);
    const ddbP = startDynamoDb({ log });
    const rgwP = startRgw({ dir: path.join(dir, 'ceph'), log: () => undefined });
    ddbP.then((d) => stops.push(d.stop)).catch(() => undefined);
    rgwP.then((r) => stops.push(r.stop)).catch(() => undefined);

    // the app as `cdk synth` builds it, with the local issuer as the trusted OIDC provider
    const outdir = path.join(dir, 'cdk.out');
    fs.rmSync(outdir, { recursive: true, force: true });
    const tSynth = Date.now();
    buildApp({ outdir, context: { jwtIssuer: issuerUrl, jwksUrl: `${issuerUrl}/.well-known/jwks.json`, jwtAudience: audience, tsaUrl: tsa.url } }).synth();
    log(`synthesized the CDK app in ${Date.now() - tSynth} ms`);
    const t = new Templates(outdir);

    const [ddb, rgw] = await Promise.all([ddbP, rgwP]);
    log(`Ceph RGW (S3 with Object Lock) ready on ${rgw.endpoint}`);
    const credentials = { accessKeyId: rgw.accessKeyId, secretAccessKey: rgw.secretAccessKey };
    // metered: the handlers (and the presigned PUTs) reach the engines through proxies that count on the wire
    const wire = { dynamodb: ddb.endpoint, s3: rgw.endpoint };
    if (opts.meter) {
      const [d, s] = await Promise.all([meterDynamoDb(ddb.endpoint, opts.meter, LOCAL_REGION, credentials), meterS3(rgw.endpoint, opts.meter)]);
      stops.push(d.stop, s.stop);
      Object.assign(wire, { dynamodb: d.endpoint, s3: s.endpoint });
    }

    // the SDK inside every handler finds the local engines through its own endpoint settings
    Object.assign(process.env, {
      AWS_REGION: LOCAL_REGION,
      AWS_DEFAULT_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: wire.dynamodb,
      AWS_ENDPOINT_URL_S3: wire.s3,
      S3_FORCE_PATH_STYLE: 'true',
      POWERTOOLS_LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
      // the cost meter counts log bytes as CloudWatch would take them: one JSON line each, not pretty-printed
      POWERTOOLS_DEV: process.env.POWERTOOLS_DEV ?? 'true',
    });
    delete process.env.AWS_PROFILE;

    const tables = await createTables(t, ddb.endpoint);
    const buckets = await createBuckets(t, rgw.endpoint, credentials);

    const env = functionEnvironment(t);
    // KMS is not among the local engines: the signer uses a key made here instead (see shared/licence/signer.ts)
    delete env.LICENCE_KEY_ID;
    // nor is the archive's KMS key: RGW keeps the packages unencrypted, and the four-property check says so (not checked) rather than pass it
    delete env.ARCHIVE_KMS_KEY_ARN;
    env.ARCHIVE_PUBLIC_ACCESS_FLAGS = LOCAL_PUBLIC_ACCESS_FLAGS;
    // a development configuration [E18] [E22]: the `dev` retention class keeps a package seconds, and an
    // approved appraisal waits seconds, so destruction can be tried here end to end (never on AWS)
    env.ARCHIVE_DEV_RETENTION_SECONDS = String(LOCAL_DEV_RETENTION_SECONDS);
    env.ARCHIVE_DESTRUCTION_WAIT_SECONDS = '2';
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    env.LICENCE_SIGNING_KEY_PEM = Buffer.from(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string).toString('base64');

    const issuer = new LocalIssuer(issuerUrl, audience);
    const sfnPort = await freePort();
    Object.assign(process.env, env, { AWS_ENDPOINT_URL_SFN: `http://127.0.0.1:${sfnPort}` });

    // the local TSA's root is a trust anchor, as an operator would register their TSA's [E18] [E24]:
    // the four-property check holds every package's time-stamp to it
    await registerTsaRoot(tsa.caPem);

    if (opts.seed !== false) await seedCatalog({ catalog: opts.catalog ?? 'demo', devMatter: opts.catalog !== 'large', log });

    const functions = loadFunctions(t);
    if (opts.meter) meterFunctions(t, functions, opts.meter);
    const sfn = new LocalStepFunctions(t, functions);
    await sfn.listen(sfnPort);
    stops.push(() => sfn.close());
    // [N8] publish the seeded catalog through the same workflow an approved change starts
    const publish = [...sfn.machines.values()].find((m) => m.name.startsWith('CatalogPublish'));
    if (publish) {
      const run = await sfn.run(publish, { reason: 'start' }, { executionArn: 'local:publish', stateMachineArn: publish.arn, status: 'RUNNING', startDate: Date.now(), tasks: 0 });
      if (run.status !== 'SUCCEEDED') throw new Error(`publishing the catalog failed: ${run.error} ${run.cause}`);
      const pointer = JSON.parse(run.output ?? '{}');
      log(`published the search index: ${pointer.items} matters, ${pointer.bytes} bytes gzipped, built in ${pointer.buildMs} ms`);
    }

    // DynamoDB streams → Lambda (the notices renderer), read from DynamoDB Local's Streams API
    const streams = new LocalStreams(t, functions, ddb.endpoint, log);
    const mappings = await streams.start();
    stops.push(() => streams.stop());
    log(`polling ${mappings} DynamoDB stream mapping(s)`);

    const schedules = startSchedules(t, functions, log);
    stops.push(async () => schedules.stop());

    const api = new LocalApiGateway(t, functions, [
      // [N20] the supervision page, the folder the site stack deploys; it signs in with the local issuer
      staticSite('/supervision', buildSupervisionSite().dir, { signIn: 'local', tokenUrl: '/local/token' }),
      {
        prefix: '/local/',
        async handle(req, body) {
          if (req.method === 'GET' && req.url === '/local/.well-known/jwks.json') return { status: 200, body: JSON.stringify(issuer.jwks()) };
          if (req.method === 'POST' && req.url === '/local/token') return tokenAnswer(issuer, body);
          if (req.method === 'GET' && req.url === '/local/health') return { status: 200, body: JSON.stringify({ ok: true }) };
          // local only: inject a fault (Step Functions refusing to start executions), run a schedule now
          if (req.method === 'POST' && req.url === '/local/faults') {
            const faults = JSON.parse(body || '{}');
            if ('sfnStartExecution' in faults) sfn.failStarts = faults.sfnStartExecution === 'fail';
            // streams: 'drop' loses stream records, as if the renderer had failed past its retries
            if ('streams' in faults) streams.dropping = faults.streams === 'drop';
            return { status: 200, body: JSON.stringify({ sfnStartExecution: sfn.failStarts ? 'fail' : 'ok', streams: streams.dropping ? 'drop' : 'ok' }) };
          }
          if (req.method === 'GET' && req.url?.startsWith('/local/executions')) {
            // local only: what ran, so tests can count executions (e.g. "the unified return starts once")
            const contains = new URL(req.url, 'http://local').searchParams.get('contains') ?? '';
            const list = sfn.executions.filter((e) => e.executionArn.includes(contains)).map(({ executionArn, stateMachineArn, status, tasks }) => ({ executionArn, stateMachine: stateMachineArn.split(':').pop(), status, tasks }));
            return { status: 200, body: JSON.stringify({ items: list }) };
          }
          const run = /^\/local\/schedules\/([^/]+)\/run$/.exec(req.url ?? '');
          if (req.method === 'POST' && run) {
            const result = await schedules.run(decodeURIComponent(run[1]), JSON.parse(body || '{}'));
            return result === undefined ? { status: 404, body: JSON.stringify({ message: `no schedule ${run[1]}` }) } : { status: 200, body: JSON.stringify(result) };
          }
          return undefined;
        },
      },
    ]);
    if (opts.meter) {
      const requests = opts.meter.api;
      api.onRequest = (route) => requests.set(route, (requests.get(route) ?? 0) + 1);
    }
    const apiUrl = await api.listen(port);
    stops.push(() => api.close());


    const endpoints: Endpoints = {
      apiUrl,
      tokenUrl: `${apiUrl}/local/token`,
      jwksUrl: `${apiUrl}/local/.well-known/jwks.json`,
      issuer: issuerUrl,
      audience,
      region: LOCAL_REGION,
      credentials,
      dynamodb: { endpoint: ddb.endpoint, tables },
      s3: { endpoint: rgw.endpoint, buckets, forcePathStyle: true },
      tsa: { url: tsa.url, caFile: path.join(dir, 'tsa', 'ca.pem') },
      stepFunctions: { endpoint: sfn.endpoint, stateMachines: Object.fromEntries([...sfn.machines.values()].map((m) => [m.name, m.arn])) },
    };
    fs.writeFileSync(path.join(dir, 'endpoints.json'), JSON.stringify(endpoints, null, 2));
    log(`platform ready in ${Date.now() - t0} ms (${api.routes.length} routes, ${functions.size} functions, ${sfn.machines.size} state machines)`);
    return { endpoints, sfn, issuer, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** EventBridge schedules of the template (`rate(...)`), run on timers against their Lambda targets. */
function startSchedules(t: Templates, functions: Map<string, LocalFunction>, log: (l: string) => void) {
  const byArn = new Map([...functions.values()].map((f) => [f.arn, f]));
  const rules: { id: string; fn: LocalFunction; timer: NodeJS.Timeout }[] = [];
  const units: Record<string, number> = { minute: 60_000, minutes: 60_000, hour: 3_600_000, hours: 3_600_000, day: 86_400_000, days: 86_400_000 };
  const fire = (id: string, fn: LocalFunction, extra: Record<string, unknown> = {}) =>
    fn.invoke({ version: '0', id: randomUUID(), 'detail-type': 'Scheduled Event', source: 'aws.events', time: new Date().toISOString(), resources: [id], detail: {}, ...extra });
  for (const r of t.ofType('AWS::Events::Rule')) {
    const m = /^rate\((\d+) (\w+)\)$/.exec(r.Properties.ScheduleExpression ?? '');
    if (!m || r.Properties.State === 'DISABLED') continue;
    for (const target of r.Properties.Targets ?? []) {
      const fn = byArn.get(t.resolve(target.Arn));
      if (!fn) continue;
      const timer = setInterval(() => fire(r.logicalId, fn).catch((err) => log(`[schedule] ${r.logicalId}: ${err}`)), Number(m[1]) * units[m[2]]);
      timer.unref();
      rules.push({ id: r.logicalId, fn, timer });
    }
  }
  return {
    run: async (prefix: string, extra: Record<string, unknown>) => {
      const rule = rules.find((x) => x.id.startsWith(prefix));
      return rule ? fire(rule.id, rule.fn, extra) : undefined;
    },
    stop: () => rules.forEach((x) => clearInterval(x.timer)),
  };
}

async function createTables(t: Templates, endpoint: string): Promise<Record<string, string>> {
  const client = new DynamoDBClient({ endpoint });
  const out: Record<string, string> = {};
  for (const r of t.ofType('AWS::DynamoDB::Table')) {
    const p = t.resolve(r.Properties);
    const name = t.ref(r.logicalId);
    await client.send(
      new CreateTableCommand({
        TableName: name,
        AttributeDefinitions: p.AttributeDefinitions,
        KeySchema: p.KeySchema,
        BillingMode: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexes: p.GlobalSecondaryIndexes?.map((g: any) => ({ IndexName: g.IndexName, KeySchema: g.KeySchema, Projection: g.Projection })),
        ...(p.StreamSpecification ? { StreamSpecification: { StreamEnabled: true, StreamViewType: p.StreamSpecification.StreamViewType } } : {}),
      }),
    );
    if (p.TimeToLiveSpecification?.Enabled) {
      await client.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { Enabled: true, AttributeName: p.TimeToLiveSpecification.AttributeName } }));
    }
    out[r.logicalId] = name;
  }
  client.destroy();
  return out;
}

async function createBuckets(t: Templates, endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }): Promise<Record<string, string>> {
  const s3 = new S3Client({ endpoint, region: LOCAL_REGION, credentials, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  const out: Record<string, string> = {};
  for (const r of t.ofType('AWS::S3::Bucket')) {
    const p = t.resolve(r.Properties);
    const Bucket = t.ref(r.logicalId);
    await s3.send(new CreateBucketCommand({ Bucket, ObjectLockEnabledForBucket: p.ObjectLockEnabled === true }));
    if (p.VersioningConfiguration?.Status === 'Enabled') await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    const retention = p.ObjectLockConfiguration?.Rule?.DefaultRetention;
    if (retention) {
      await s3.send(
        new PutObjectLockConfigurationCommand({ Bucket, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: retention.Mode, Days: retention.Days, Years: retention.Years } } } }),
      );
    }
    // the template's public access block, as CloudFormation would set it (the four-property check reads it
    // back), but for BlockPublicAcls: RGW 16 refuses every PUT under it, ACL or none (LOCAL_PUBLIC_ACCESS_FLAGS)
    if (p.PublicAccessBlockConfiguration) await s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: { ...p.PublicAccessBlockConfiguration, BlockPublicAcls: false } }));
    if (p.CorsConfiguration?.CorsRules) {
      await s3.send(
        new PutBucketCorsCommand({
          Bucket,
          CORSConfiguration: {
            CORSRules: p.CorsConfiguration.CorsRules.map((c: any) => ({ AllowedMethods: c.AllowedMethods, AllowedOrigins: c.AllowedOrigins, AllowedHeaders: c.AllowedHeaders, MaxAgeSeconds: c.MaxAge })),
          },
        }),
      );
    }
    out[r.logicalId] = Bucket;
  }
  s3.destroy();
  return out;
}

function printWhere(e: Endpoints): void {
  const lines = [
    '',
    '陕西政务服务网 — local platform',
    `  API            ${e.apiUrl}/v1   (try: curl '${e.apiUrl}/v1/matters?q=食品经营&region=610113')`,
    `  supervision    ${e.apiUrl}/supervision/   (电子监察: sign in as a supervisor of any region)`,
    `  token          curl -s -XPOST ${e.tokenUrl} -d '{"sub":"u1","name":"张三","roles":["citizen"]}'`,
    `  JWKS           ${e.jwksUrl}`,
    `  DynamoDB       ${e.dynamodb.endpoint}   tables: ${Object.values(e.dynamodb.tables).join(', ')}`,
    `  S3 (Ceph RGW)  ${e.s3.endpoint}   buckets: ${Object.values(e.s3.buckets).join(', ')}   (path-style)`,
    `  Step Functions ${e.stepFunctions.endpoint}`,
    `  credentials    AWS_ACCESS_KEY_ID=${e.credentials.accessKeyId} AWS_SECRET_ACCESS_KEY=${e.credentials.secretAccessKey} AWS_REGION=${e.region}`,
    `  all of it      .local/endpoints.json`,
    '  Ctrl-C stops everything.',
    '',
  ];
  console.log(lines.join('\n'));
}

if (require.main === module) {
  const port = Number(process.env.PORT ?? 3000);
  const catalogArg = process.argv.indexOf('--catalog');
  const catalog = catalogArg > 0 ? process.argv[catalogArg + 1] : 'demo';
  if (catalog !== 'demo' && catalog !== 'large') {
    console.error(`--catalog takes demo (default) or large, not ${catalog}`);
    process.exit(2);
  }
  startPlatform({ port, dir: process.env.LOCAL_DIR, catalog })
    .then((p) => {
      printWhere(p.endpoints);
      const shutdown = async () => {
        console.log('stopping…');
        await p.stop();
        process.exit(0);
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    })
    .catch((err) => {
      console.error(`npm start failed: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    });
}
