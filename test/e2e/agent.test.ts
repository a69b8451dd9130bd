import { DEMO_PARALLEL_MATTER_CODE, DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { call, pdf, token, upload, citizenToken } from './client';

/** 代办 [H13] [H26] [H28]: a village agent files online for a resident who authorised them; the authorisation is checked. */
test('an agent files only with the resident’s stored authorisation, for the matters it names, until it expires or is revoked', async () => {
  const resident = await citizenToken('resident-ma', { type: 'person', name: '马大娘', idNumber: '610113194001010104' });
  const agent = await token({ sub: 'agent-village-1', name: '村代办员', roles: ['agent'], region: '610113' });
  const file = async (key: string, matterCode = DEMO_PARALLEL_MATTER_CODE) =>
    call('POST', '/v1/cases', {
      token: agent,
      body: { matterCode, applicant: { type: 'person', name: '马大娘', idNumber: '610113194001010104' }, channel: 'agent', onBehalfOf: 'resident-ma', materials: [{ code: 'M01', objectKey: await upload(agent, pdf('申请表')) }] },
      headers: { 'Idempotency-Key': key },
    });

  const without = await file('agent-0');
  expect(without.status).toBe(403);
  expect(without.body.detail).toContain('has not authorised');

  const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString();
  expect((await call('POST', '/v1/authorisations', { token: agent, body: { agentSub: 'agent-village-1', validUntil: inAYear } })).status).toBe(403);
  const granted = await call('POST', '/v1/authorisations', { token: resident, body: { agentSub: 'agent-village-1', matterCodes: [DEMO_PARALLEL_MATTER_CODE], validUntil: inAYear } });
  expect(granted.status).toBe(201);

  expect((await file('agent-food', DEMO_FOOD_MATTER_CODE)).status).toBe(403); // not a matter it names
  const filed = await file('agent-1');
  expect(filed.status).toBe(201);
  const seen = await call('GET', `/v1/cases/${filed.body.caseId}`, { token: resident });
  expect(seen.status).toBe(200);
  expect(seen.body).toMatchObject({ channel: 'agent', filedBy: { sub: 'agent-village-1', role: 'agent' } });

  expect((await call('POST', '/v1/cases/' + filed.body.caseId + '/withdraw', { token: resident })).status).toBe(200);
  expect((await call('POST', '/v1/authorisations/agent-village-1/revoke', { token: resident })).status).toBe(200);
  expect((await file('agent-2')).status).toBe(403);
});
