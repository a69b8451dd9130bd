import http from 'node:http';
import { DEMO_FOOD_MATTER_CODE, DEMO_PARALLEL_MATTER_CODE } from '#shared/catalog/demo-seed';
import { call, citizenToken, endpoints, eventually, pdf, submitOnline, token, upload } from './client';

/**
 * What a hostile caller tried through the API, and what each now gets (issue 8): a problem+json with the
 * status API.md names, never a 5xx, and nothing written.
 */
const run = Date.now().toString(36);
const expectProblem = (res: { status: number; contentType: string; body: any }, status: number) => {
  expect([res.status, res.contentType.includes('application/problem+json')]).toEqual([status, true]);
  expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
};
const wu = { type: 'person', name: '吴敌意', idNumber: '610113199001011230' };
const materials = async (tok: string) => Promise.all(['M01', 'M02', 'M04', 'M05'].map(async (code) => ({ code, objectKey: await upload(tok, pdf(code)) })));

/** Sends raw bytes (the fetch API would re-encode them). */
function rawRequest(method: string, path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: any; contentType: string }> {
  const url = new URL(path, endpoints.apiUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('identity (API.md Identity) [N13]', () => {
  test('a token the province’s identity provider issued for another application is 401', async () => {
    const other = await token({ sub: `c-aud-${run}`, roles: ['citizen'], aud: 'another-application' });
    expectProblem(await call('GET', '/v1/cases?mine=true', { token: other }), 401);
  });

  test('a citizen filing in another person’s name and number is 403, and no case is made', async () => {
    const tok = await citizenToken(`c-imp-${run}`, wu);
    const res = await call('POST', '/v1/cases', {
      token: tok,
      body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant: { type: 'person', name: '王小明', idNumber: '610104199001010012' }, channel: 'online', materials: await materials(tok) },
      headers: { 'Idempotency-Key': `imp-${run}` },
    });
    expectProblem(res, 403);
    expect((await call('GET', '/v1/cases?mine=true', { token: tok })).body.items).toEqual([]);
  });

  test('with idType "other" the number is still the filer’s own: another number is 403', async () => {
    const tok = await citizenToken(`c-other-${run}`, wu);
    const res = await call('POST', '/v1/cases', {
      token: tok,
      body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant: { type: 'person', name: '吴敌意', idNumber: 'ANY-NUMBER-1', idType: 'other' }, channel: 'online', materials: await materials(tok) },
      headers: { 'Idempotency-Key': `other-${run}` },
    });
    expectProblem(res, 403);
  });

  test('a window filing records the clerk as the one who checked the applicant in person [H8]', async () => {
    const clerk = await token({ sub: `clerk-v-${run}`, name: '窗口核验员', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
    const res = await call('POST', '/v1/cases', {
      token: clerk,
      body: { matterCode: DEMO_PARALLEL_MATTER_CODE, applicant: { type: 'person', name: '窗口申请人', idNumber: '610113197001010116' }, channel: 'window', onBehalfOf: `walkin-v-${run}`, materials: [{ code: 'M01', objectKey: await upload(clerk, pdf('申请表')) }] },
      headers: { 'Idempotency-Key': `verifier-${run}` },
    });
    // 残疾人两项补贴 is received at the 雁塔区 hall, and accepted by the district 残联
    expect(res.status).toBe(201);
    const applicant = await token({ sub: `walkin-v-${run}`, roles: ['citizen'] });
    const c = await call('GET', `/v1/cases/${res.body.caseId}`, { token: applicant });
    expect(c.status).toBe(200);
    expect(c.body.filedBy).toMatchObject({ sub: `clerk-v-${run}`, role: 'clerk' });
    // the clerk has no lasting right to the case they filed for another department
    expectProblem(await call('GET', `/v1/cases/${res.body.caseId}`, { token: clerk }), 404);
  });
});

describe('no lasting rights: decided again on every request from the case as it is now', () => {
  test('an agent whose authorisation was revoked can no longer read or withdraw the case they filed [H26]', async () => {
    const resident = { type: 'person', name: '马二娘', idNumber: '610113194001010104' };
    const residentTok = await citizenToken(`resident-${run}`, resident);
    const agent = await token({ sub: `agent-${run}`, name: '村代办员', roles: ['agent'], region: '610113' });
    const until = new Date(Date.now() + 86_400_000).toISOString();
    expect((await call('POST', '/v1/authorisations', { token: residentTok, body: { agentSub: `agent-${run}`, validUntil: until } })).status).toBe(201);
    const filed = await call('POST', '/v1/cases', {
      token: agent,
      body: { matterCode: DEMO_PARALLEL_MATTER_CODE, applicant: resident, channel: 'agent', onBehalfOf: `resident-${run}`, materials: [{ code: 'M01', objectKey: await upload(agent, pdf('申请表')) }] },
      headers: { 'Idempotency-Key': `agent-${run}` },
    });
    expect(filed.status).toBe(201);
    expect((await call('GET', `/v1/cases/${filed.body.caseId}`, { token: agent })).status).toBe(200);
    expect((await call('POST', `/v1/authorisations/agent-${run}/revoke`, { token: residentTok })).status).toBe(200);
    expectProblem(await call('GET', `/v1/cases/${filed.body.caseId}`, { token: agent }), 404);
    expectProblem(await call('POST', `/v1/cases/${filed.body.caseId}/withdraw`, { token: agent }), 404);
    expect((await call('GET', `/v1/cases/${filed.body.caseId}`, { token: residentTok })).body.status).toBe('submitted');
  });

  test('the window clerk who filed a case cannot rate their own department’s service (好差评 is the applicant’s) [N21]', async () => {
    const clerk = await token({ sub: `clerk-e-${run}`, roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
    expectProblem(await call('POST', '/v1/cases/ZW20260101AAAAAAAAAA/evaluation', { token: clerk, body: { score: 5 } }), 403);
  });

  test('a clerk who types someone’s onBehalfOf at a hall that receives the matter learns that a case is open, not which one [N15]', async () => {
    const applicantTok = await citizenToken(`c-probe-${run}`, wu);
    const caseId = await submitOnline(applicantTok, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], `probe-own-${run}`, wu);
    // a township station receives its county's matters (上下联办), but is no department of this case
    const station = await token({ sub: `clerk-probe-${run}`, roles: ['clerk'], dept: '610113001-ZF', region: '610113' });
    const probe = await call('POST', '/v1/cases', {
      token: station,
      body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant: wu, channel: 'window', onBehalfOf: `c-probe-${run}`, materials: await materials(station) },
      headers: { 'Idempotency-Key': `probe-${run}` },
    });
    expectProblem(probe, 409);
    expect(probe.body).not.toHaveProperty('caseId');
    expect(probe.body).not.toHaveProperty('receiptNo');
    expect(JSON.stringify(probe.body)).not.toContain(caseId);
  });

  test('a licence is read by its holder, not by anyone with its number (the verification stays public) [E15]', async () => {
    const stranger = await citizenToken(`c-lic-${run}`, wu);
    expectProblem(await call('GET', '/v1/licences/LIC-ZW20260101AAAAAAAAAA'), 401);
    expectProblem(await call('GET', '/v1/licences/LIC-ZW20260101AAAAAAAAAA', { token: stranger }), 404);
  });
});

describe('bad input is never a 5xx (API.md Conventions)', () => {
  let citizen: string;
  beforeAll(async () => {
    citizen = await citizenToken(`c-bad-${run}`, wu);
    await submitOnline(citizen, DEMO_PARALLEL_MATTER_CODE, ['M01'], `bad-own-${run}`, wu);
  });

  test('a junk, forged or tampered cursor is 400, never the first page', async () => {
    const junk = await call('GET', '/v1/cases?mine=true&cursor=not-a-cursor', { token: citizen });
    expectProblem(junk, 400);
    expect(junk.body.errors).toEqual([{ path: 'cursor', message: 'invalid' }]);
    const forged = Buffer.from(JSON.stringify({ l: 'cases.mine', k: { pk: 'CASE#X', sk: 'CASE', gsi1pk: 'APPLICANT#someone-else', gsi1sk: 'x' } })).toString('base64url');
    expectProblem(await call('GET', `/v1/cases?mine=true&cursor=${forged}`, { token: citizen }), 400);
    const structure = Buffer.from(JSON.stringify({ l: 'cases.mine', k: { pk: { S: 'x' } } })).toString('base64url');
    expectProblem(await call('GET', `/v1/cases?mine=true&cursor=${structure}`, { token: citizen }), 400);
  });

  test('a cursor issued to another caller, or for another list, is 400', async () => {
    const clerk = await token({ sub: `clerk-c-${run}`, roles: ['clerk'], dept: '610113-CL', region: '610113' });
    const page = await call('GET', '/v1/tasks?limit=1', { token: clerk });
    expect(page.status).toBe(200);
    expect(page.body.nextCursor).not.toBeNull();
    expectProblem(await call('GET', `/v1/cases?mine=true&cursor=${page.body.nextCursor}`, { token: citizen }), 400);
    const otherDept = await token({ sub: `clerk-d-${run}`, roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
    expectProblem(await call('GET', `/v1/tasks?cursor=${page.body.nextCursor}`, { token: otherDept }), 400);
    expect((await call('GET', `/v1/tasks?limit=1&cursor=${page.body.nextCursor}`, { token: clerk })).status).toBe(200);
  });

  test('a percent-encoding the gateway already decoded (%25) is decoded once: a 404, not a 500', async () => {
    expectProblem(await call('GET', '/v1/cases/%25', { token: citizen }), 404);
    expectProblem(await call('GET', '/v1/cases/%2525', { token: citizen }), 404);
    expectProblem(await call('GET', '/v1/matters/%25'), 404);
    expectProblem(await call('POST', `/v1/authorisations/%25/revoke`, { token: citizen }), 404);
  });

  test('invalid percent-encoding in the path or the query is 400', async () => {
    for (const path of ['/v1/cases/%zz', '/v1/cases/%E4%B8']) expectProblem(await call('GET', path, { token: citizen }), 400);
    expectProblem(await call('GET', '/v1/matters?q=%E4%B8', { token: citizen }), 400);
  });

  test('a body that is not valid UTF-8 is 400, and nothing is filed', async () => {
    const body = Buffer.concat([Buffer.from('{"score": 5, "comment": "'), Buffer.from([0xe4, 0xb8]), Buffer.from('"}')]);
    const res = await rawRequest('POST', '/v1/cases/ZW20260101AAAAAAAAAA/evaluation', { authorization: `Bearer ${citizen}`, 'content-type': 'application/json' }, body);
    expectProblem(res, 400);
    expect(res.body.detail).toContain('UTF-8');
  });

  test('a body over 1 MiB is 413', async () => {
    // withdrawal takes no body, so no request model stands before the handler's own limit
    const big = Buffer.from(JSON.stringify({ padding: 'x'.repeat(1024 * 1024) }));
    expectProblem(await rawRequest('POST', '/v1/cases/ZW20260101AAAAAAAAAA/withdraw', { authorization: `Bearer ${citizen}`, 'content-type': 'application/json' }, big), 413);
  });

  test('a form over 64 KiB, or nested deeper than 8 levels, is 422 on form; nothing is filed', async () => {
    const tok = await citizenToken(`c-form-${run}`, { type: 'person', name: '吴表单', idNumber: '610113197001010116' });
    const ms = await materials(tok);
    const send = (form: unknown, key: string) => call('POST', '/v1/cases', { token: tok, body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant: { type: 'person', name: '吴表单', idNumber: '610113197001010116' }, channel: 'online', form, materials: ms }, headers: { 'Idempotency-Key': key } });
    const big = await send({ 说明: 'x'.repeat(70 * 1024) }, `form-big-${run}`);
    expectProblem(big, 422);
    expect(big.body.errors[0].path).toBe('form');
    const deep = await send(JSON.parse('{"a":'.repeat(12) + '1' + '}'.repeat(12)), `form-deep-${run}`);
    expectProblem(deep, 422);
    expect(deep.body.errors[0].path).toBe('form');
    // a form near DynamoDB's 400 KB item limit used to answer 500
    expectProblem(await send({ 说明: 'x'.repeat(450 * 1024) }, `form-huge-${run}`), 422);
    expect((await call('GET', '/v1/cases?mine=true', { token: tok })).body.items).toEqual([]);
  });

  test('a body the gateway’s model refuses names each failing path', async () => {
    const res = await call('POST', '/v1/cases', { token: citizen, body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant: { type: 'alien', name: '', idNumber: '1' }, channel: 'online', materials: [], extra: 1 }, headers: { 'Idempotency-Key': `model-${run}` } });
    expectProblem(res, 400);
    const said = JSON.stringify(res.body.errors);
    for (const path of ['/applicant/type', '/applicant/name', '/applicant/idNumber', 'extra']) expect(said).toContain(path);
  });

  test('a missing required header is named', async () => {
    const res = await call('POST', '/v1/cases', { token: citizen, body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant: wu, channel: 'online', materials: [] } });
    expectProblem(res, 400);
    expect(res.body.detail).toContain('Idempotency-Key');
  });

  test('a catalog proposal carrying storage keys is 422 naming each, and nothing is proposed', async () => {
    const admin = await token({ sub: `admin-${run}`, roles: ['catalog_admin'], dept: '610113-XZSP', region: '610113' });
    const { version, status, ...guide } = (await call('GET', `/v1/matters/${DEMO_FOOD_MATTER_CODE}`)).body;
    const res = await call('POST', '/v1/catalog/changes', { token: admin, body: { op: 'add', matters: [{ ...guide, code: `${DEMO_FOOD_MATTER_CODE}-K${run}`, pk: 'MATTER#victim', sk: 'CURRENT', pubPk: 'PUBLISHED#610113' }], reason: 'x' } });
    expectProblem(res, 422);
    expect(res.body.errors.map((e: any) => e.path).sort()).toEqual(['matters.0.pk', 'matters.0.pubPk', 'matters.0.sk']);
    const patched = await call('POST', '/v1/catalog/changes', { token: admin, body: { op: 'change', codes: [DEMO_FOOD_MATTER_CODE], patch: { pk: 'MATTER#victim', phone: '029-1' }, reason: 'x' } });
    expectProblem(patched, 422);
    expect(patched.body.errors).toEqual([{ path: 'patch.pk', message: 'not a catalog field' }]);
  });
});

test('the forwarding of a hostile-callers case still runs (the platform is unharmed)', async () => {
  const tok = await citizenToken(`c-after-${run}`, { type: 'person', name: '吴之后', idNumber: '610113199001011230' });
  const caseId = await submitOnline(tok, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], `after-${run}`, { type: 'person', name: '吴之后', idNumber: '610113199001011230' });
  const clerk = await token({ sub: 'clerk-li', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
  expect((await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } })).status).toBe(200);
  await eventually('forwarding', async () => (await call('GET', `/v1/cases/${caseId}`, { token: tok })).body.status === 'in_review');
});
