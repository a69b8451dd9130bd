import { createHash, randomBytes } from 'node:crypto';
import type { TimestampAuthority } from '../../domain/ports.ts';
import { checkTimestamp } from '../../domain/crypto/timestamp.ts';
import { env } from '../env.ts';

/**
 * An RFC 3161 client [E24]: a TimeStampReq over the SHA-256 of the bytes (with a nonce, asking for the
 * TSA's certificate), POSTed to the deployment's TSA (`TSA_URL`); the TimeStampResp is kept as it came,
 * so anyone checks it with `openssl ts -verify`. A TSA that does not grant the stamp is a fault: the
 * archive step fails and is retried, it never writes a package without its time-stamp.
 */
const SHA256_ALGORITHM = Buffer.from('300d06096086480165030402010500', 'hex');
const TIMEOUT_MS = 5000;

function der(tag: number, content: Buffer): Buffer {
  const len = content.length;
  const header = len < 0x80 ? Buffer.from([tag, len]) : len < 0x100 ? Buffer.from([tag, 0x81, len]) : Buffer.from([tag, 0x82, len >> 8, len & 0xff]);
  return Buffer.concat([header, content]);
}

export function timeStampRequest(digest: Buffer, nonce: Buffer): Buffer {
  const imprint = der(0x30, Buffer.concat([SHA256_ALGORITHM, der(0x04, digest)]));
  const n = Buffer.from(nonce);
  n[0] &= 0x7f; // a positive INTEGER (the caller keeps the first byte non-zero, so DER needs no padding)
  return der(0x30, Buffer.concat([der(0x02, Buffer.from([1])), imprint, der(0x02, n), Buffer.from([0x01, 0x01, 0xff])]));
}

/** PKIStatus of a TimeStampResp: 0 granted, 1 granted with modifications, anything else refused. */
export function responseStatus(resp: Buffer): number | undefined {
  // SEQUENCE { SEQUENCE (PKIStatusInfo) { INTEGER status, … }, … }
  let i = 0;
  const skipHeader = (tag: number) => {
    if (resp[i++] !== tag) throw new RangeError('unexpected tag');
    const first = resp[i++];
    if (first & 0x80) i += first & 0x7f;
  };
  try {
    skipHeader(0x30);
    skipHeader(0x30);
    if (resp[i++] !== 0x02 || resp[i++] !== 0x01) return undefined;
    return resp[i];
  } catch {
    return undefined;
  }
}

async function stamp(bytes: Buffer): Promise<{ response: Buffer; url: string }> {
  const url = env('TSA_URL');
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0] & 0x7f) | 0x01; // a positive INTEGER with no leading zero byte
  const query = timeStampRequest(createHash('sha256').update(bytes).digest(), nonce);
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: query, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const response = Buffer.from(await res.arrayBuffer());
  const status = responseStatus(response);
  if (!res.ok || (status !== 0 && status !== 1)) throw new Error(`the time-stamp authority ${url} did not grant a stamp (HTTP ${res.status}, status ${status})`);
  // a stamp is kept only if it is over these bytes, signed, and the answer to this request (not a replay)
  const check = checkTimestamp(response, bytes);
  if (!check.valid) throw new Error(`the time-stamp authority ${url} answered with a stamp that does not hold: ${check.reason}`);
  if (check.nonce !== nonce.toString('hex')) throw new Error(`the time-stamp authority ${url} answered another request (nonce ${check.nonce ?? 'none'})`);
  return { response, url };
}

export const timestampAuthority: TimestampAuthority = { stamp };
