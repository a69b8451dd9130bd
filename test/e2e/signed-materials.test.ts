import { DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { call, citizenToken, pdf, sha256, token, upload } from './client';
import { makePki } from '../support/pki';

/**
 * A signed e-material through the API on the real engines [E13]: an operator adds the CA as a trust
 * anchor; a citizen uploads a material and its detached SM2 signature (made by OpenSSL with the GM/T
 * 0009 user ID) and files it with the signer's chain; the case keeps it as signed. A flipped byte, an
 * untrusted chain or a revoked anchor is 422 on that signature.
 */
jest.setTimeout(120_000);

const run = Date.now().toString(36);
const applicant = { type: 'person', name: '孙签名', idNumber: '610113197707070022' };

async function uploadAs(tok: string, bytes: Buffer, fileName: string, contentType: string): Promise<string> {
  const res = await call('POST', '/v1/uploads', { token: tok, body: { fileName, contentType, size: bytes.length, sha256: sha256(bytes) } });
  if (res.status !== 201) throw new Error(`upload ${res.status} ${JSON.stringify(res.body)}`);
  const put = await fetch(res.body.url, { method: 'PUT', headers: res.body.headers, body: bytes });
  if (!put.ok) throw new Error(`PUT ${put.status}`);
  return res.body.objectKey;
}

describe('signed materials and their trust anchors', () => {
  const pki = makePki('sm2', `e2e-${run}`);
  let operator: string;
  let citizen: string;
  let anchorId: string;

  beforeAll(async () => {
    operator = await token({ sub: `op-${run}`, name: '运维', roles: ['operator'] });
    citizen = await citizenToken(`signer-${run}`, applicant);
  });

  const file = async (key: string, m04: { bytes: Buffer; signed: Buffer }, chain = [pki.leaf, pki.intermediate]) => {
    const objectKey = await uploadAs(citizen, m04.bytes, '平面图.pdf', 'application/pdf');
    const sig = await uploadAs(citizen, pki.sign(m04.signed), '平面图.pdf.sig', 'application/octet-stream');
    const materials = await Promise.all(['M01', 'M02', 'M05'].map(async (code) => ({ code, objectKey: await upload(citizen, pdf(code)) })));
    return call('POST', '/v1/cases', {
      token: citizen,
      body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant, channel: 'online', materials: [...materials, { code: 'M04', objectKey, signature: { objectKey: sig, certificates: chain } }] },
      headers: { 'Idempotency-Key': key },
    });
  };
  const signatureError = (res: any) => res.body.errors?.find((e: any) => e.path === 'materials.3.signature')?.message;

  test('an operator adds the CA as a trust anchor; a citizen may not; it is listed', async () => {
    expect((await call('POST', '/v1/trust-anchors', { token: citizen, body: { name: 'x', certificate: pki.root } })).status).toBe(403);
    const added = await call('POST', '/v1/trust-anchors', { token: operator, body: { name: `测试根 ${run}`, certificate: pki.root } });
    expect([added.status, added.body.algorithm]).toEqual([201, 'SM2-with-SM3']);
    anchorId = added.body.anchorId;
    expect((await call('POST', '/v1/trust-anchors', { token: operator, body: { name: 'again', certificate: pki.root } })).status).toBe(409);
    const list = await call('GET', '/v1/trust-anchors', { token: operator });
    expect(list.body.items.find((a: any) => a.anchorId === anchorId)).toMatchObject({ status: 'active', changes: [expect.objectContaining({ action: 'add' })] });
  });

  test('a material whose SM2 signature verifies is filed as signed; a flipped byte is 422 on the signature', async () => {
    const bytes = pdf(`平面图 ${run}`);
    const flipped = Buffer.from(bytes);
    flipped[12] ^= 1;
    const bad = await file(`signed-bad-${run}`, { bytes: flipped, signed: bytes });
    expect([bad.status, signatureError(bad)]).toEqual([422, expect.stringContaining('does not verify')]);
    const ok = await file(`signed-ok-${run}`, { bytes, signed: bytes });
    expect(ok.status).toBe(201);
    const c = await call('GET', `/v1/cases/${ok.body.caseId}`, { token: citizen });
    expect(c.body.materials.find((m: any) => m.code === 'M04').verification).toMatchObject({ kind: 'signed', valid: true, algorithm: 'SM2-with-SM3', anchor: anchorId, signer: `张三 e2e-${run}` });
  });

  test('once the anchor is revoked, a new filing with that chain is 422', async () => {
    const revoked = await call('POST', `/v1/trust-anchors/${anchorId}/revoke`, { token: operator, body: { reason: '测试结束' } });
    expect([revoked.status, revoked.body.status]).toEqual([200, 'revoked']);
    expect((await call('POST', `/v1/trust-anchors/${anchorId}/revoke`, { token: operator, body: { reason: 'again' } })).status).toBe(409);
    const bytes = pdf(`平面图 again ${run}`);
    const res = await file(`signed-revoked-${run}`, { bytes, signed: bytes });
    expect([res.status, signatureError(res)]).toEqual([422, 'the certificate chain does not end at a trust anchor in force']);
  });
});
