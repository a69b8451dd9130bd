import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ListStateMachinesCommand, SFNClient, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { companionsUrl, LOCALSTACK_COMPANIONS, LOCALSTACK_STACKS, localStackEndpoint } from '../infra/localstack.ts';

/**
 * `npm run localstack:deploy`: the platform into the LocalStack that `docker compose up -d` runs, with
 * the pinned `cdklocal` over the pinned `aws-cdk` (package.json); then the demo catalog seeded through
 * the platform's own adapters and published by its own workflow, as `npm start` does locally. The
 * stack outputs land in .local/cdk-outputs-localstack.json, where `npm run smoke -- --target
 * localstack` finds them. The configuration is production's (COMPLIANCE locks, RETAIN), so the
 * templates are the ones test/cdk holds to the AWS assertions, plus path-style S3.
 */
const ROOT = path.resolve(__dirname, '..');
const ENDPOINT = localStackEndpoint();
// cdklocal refuses AWS_ENDPOINT_URL without this one, and tells S3 requests by its `.s3.` part
const ENDPOINT_S3 = process.env.AWS_ENDPOINT_URL_S3 ?? ENDPOINT.replace('://localhost.', '://s3.localhost.');
const COMPANIONS = companionsUrl();
const OUTPUTS = path.join(ROOT, '.local', 'cdk-outputs-localstack.json');
const REGION = process.env.AWS_REGION ?? 'us-east-1';

async function reachable(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(3000) }).then((r) => r.ok, () => false);
}

function cdklocal(args: string[], env: Record<string, string>) {
  const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'cdklocal'), args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`cdklocal ${args[0]} failed (${r.status})`);
}

async function main(): Promise<number> {
  if (!(await reachable(`${ENDPOINT}/_localstack/health`))) {
    console.error(`LocalStack is not answering on ${ENDPOINT}. Start it (Docker, and a free account's token):\n  LOCALSTACK_AUTH_TOKEN=… docker compose up -d`);
    return 2;
  }
  if (!(await reachable(`${COMPANIONS}/health`))) {
    console.error(`the companions (issuer and TSA, local/companions.ts) are not answering on ${COMPANIONS}: docker compose up -d starts them with LocalStack`);
    return 2;
  }
  const env = {
    AWS_ENDPOINT_URL: ENDPOINT,
    AWS_ENDPOINT_URL_S3: ENDPOINT_S3,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    ZWFW_JWT_ISSUER: LOCALSTACK_COMPANIONS.jwtIssuer,
    ZWFW_JWKS_URL: LOCALSTACK_COMPANIONS.jwksUrl,
    ZWFW_JWT_AUDIENCE: LOCALSTACK_COMPANIONS.jwtAudience,
    ZWFW_TSA_URL: LOCALSTACK_COMPANIONS.tsaUrl,
  };
  fs.mkdirSync(path.dirname(OUTPUTS), { recursive: true });
  // as context, not only environment: context (cdk.json names the province's issuer) wins over ZWFW_*
  const context = ['localstack=true', ...Object.entries(LOCALSTACK_COMPANIONS).map(([k, v]) => `${k}=${v}`)].flatMap((c) => ['-c', c]);
  cdklocal(['bootstrap', ...context], env);
  cdklocal(['deploy', ...LOCALSTACK_STACKS, '--require-approval', 'never', ...context, '--outputs-file', OUTPUTS], env);

  // the demo data, through the platform's adapters pointed at LocalStack's tables
  const outputs: Record<string, Record<string, string>> = JSON.parse(fs.readFileSync(OUTPUTS, 'utf8'));
  Object.assign(process.env, env, { CASES_TABLE: outputs['Zwfw-Data'].CasesTableName, CATALOG_TABLE: outputs['Zwfw-Data'].CatalogTableName });
  const { registerTsaRoot, seedCatalog } = await import('../local/seed.ts');
  await seedCatalog({ catalog: 'demo', devMatter: false, log: console.log });
  const caPem = await (await fetch(`${COMPANIONS}/tsa/ca.pem`)).text();
  await registerTsaRoot(caPem);

  // [N8] publish the catalog's search index through the workflow an approved change starts
  const sfn = new SFNClient({ endpoint: ENDPOINT, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, disableHostPrefix: true });
  const machine = (await sfn.send(new ListStateMachinesCommand({}))).stateMachines?.find((m) => m.name?.startsWith('CatalogPublish'));
  if (!machine) throw new Error('no CatalogPublish state machine was deployed');
  // an Express workflow: started synchronously, it answers when it has run
  const run = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn: machine.stateMachineArn, input: JSON.stringify({ reason: 'start' }) }));
  if (run.status !== 'SUCCEEDED') throw new Error(`publishing the catalog ${run.status}: ${run.error} ${run.cause}`);
  console.log(`deployed ${LOCALSTACK_STACKS.join(', ')} to ${ENDPOINT}; outputs in ${path.relative(ROOT, OUTPUTS)}\nnext: npm run smoke -- --target localstack`);
  return 0;
}

main().then((code) => process.exit(code), (err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
