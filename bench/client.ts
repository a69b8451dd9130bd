import { createHash } from 'node:crypto';

/**
 * A small HTTP client for the benchmark: the same calls a citizen app, a window client or a
 * department work queue makes (as test/e2e/client.ts does), bound to one API base URL. It counts the
 * API requests it sends, so the benchmark can report requests per journey.
 */
export interface Res<T = any> {
  status: number;
  body: T;
}

export class Client {
  requests = 0;

  constructor(readonly base: string) {}

  async call<T = any>(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Res<T>> {
    this.requests++;
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...opts.headers,
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  }

  /** Like call, but throws unless the status is the expected one (a broken journey must not be timed as a fast one). */
  async expect<T = any>(status: number, method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
    const res = await this.call<T>(method, path, opts);
    if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
    return res.body;
  }

  async token(claims: { sub: string; name?: string; roles: string[]; dept?: string; region?: string; idNumber?: string }): Promise<string> {
    const res = await fetch(`${this.base}/local/token`, { method: 'POST', body: JSON.stringify({ name: claims.sub, ...claims }) });
    if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  }

  /** POST /v1/uploads, then the presigned PUT to S3 (Ceph RGW); returns the object key and the time of each half. */
  async upload(tok: string, bytes: Buffer, fileName = 'material.pdf'): Promise<{ objectKey: string; presignMs: number; putMs: number }> {
    const t0 = performance.now();
    const res = await this.expect(201, 'POST', '/v1/uploads', { token: tok, body: { fileName, contentType: 'application/pdf', size: bytes.length, sha256: sha256(bytes) } });
    const t1 = performance.now();
    const put = await fetch(res.url, { method: 'PUT', headers: res.headers, body: bytes });
    if (!put.ok) throw new Error(`PUT ${put.status}: ${await put.text()}`);
    await put.arrayBuffer();
    return { objectKey: res.objectKey, presignMs: t1 - t0, putMs: performance.now() - t1 };
  }
}

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls every `everyMs` until `check` returns a value. */
export async function poll<T>(what: string, check: () => Promise<T | undefined | false>, everyMs = 10, timeoutMs = 30_000): Promise<{ value: T; polls: number }> {
  const end = Date.now() + timeoutMs;
  for (let polls = 1; ; polls++) {
    const v = await check();
    if (v) return { value: v, polls };
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
