import { DEMO_FOOD_MATTER_CODE, DEMO_SOLE_TRADER_MATTER_CODE } from '#shared/catalog/demo-seed';
import { pdfText } from '../support/pdf';
import { approveCase, call, citizenToken, sha256, submitOnline, token } from './client';

/**
 * E-licences through the API [E14] [E15] [E16]: a 营业执照 issued with its GB/T 36904 id, held in the
 * licence store by its holder, serving the food licence's material (免提交), revoked by the head of the
 * issuing department and verified by anyone, who learns nothing about the holder.
 */
jest.setTimeout(120_000);

const run = Date.now().toString(36);
const trader = { type: 'person', name: '何个体', idNumber: '610113198808080013' };
const DEPT = '610113-XZSP';

const approved = (citizen: string, caseId: string) => approveCase(citizen, caseId, DEPT, `lic-${run}`);

describe('a 营业执照 from its issue to its revocation', () => {
  let citizen: string;
  let licenceId: string;

  beforeAll(async () => {
    citizen = await citizenToken(`trader-${run}`, trader);
  });

  test('the 个体工商户 registration issues a 营业执照 with a GB/T 36904 id, which the holder finds among their own', async () => {
    const caseId = await submitOnline(citizen, DEMO_SOLE_TRADER_MATTER_CODE, ['M01', 'M03'], `lic-set-${run}`, trader);
    const done = await approved(citizen, caseId);
    licenceId = done.result.licenceId;
    expect(licenceId).toMatch(/^1\.2\.156\.3005\.2\.000109002000\.11610113[0-9A-Z]{10}\.[0-9A-Z]+\.001\.[0-9A-Z]$/);
    const mine = await call('GET', '/v1/licences?mine=true', { token: citizen });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ licenceId, typeName: '营业执照', status: 'valid', version: 1 })]);
    const stranger = await citizenToken(`stranger-${run}`, { type: 'person', name: '路人', idNumber: '610113197707070022' });
    expect((await call('GET', '/v1/licences?mine=true', { token: stranger })).body.items).toEqual([]);
    expect((await call('GET', `/v1/licences/${licenceId}`, { token: stranger })).status).toBe(404);
    expect((await call('GET', '/v1/licences?mine=false', { token: citizen })).status).toBe(400);
  });

  test('its PDF rendition [E15]: the holder downloads it, it prints the licence, and anyone shown it checks it by its hash', async () => {
    const held = await call('GET', `/v1/licences/${licenceId}`, { token: citizen });
    expect(held.status).toBe(200);
    const { pdf: doc } = held.body;
    expect(doc).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), pages: 1, url: expect.stringContaining('licence-1.pdf') });
    const res = await fetch(doc.url);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([sha256(bytes), bytes.length]).toEqual([doc.sha256, doc.bytes]);
    const text = pdfText(bytes).join('').replace(/\s/g, '');
    for (const s of [licenceId, '营业执照', `持证主体：${trader.name}`, '证件号码：610113********0013']) expect(text).toContain(s);
    expect(text).not.toContain(trader.idNumber);
    const checked = await call('GET', `/v1/licences/${licenceId}/verify?sha256=${doc.sha256}`);
    expect(checked.body).toMatchObject({ valid: true, document: { sha256: doc.sha256, signed: true }, checked: { matches: 'document' } });
    expect((await call('GET', `/v1/licences/${licenceId}/verify?sha256=${sha256(Buffer.from('another pdf'))}`)).body).toMatchObject({ valid: false, checked: { matches: 'none' } });
    expect((await call('GET', `/v1/licences/${licenceId}/verify?sha256=xyz`)).status).toBe(400);
  });

  test('免提交 [E14]: the food licence asks nothing for its 营业执照 material; the case records the licence that served', async () => {
    const caseId = await submitOnline(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M04', 'M05'], `lic-food-${run}`, trader);
    const c = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
    expect(c.body.materials.find((m: any) => m.code === 'M02')).toMatchObject({ licenceId, verification: { kind: 'licence', valid: true } });
    const made = await call('POST', '/v1/cases', {
      token: citizen,
      body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant: trader, channel: 'online', materials: [{ code: 'M02', licenceId: 'LIC-ZW20260101AAAAAAAAAA' }] },
      headers: { 'Idempotency-Key': `lic-made-up-${run}` },
    });
    expect(made.status).toBe(422);
    expect(made.body.errors).toEqual(expect.arrayContaining([{ path: 'materials.0.licenceId', message: expect.stringContaining('there is no licence') }]));
  });

  test('revoked by the head of the issuing department only, once, with the reason; verification says so and names no holder [E16]', async () => {
    const handler = await token({ sub: `handler-rv-${run}`, roles: ['handler'], dept: DEPT, region: '610113' });
    const head = await token({ sub: `head-rv-${run}`, name: '张局长', roles: ['head'], dept: DEPT, region: '610113' });
    const otherHead = await token({ sub: `head-other-${run}`, roles: ['head'], dept: '610104-XZSP', region: '610104' });
    const revoke = (tok: string, body: unknown = { reason: '提交虚假材料取得登记' }) => call('POST', `/v1/licences/${licenceId}/revoke`, { token: tok, body });
    expect((await revoke(handler)).status).toBe(403);
    expect((await revoke(otherHead)).status).toBe(404);
    expect((await revoke(citizen)).status).toBe(403);
    expect((await revoke(head, {})).status).toBe(400);
    const ok = await revoke(head);
    expect([ok.status, ok.body.status, ok.body.revocation?.reason]).toEqual([200, 'revoked', '提交虚假材料取得登记']);
    expect((await revoke(head)).status).toBe(409);
    const v = await call('GET', `/v1/licences/${licenceId}/verify`);
    expect(v.body).toMatchObject({ valid: false, status: 'revoked', reason: 'the licence is revoked' });
    expect(JSON.stringify(v.body)).not.toContain(trader.idNumber);
    expect(JSON.stringify(v.body)).not.toContain(trader.name);
    expect((await call('GET', `/v1/licences/${licenceId.slice(0, -1)}${licenceId.endsWith('Q') ? 'R' : 'Q'}/verify`)).status).toBe(404);
  });
});
