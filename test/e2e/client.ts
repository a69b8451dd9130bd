import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Endpoints } from '../../local/start.ts';

/** What a citizen app, a window client or a department work queue would do, over HTTP. */
export const endpoints: Endpoints = JSON.parse(fs.readFileSync(process.env.E2E_ENDPOINTS!, 'utf8'));
const base = endpoints.apiUrl;

export interface Res<T = any> {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  body: T;
}

export async function call<T = any>(method: string, path: string, opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Res<T>> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined || opts.raw !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', headers: Object.fromEntries(res.headers), body };
}

/** A document route's answer as bytes (a PDF), with the Accept header a client sends for it. */
export async function download(path: string, opts: { token?: string; accept?: string } = {}): Promise<{ status: number; contentType: string; headers: Record<string, string>; bytes: Buffer }> {
  const res = await fetch(`${base}${path}`, { headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.accept ? { accept: opts.accept } : {}) } });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', headers: Object.fromEntries(res.headers), bytes: Buffer.from(await res.arrayBuffer()) };
}

export interface Claims {
  sub: string;
  name?: string;
  roles: string[];
  dept?: string;
  region?: string;
  kiosk?: string;
  idType?: string;
  idNumber?: string;
  orgName?: string;
  orgCode?: string;
  aud?: string;
  ttlSeconds?: number;
}

export async function token(claims: Claims): Promise<string> {
  const res = await call('POST', '/local/token', { body: { name: claims.sub, ...claims } });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/**
 * The real-name claims [N13] the province's system would put in the token of the person who files as
 * `applicant` online: a person's own name and number; for an enterprise, the enterprise it acts for
 * (and a person's own number as well).
 */
export function realName(applicant: { type: string; name: string; idNumber: string }): Pick<Claims, 'name' | 'idNumber' | 'orgName' | 'orgCode'> {
  return applicant.type === 'org' ? { idNumber: '610113199001011230', orgName: applicant.name, orgCode: applicant.idNumber } : { name: applicant.name, idNumber: applicant.idNumber };
}

/** A citizen's token, in the real name of the applicant they file as. */
export const citizenToken = (sub: string, applicant: { type: string; name: string; idNumber: string }, extra: Partial<Claims> = {}) => token({ sub, roles: ['citizen'], ...realName(applicant), ...extra });

/** Uploads bytes by presigned PUT; `declared` lets a test lie about the hash. */
export async function upload(tok: string, bytes: Buffer, fileName = 'material.pdf', declared = sha256(bytes)): Promise<string> {
  const res = await call('POST', '/v1/uploads', { token: tok, body: { fileName, contentType: 'application/pdf', size: bytes.length, sha256: declared } });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  const put = await fetch(res.body.url, { method: 'PUT', headers: res.body.headers, body: bytes });
  if (!put.ok) throw new Error(`PUT ${put.status}: ${await put.text()}`);
  return res.body.objectKey;
}

import { minimalPdf } from '../support/minimal-pdf';

export const pdf = minimalPdf;

/** Polls until `check` returns a value (the async workflows run after the API call returns). */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const ddb = () =>
  DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: endpoints.dynamodb.endpoint, region: endpoints.region, credentials: endpoints.credentials }));
export const s3 = () =>
  new S3Client({ endpoint: endpoints.s3.endpoint, region: endpoints.region, credentials: endpoints.credentials, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
export const tableName = (prefix: string) => Object.values(endpoints.dynamodb.tables).find((t) => t.startsWith(prefix))!;
export const bucketName = (prefix: string) => Object.values(endpoints.s3.buckets).find((b) => b.startsWith(prefix))!;

/** Uploads one PDF per material code and files the matter online; returns the new case id (expects 201). */
export async function submitOnline(citizen: string, matterCode: string, codes: string[], key: string, applicant: { type: string; name: string; idNumber: string }): Promise<string> {
  const materials = await Promise.all(codes.map(async (code) => ({ code, objectKey: await upload(citizen, pdf(code)) })));
  const res = await call('POST', '/v1/cases', { token: citizen, body: { matterCode, applicant, channel: 'online', materials }, headers: { 'Idempotency-Key': key } });
  if (res.status !== 201) throw new Error(`filing ${matterCode} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.caseId;
}

/** The bytes of a case's archive package, exactly the version the case records. */
export async function archivedPackage(archive: { bucket: string; key: string; versionId: string }): Promise<Buffer> {
  const obj = await s3().send(new GetObjectCommand({ Bucket: archive.bucket, Key: archive.key, VersionId: archive.versionId }));
  return Buffer.from(await obj.Body!.transformToByteArray());
}

/** Takes a filed case through acceptance and every department's approval, and waits for its archive package. */
export async function approveCase(citizen: string, caseId: string, dept: string, tag: string): Promise<any> {
  const clerk = await token({ sub: `clerk-${tag}`, roles: ['clerk'], dept, region: dept.slice(0, 6) });
  const accepted = await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } });
  if (accepted.status !== 200) throw new Error(`accepting ${caseId} answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
  const c = await eventually('forwarding', async () => {
    const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
    return r.body.status === 'in_review' && r.body;
  });
  for (const t of c.tasks.filter((x: any) => x.kind === 'review')) {
    const h = await token({ sub: `handler-${tag}`, roles: ['handler'], dept: t.dept, region: t.dept.slice(0, 6) });
    const done = await call('POST', `/v1/tasks/${t.taskId}/complete`, { token: h, body: { decision: 'approve' } });
    if (done.status !== 200) throw new Error(`approving ${t.taskId} answered ${done.status}: ${JSON.stringify(done.body)}`);
  }
  return eventually('completion and archive', async () => {
    const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
    return r.body.status === 'completed' && r.body.archive && r.body;
  });
}
