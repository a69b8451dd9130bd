import { DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { call, pdf, token, upload, citizenToken } from './client';

/**
 * [N15] [H8]: one record whatever the channel. The same applicant filing the same matter again while a
 * case is open — online, at the window or through an agent — is answered with the existing case.
 */
const applicant = { type: 'person', name: '吴一次', idNumber: '610113197001010108' };
const materials = async (tok: string) => Promise.all(['M01', 'M02', 'M04', 'M05'].map(async (code) => ({ code, objectKey: await upload(tok, pdf(code)) })));

test('a second filing of an open matter, by any channel, is 409 naming the open case; after withdrawal a new one is taken', async () => {
  const citizen = await citizenToken('citizen-wu', applicant);
  const first = await call('POST', '/v1/cases', { token: citizen, body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant, channel: 'online', materials: await materials(citizen) }, headers: { 'Idempotency-Key': 'once-1' } });
  expect(first.status).toBe(201);

  const again = await call('POST', '/v1/cases', { token: citizen, body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant, channel: 'online', materials: await materials(citizen) }, headers: { 'Idempotency-Key': 'once-2' } });
  expect(again.status).toBe(409);
  expect(again.body).toMatchObject({ caseId: first.body.caseId, receiptNo: first.body.receiptNo });

  const clerk = await token({ sub: 'clerk-window', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
  const atWindow = await call('POST', '/v1/cases', {
    token: clerk,
    body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant, channel: 'window', onBehalfOf: 'citizen-wu', materials: await materials(clerk) },
    headers: { 'Idempotency-Key': 'once-window' },
  });
  expect(atWindow.status).toBe(409);
  expect(atWindow.body.caseId).toBe(first.body.caseId);

  expect((await call('POST', `/v1/cases/${first.body.caseId}/withdraw`, { token: citizen })).status).toBe(200);
  const fresh = await call('POST', '/v1/cases', { token: citizen, body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant, channel: 'online', materials: await materials(citizen) }, headers: { 'Idempotency-Key': 'once-3' } });
  expect(fresh.status).toBe(201);
  expect(fresh.body.caseId).not.toBe(first.body.caseId);
});

test('ten simultaneous filings of the same matter by one applicant make exactly one case', async () => {
  const citizen = await citizenToken('citizen-rush', applicant);
  const ms = await materials(citizen);
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      call('POST', '/v1/cases', { token: citizen, body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant, channel: 'online', materials: ms }, headers: { 'Idempotency-Key': `rush-${i}` } }),
    ),
  );
  const created = results.filter((r) => r.status === 201);
  expect(created).toHaveLength(1);
  expect(results.filter((r) => r.status === 409).every((r) => r.body.caseId === created[0].body.caseId)).toBe(true);
  const mine = await call('GET', '/v1/cases?mine=true', { token: citizen });
  expect(mine.body.items).toHaveLength(1);
});
