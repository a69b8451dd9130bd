import { createHash, randomUUID } from 'node:crypto';
import { Conflict, Forbidden, Invalid } from '#shared/domain/errors';
import { addTrustAnchor, listTrustAnchors, revokeTrustAnchor } from '#shared/domain/steps/trust-anchors';
import { readCase } from '#shared/domain/steps/reads';
import { memoryPorts } from '../support/memory-ports';
import { application, citizen, file, FOOD, PEOPLE, refusal, seedCatalog } from '../support/fixtures';
import { makePki, type Pki } from '../../support/pki';
import type { Caller } from '#shared/domain/caller';

/** A signed e-material through intake [E13], and the operators' trust anchors it is checked against. */
jest.setTimeout(60_000);

const operator: Caller = { sub: 'op-1', name: '运维甲', roles: ['operator'] };
const wang = citizen(PEOPLE.wang);
let sm2: Pki;
let rsa: Pki;
beforeAll(() => {
  sm2 = makePki('sm2', 'intake');
  rsa = makePki('rsa', 'other');
});

function setup() {
  const ports = memoryPorts({ now: new Date(Date.now() + 120_000).toISOString() });
  seedCatalog(ports);
  return ports;
}
const put = (ports: ReturnType<typeof setup>, owner: string, bytes: Buffer, contentType = 'application/pdf') => {
  const key = `uploads/${owner}/${randomUUID()}/x`;
  ports.state.uploads.set(key, { owner, bytes, declared: createHash('sha256').update(bytes).digest('hex'), contentType });
  return key;
};
/** the food application with M04 signed: `signed` are the bytes the signature is over, `bytes` what is uploaded */
function signedApplication(ports: ReturnType<typeof setup>, opts: { bytes?: Buffer; signed?: Buffer; chain?: string[]; sigOwner?: string } = {}) {
  const req = application(ports, wang, FOOD, 'online', PEOPLE.wang);
  const signedBytes = opts.signed ?? Buffer.from('%PDF-1.7 平面图 signed');
  const m04 = put(ports, 'c-wang', opts.bytes ?? signedBytes);
  const sig = put(ports, opts.sigOwner ?? 'c-wang', sm2.sign(signedBytes), 'application/octet-stream');
  const materials = req.materials.map((m) => (m.code === 'M04' ? { code: 'M04', objectKey: m04, signature: { objectKey: sig, certificates: opts.chain ?? [sm2.leaf, sm2.intermediate] } } : m));
  return { ...req, materials };
}
const signatureErrors = (err: unknown) => (err as Invalid).errors.filter((e) => e.path.endsWith('.signature')).map((e) => e.message);

describe('trust anchors [E13], kept by operators', () => {
  test('an operator adds a CA certificate; the same again is 409; a non-CA or junk is 422; a citizen may not', async () => {
    const ports = setup();
    const a = await addTrustAnchor(ports, operator, { name: '测试 SM2 根', certificate: sm2.root });
    expect(a).toMatchObject({ name: '测试 SM2 根', algorithm: 'SM2-with-SM3', status: 'active', addedBy: { sub: 'op-1' } });
    expect(a).not.toHaveProperty('certificate');
    expect(await refusal(addTrustAnchor(ports, operator, { name: 'again', certificate: sm2.root }))).toBeInstanceOf(Conflict);
    expect(((await refusal(addTrustAnchor(ports, operator, { name: 'leaf', certificate: sm2.leaf }))) as Invalid).errors).toEqual([{ path: 'certificate', message: expect.stringContaining('not a CA') }]);
    expect(await refusal(addTrustAnchor(ports, operator, { name: 'junk', certificate: 'x'.repeat(200) }))).toBeInstanceOf(Invalid);
    expect(await refusal(addTrustAnchor(ports, wang, { name: 'mine', certificate: rsa.root }))).toBeInstanceOf(Forbidden);
  });

  test('revoked once, with the reason; every change is listed with the anchor', async () => {
    const ports = setup();
    const a = await addTrustAnchor(ports, operator, { name: 'r', certificate: sm2.root });
    await revokeTrustAnchor(ports, operator, a.anchorId, { reason: '根证书私钥泄露' });
    expect(await refusal(revokeTrustAnchor(ports, operator, a.anchorId, { reason: 'again' }))).toBeInstanceOf(Conflict);
    const { items } = await listTrustAnchors(ports, { sub: 'sup', name: 's', roles: ['supervisor'], region: '610000' });
    expect(items).toEqual([expect.objectContaining({ anchorId: a.anchorId, status: 'revoked', revocation: expect.objectContaining({ reason: '根证书私钥泄露' }), changes: [expect.objectContaining({ action: 'add' }), expect.objectContaining({ action: 'revoke', reason: '根证书私钥泄露' })] })]);
  });
});

describe('a signed material at intake [E13]', () => {
  test('whose SM2 signature verifies through its chain to an anchor is kept as signed, with signer, algorithm, anchor and the signature itself', async () => {
    const ports = setup();
    const a = await addTrustAnchor(ports, operator, { name: 'r', certificate: sm2.root });
    const { caseId } = await file(ports, wang, signedApplication(ports));
    const m04 = (await readCase(ports, wang, caseId)).materials.find((m) => m.code === 'M04')!;
    expect(m04.verification).toMatchObject({ kind: 'signed', valid: true, signer: '张三 intake', algorithm: 'SM2-with-SM3', anchor: a.anchorId });
    expect(m04.signature).toMatchObject({ versionId: expect.any(String), certificates: [sm2.leaf, sm2.intermediate] });
    expect(ports.state.cases.get(caseId)!.case.materials.find((m) => m.code === 'M01')!.verification).toMatchObject({ kind: 'unsigned' });
  });

  test('bytes other than those signed, no anchor, a revoked anchor, another’s signature upload: 422 on that signature, and nothing is filed', async () => {
    const ports = setup();
    expect(signatureErrors(await refusal(file(ports, wang, signedApplication(ports))))).toEqual(['the certificate chain does not end at a trust anchor in force']);
    const a = await addTrustAnchor(ports, operator, { name: 'r', certificate: sm2.root });
    expect(signatureErrors(await refusal(file(ports, wang, signedApplication(ports, { bytes: Buffer.from('%PDF-1.7 平面图 altered') }))))).toEqual([expect.stringContaining('does not verify')]);
    expect(signatureErrors(await refusal(file(ports, wang, signedApplication(ports, { sigOwner: 'c-chen' }))))).toEqual(['the signature is not an upload of the filer']);
    expect(signatureErrors(await refusal(file(ports, wang, signedApplication(ports, { chain: [rsa.leaf, rsa.intermediate] }))))).toEqual([expect.stringContaining('does not end at a trust anchor')]);
    await revokeTrustAnchor(ports, operator, a.anchorId, { reason: '停用' });
    expect(signatureErrors(await refusal(file(ports, wang, signedApplication(ports))))).toEqual(['the certificate chain does not end at a trust anchor in force']);
    expect(ports.state.cases.size).toBe(0);
  });
});
