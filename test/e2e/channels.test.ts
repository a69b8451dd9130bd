import { DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { pdfText } from '../support/pdf';
import { call, citizenToken, eventually, pdf, token, upload } from './client';

/**
 * The offline channels [N15] [H8] [H11] [H20]: a window files what its hall receives, a township station
 * files its county's matters (上下联办), a kiosk files in a session it started, and an identity number
 * typed wrong is caught at filing, whoever files.
 */
const run = Date.now().toString(36);
const MATERIALS = ['M01', 'M02', 'M04', 'M05'];
const person = (name: string, idNumber: string) => ({ type: 'person', name, idNumber });

async function file(tok: string, body: Record<string, unknown>, key: string) {
  const materials = await Promise.all(MATERIALS.map(async (code) => ({ code, objectKey: await upload(tok, pdf(code)) })));
  return call('POST', '/v1/cases', { token: tok, body: { matterCode: DEMO_FOOD_MATTER_CODE, materials, ...body }, headers: { 'Idempotency-Key': key } });
}

const mine = async (sub: string) => (await call('GET', '/v1/cases?mine=true', { token: await token({ sub, roles: ['citizen'] }) })).body.items;

test('a window files only what its hall receives ([H8] 一窗受理): a 新城区 clerk cannot take a 雁塔区 matter, and nothing is written', async () => {
  const clerk = await token({ sub: `clerk-xc-${run}`, roles: ['clerk'], dept: '610102-XZSP', region: '610102' });
  const applicant = `walkin-1-${run}`;
  const res = await file(clerk, { applicant: person('赵窗口', '610113199001011230'), channel: 'window', onBehalfOf: applicant }, `win-1-${run}`);
  expect(res.status).toBe(403);
  expect(res.contentType).toContain('application/problem+json');
  expect(res.body.detail).toContain('hall 610102');
  expect(res.body.detail).toContain('雁塔区');
  expect(await mine(applicant)).toEqual([]);
});

test('a township station is the county centre’s extension window ([H20] 上下联办): it files the county’s matter and the case records the hall', async () => {
  const clerk = await token({ sub: `clerk-xz-${run}`, name: '小寨路便民服务站', roles: ['clerk'], dept: '610113001-ZF', region: '610113' });
  const applicant = `walkin-2-${run}`;
  const res = await file(clerk, { applicant: person('钱站点', '61011319650101010X'), channel: 'window', onBehalfOf: applicant }, `win-2-${run}`);
  expect(res.status).toBe(201);
  const c = await call('GET', `/v1/cases/${res.body.caseId}`, { token: await token({ sub: applicant, roles: ['citizen'] }) });
  expect(c.body).toMatchObject({ channel: 'window', filedAt: { hall: '610113001' }, filedBy: { sub: `clerk-xz-${run}`, role: 'clerk' } });
});

test('a kiosk files in the session it started ([H11] 自助服务): the case and its receipt name the kiosk', async () => {
  const sub = `citizen-kiosk-${run}`;
  const kiosk = await citizenToken(sub, person('孙自助', '610104199909090905'), { kiosk: 'KIOSK-610113-0007' });
  const res = await file(kiosk, { applicant: person('孙自助', '610104199909090905'), channel: 'kiosk' }, `kiosk-1-${run}`);
  expect(res.status).toBe(201);
  const citizen = await token({ sub, roles: ['citizen'] });
  const c = await call('GET', `/v1/cases/${res.body.caseId}`, { token: citizen });
  expect(c.body).toMatchObject({ channel: 'kiosk', filedAt: { kiosk: 'KIOSK-610113-0007' } });
  const receipt = await eventually('the receipt PDF', async () => {
    const r = await call('GET', `/v1/cases/${res.body.caseId}/notices/${res.body.caseId}.N1`, { token: citizen });
    return r.status === 200 && r.body;
  });
  const text = pdfText(Buffer.from(await (await fetch(receipt.url)).arrayBuffer())).join('').replace(/\s/g, '');
  expect(text).toContain('通过政务服务自助终端（终端编号KIOSK-610113-0007）提交');
});

test('channel “kiosk” needs a kiosk session, and a kiosk session cannot pass for online (422 on channel)', async () => {
  const online = await token({ sub: `citizen-k2-${run}`, roles: ['citizen'] });
  const notKiosk = await file(online, { applicant: person('李网上', '610113199001011230'), channel: 'kiosk' }, `kiosk-2-${run}`);
  expect(notKiosk.status).toBe(422);
  expect(notKiosk.body.errors).toEqual([{ path: 'channel', message: 'must be online' }]);
  const kiosk = await token({ sub: `citizen-k3-${run}`, roles: ['citizen'], kiosk: 'KIOSK-610113-0002' });
  const pretend = await file(kiosk, { applicant: person('李网上', '610113199001011230'), channel: 'online' }, `kiosk-3-${run}`);
  expect(pretend.status).toBe(422);
  expect(pretend.body.errors).toEqual([{ path: 'channel', message: 'must be kiosk' }]);
});

test('an identity number typed wrong is refused with what is wrong (GB 11643 check character); corrected, the same key files it', async () => {
  const sub = `citizen-id-${run}`;
  const citizen = await citizenToken(sub, person('周身份', '610113199001011230'));
  const wrong = await file(citizen, { applicant: person('周身份', '610113199001011231'), channel: 'online' }, `id-1-${run}`);
  expect(wrong.status).toBe(422);
  expect(wrong.body.errors).toEqual([{ path: 'applicant.idNumber', message: expect.stringContaining('check character is 1') }]);
  expect(await mine(sub)).toEqual([]);
  const org = await file(citizen, { applicant: { type: 'org', name: '某公司', idNumber: '91350100M000100Y44' }, channel: 'online' }, `id-2-${run}`);
  expect(org.status).toBe(422);
  expect(org.body.errors[0].path).toBe('applicant.idNumber');
  const right = await file(citizen, { applicant: person('周身份', '610113199001011230'), channel: 'online' }, `id-1-${run}`);
  expect(right.status).toBe(201);
});
