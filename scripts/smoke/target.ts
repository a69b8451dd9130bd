import fs from 'node:fs';
import path from 'node:path';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { companionsUrl, localStackEndpoint } from '../../infra/localstack.ts';
import type { Endpoints } from '../../local/start.ts';

/** Who the journey acts as: a citizen, the accepting window's clerk, a reviewer of each department, an archivist. */
export type SmokeRole = 'citizen' | 'clerk' | 'reviewerCL' | 'reviewerMZ' | 'archivist';
export const SMOKE_ROLES: readonly SmokeRole[] = ['citizen', 'clerk', 'reviewerCL', 'reviewerMZ', 'archivist'];

export type TargetName = 'local' | 'localstack' | 'aws';

/** Where a smoke run goes: the API, the archive bucket it checks the lock on, and how it gets each role's token. */
export interface SmokeTarget {
  name: TargetName;
  apiUrl: string;
  archiveBucket: string;
  /** how to reach the archive bucket: the local engines' endpoint and keys, or the operator's own credentials */
  s3: S3ClientConfig;
  token(role: SmokeRole): Promise<string>;
}

export class SmokeSetupError extends Error {}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new SmokeSetupError(`${file} is not readable JSON: ${(err as Error).message}`);
  }
}

/** The claims the local issuer signs for each role: staff of the 雁塔区 残联 and 民政局, a provincial archivist. */
const LOCAL_CLAIMS: Record<SmokeRole, Record<string, unknown>> = {
  citizen: { sub: 'smoke-citizen', name: '刘大伟', idNumber: '610113199001011230', roles: ['citizen'] },
  clerk: { sub: 'smoke-clerk-cl', name: '陈受理', roles: ['clerk'], dept: '610113-CL', region: '610113' },
  reviewerCL: { sub: 'smoke-handler-cl', name: '周审核', roles: ['handler'], dept: '610113-CL', region: '610113' },
  reviewerMZ: { sub: 'smoke-handler-mz', name: '吴审核', roles: ['handler'], dept: '610113-MZ', region: '610113' },
  archivist: { sub: 'smoke-archivist', name: '郑档案', roles: ['archivist'], region: '610000' },
};

/** A token for a role from a test issuer that signs the claims it is sent (the local runtime's, the companions'). */
async function issuedToken(tokenUrl: string, role: SmokeRole): Promise<string> {
  const res = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(LOCAL_CLAIMS[role]) }).catch((err: Error) => {
    throw new SmokeSetupError(`the issuer at ${tokenUrl} is not answering: ${err.message}`);
  });
  if (res.status !== 200) throw new SmokeSetupError(`the issuer at ${tokenUrl} answered ${res.status} for a ${role} token`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * `--target local`: the platform `npm start` runs, found by the endpoints file it writes
 * (.local/endpoints.json, or --endpoints); tokens from its local issuer.
 */
export function localTarget(endpointsFile: string): SmokeTarget {
  if (!fs.existsSync(endpointsFile)) throw new SmokeSetupError(`no ${endpointsFile}: start the platform first (npm start), or name its endpoints file with --endpoints`);
  const e: Endpoints = readJson(endpointsFile);
  const archiveBucket = Object.entries(e.s3.buckets).find(([logical]) => logical.startsWith('ArchiveBucket'))?.[1];
  if (!archiveBucket) throw new SmokeSetupError(`${endpointsFile} names no archive bucket`);
  return {
    name: 'local',
    apiUrl: e.apiUrl,
    archiveBucket,
    s3: { endpoint: e.s3.endpoint, region: e.region, credentials: e.credentials, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' },
    token: (role) => issuedToken(e.tokenUrl, role),
  };
}

/**
 * `--target localstack|aws`: the stack outputs `cdk deploy --outputs-file` wrote (Zwfw-Api's ApiUrl,
 * Zwfw-Data's ArchiveBucketName), and one token per role from a file the operator fills from the
 * province's identity provider (test accounts with the same roles, departments and regions as
 * LOCAL_CLAIMS): `{"citizen": "eyJ…", "clerk": "…", …}`; on LocalStack, without a file, from the
 * companions' test issuer the deployment trusts. LocalStack is reached on its one endpoint with its
 * test keys; AWS with the operator's own credentials (the default provider chain).
 */
export function deployedTarget(name: 'localstack' | 'aws', outputsFile: string, tokensFile: string | undefined): SmokeTarget {
  if (!fs.existsSync(outputsFile)) throw new SmokeSetupError(`no ${outputsFile}: deploy with npm run ${name === 'aws' ? 'deploy' : 'localstack:deploy'} (it writes the stack outputs there), or name the file with --outputs`);
  const outputs: Record<string, Record<string, string>> = readJson(outputsFile);
  const apiUrl = outputs['Zwfw-Api']?.ApiUrl;
  const archiveBucket = outputs['Zwfw-Data']?.ArchiveBucketName;
  const missing = [!apiUrl && 'Zwfw-Api.ApiUrl', !archiveBucket && 'Zwfw-Data.ArchiveBucketName'].filter(Boolean);
  if (missing.length) throw new SmokeSetupError(`${outputsFile} lacks ${missing.join(', ')}`);
  let token: (role: SmokeRole) => Promise<string>;
  if (tokensFile) {
    if (!fs.existsSync(tokensFile)) throw new SmokeSetupError(`no tokens file ${tokensFile}`);
    const tokens: Partial<Record<SmokeRole, string>> = readJson(tokensFile);
    const absent = SMOKE_ROLES.filter((r) => typeof tokens[r] !== 'string');
    if (absent.length) throw new SmokeSetupError(`${tokensFile} has no token for ${absent.join(', ')}`);
    token = async (role) => tokens[role]!;
  } else if (name === 'localstack') {
    token = (role) => issuedToken(`${companionsUrl()}/token`, role);
  } else {
    throw new SmokeSetupError(`the aws target needs a token per role (${SMOKE_ROLES.join(', ')}) from the identity provider: --tokens <file.json> or ZWFW_SMOKE_TOKENS`);
  }
  const endpoint = localStackEndpoint();
  return {
    name,
    apiUrl: apiUrl.replace(/\/$/, ''),
    archiveBucket,
    s3:
      name === 'localstack'
        ? { endpoint, region: process.env.AWS_REGION ?? 'us-east-1', credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test' }, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
        : { region: process.env.AWS_REGION ?? apiUrl.match(/execute-api\.([a-z0-9-]+)\./)?.[1] },
    token,
  };
}

export function resolveTarget(args: { target: string; endpoints?: string; outputs?: string; tokens?: string }, root: string): SmokeTarget {
  if (args.target === 'local') return localTarget(path.resolve(root, args.endpoints ?? '.local/endpoints.json'));
  if (args.target === 'localstack' || args.target === 'aws')
    return deployedTarget(args.target, path.resolve(root, args.outputs ?? `.local/cdk-outputs-${args.target}.json`), args.tokens ?? process.env.ZWFW_SMOKE_TOKENS);
  throw new SmokeSetupError(`--target is local, localstack or aws (not ${args.target || 'absent'})`);
}
