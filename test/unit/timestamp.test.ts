import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkTimestamp } from '#shared/domain/crypto/timestamp';
import { children, readTlv } from '#shared/domain/crypto/der';
import { responseStatus, timeStampRequest } from '#shared/adapters/tsa/client';
import { freePort } from '../../local/engines/dynamodb';
import { startTsa, type LocalTsa } from '../../local/tsa';
import { requireTool } from '../support/tools';

/**
 * RFC 3161 time-stamps [E24] (and the four-property check's authenticity [E18]) as the platform asks for and checks them, against OpenSSL's own TSA and
 * OpenSSL's own verifier: what `openssl ts -verify` accepts, checkTimestamp accepts; a stamp over other
 * bytes, a changed byte or a refusal it does not.
 */
jest.setTimeout(60_000);

let tsa: LocalTsa;
let dir: string;
beforeAll(async () => {
  requireTool('openssl');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwfw-ts-'));
  tsa = await startTsa({ dir: path.join(dir, 'tsa'), port: await freePort() });
});
afterAll(() => tsa?.stop());

async function stamp(bytes: Buffer): Promise<Buffer> {
  const res = await fetch(tsa.url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: timeStampRequest(require('node:crypto').createHash('sha256').update(bytes).digest(), Buffer.from('0102030405060708', 'hex')) });
  return Buffer.from(await res.arrayBuffer());
}

test('the request is one OpenSSL reads as a SHA-256 query with a nonce asking for the certificate', () => {
  const q = timeStampRequest(Buffer.alloc(32, 7), Buffer.from('8102030405060708', 'hex'));
  fs.writeFileSync(path.join(dir, 'q.tsq'), q);
  const text = execFileSync('openssl', ['ts', '-query', '-in', path.join(dir, 'q.tsq'), '-text']).toString();
  expect(text).toContain('Hash Algorithm: sha256');
  expect(text).toContain('Certificate required: yes');
  expect(text).toMatch(/Nonce: 0x0102030405060708/i);
});

test('a stamp OpenSSL verifies against the TSA root is valid, at the time OpenSSL reads in it', async () => {
  const data = Buffer.from('签名值的字节');
  const resp = await stamp(data);
  expect(responseStatus(resp)).toBe(0);
  fs.writeFileSync(path.join(dir, 'd.bin'), data);
  fs.writeFileSync(path.join(dir, 'r.tsr'), resp);
  expect(execFileSync('openssl', ['ts', '-verify', '-data', path.join(dir, 'd.bin'), '-in', path.join(dir, 'r.tsr'), '-CAfile', path.join(dir, 'tsa', 'ca.pem')], { stdio: 'pipe' }).toString()).toContain('Verification: OK');
  const r = checkTimestamp(resp, data);
  expect(r).toMatchObject({ valid: true });
  const openssl = /Time stamp: (.+)/.exec(execFileSync('openssl', ['ts', '-reply', '-in', path.join(dir, 'r.tsr'), '-text']).toString())![1];
  expect(r.time).toBe(new Date(openssl).toISOString());
  expect(r.signer!.subject).toContain('Local Time-Stamp Authority');
});

test('over other bytes, with a changed byte anywhere in the token, cut short, or refused: not valid', async () => {
  const data = Buffer.from('signature');
  const resp = await stamp(data);
  expect(checkTimestamp(resp, Buffer.from('other')).reason).toContain('message imprint');
  // the signed parts: the TSTInfo (under the signed attributes' digest) and the signer info (attributes and signature)
  const signedData = children(children(children(readTlv(resp)!)[1])[1])[0];
  const parts = children(signedData);
  const tstInfo = children(children(parts[2])[1])[0];
  const signerInfos = parts.at(-1)!;
  const offset = (t: { raw: Buffer }) => t.raw.byteOffset - resp.byteOffset;
  const ranges = [tstInfo, signerInfos].map((t) => [offset(t), offset(t) + t.raw.length]);
  const passed: number[] = [];
  for (const [from, to] of ranges)
    for (let i = from; i < to; i += 3) {
      const bad = Buffer.from(resp);
      bad[i] ^= 0x01;
      if (checkTimestamp(bad, data).valid) passed.push(i);
    }
  expect(passed).toEqual([]);
  expect(checkTimestamp(resp.subarray(0, resp.length - 1), data).valid).toBe(false);
  expect(checkTimestamp(Buffer.from('30053003020102', 'hex'), data)).toMatchObject({ valid: false, reason: 'the TSA did not grant the time-stamp' });
});
