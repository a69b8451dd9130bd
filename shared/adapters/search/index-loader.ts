import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { SearchIndex } from '../../catalog/search-index.ts';
import { env } from '../env.ts';
import { s3Client } from '../s3/client.ts';
import { POINTER_KEY, type IndexPointer } from './pointer.ts';

/**
 * The search index as the lookup Lambda holds it: loaded once per cold start from the catalog bucket,
 * then the pointer is re-read at most every `recheckMs` (a conditional GET: 304 when unchanged), so a
 * republished catalog is served within a minute without reloading on every request.
 */
interface Held {
  index: SearchIndex;
  pointer: IndexPointer;
  etag?: string;
  checkedAt: number;
}

let held: Held | undefined;
let loading: Promise<Held> | undefined;

async function bytes(key: string): Promise<Buffer> {
  const res = await s3Client().send(new GetObjectCommand({ Bucket: env('CATALOG_BUCKET'), Key: key }));
  return Buffer.from(await res.Body!.transformToByteArray());
}

async function readPointer(etag?: string): Promise<{ pointer: IndexPointer; etag?: string } | 'unchanged'> {
  try {
    const res = await s3Client().send(new GetObjectCommand({ Bucket: env('CATALOG_BUCKET'), Key: POINTER_KEY, IfNoneMatch: etag }));
    return { pointer: JSON.parse(await res.Body!.transformToString()), etag: res.ETag };
  } catch (err) {
    if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 304) return 'unchanged';
    throw err;
  }
}

async function load(pointer: IndexPointer, etag?: string): Promise<Held> {
  const gz = await bytes(pointer.key);
  const sha = createHash('sha256').update(gz).digest('hex');
  if (sha !== pointer.sha256) throw new Error(`search index ${pointer.key} does not match its pointer (sha256 ${sha})`);
  return { index: SearchIndex.load(gunzipSync(gz)), pointer, etag, checkedAt: Date.now() };
}

export async function searchIndex(recheckMs = 60_000): Promise<{ index: SearchIndex; pointer: IndexPointer }> {
  if (!held) {
    loading ??= readPointer().then((p) => {
      if (p === 'unchanged') throw new Error('no search index pointer');
      return load(p.pointer, p.etag);
    });
    try {
      held = await loading;
    } finally {
      loading = undefined;
    }
    return held;
  }
  if (Date.now() - held.checkedAt > recheckMs) {
    const current = held;
    current.checkedAt = Date.now();
    const p = await readPointer(current.etag).catch(() => 'unchanged' as const);
    if (p !== 'unchanged' && p.pointer.key !== current.pointer.key) held = await load(p.pointer, p.etag);
  }
  return held;
}
