import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { call, ddb, pdf, sha256, tableName, token, upload, citizenToken } from './client';

/**
 * Bad input gets the status API.md names, as problem+json, and leaves nothing half-written: a refused
 * intake leaves no case, no event, no task and no idempotency record that would block a corrected retry.
 */
const applicant = { type: 'person', name: '陈坏例', idNumber: '610104198805050015' };
let citizen: string;

const expectProblem = (res: { status: number; contentType: string; body: any }, status: number) => {
  expect(res.status).toBe(status);
  expect(res.contentType).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
};

/**
 * The items of a table, leaving out what the stream's supervision writes on its own time after any
 * step (watch days, alerts, counters and their markers [N20]): those land whenever the stream is read,
 * from this test's steps or an earlier test's, and are not what a request wrote.
 */
const SUPERVISION_ITEMS = {
  FilterExpression: 'NOT (begins_with(pk, :metrics) OR begins_with(pk, :counted) OR pk = :guides OR sk = :watch OR begins_with(sk, :alert))',
  ExpressionAttributeValues: { ':metrics': 'METRICS#', ':counted': 'COUNTED#', ':guides': 'GUIDE_ALERTS', ':watch': 'WATCH', ':alert': 'ALERT#' },
};
async function countItems(prefix: string): Promise<number> {
  let n = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const res = await ddb().send(new ScanCommand({ TableName: tableName(prefix), Select: 'COUNT', ExclusiveStartKey: start, ...(prefix === 'CasesTable' ? SUPERVISION_ITEMS : {}) }));
    n += res.Count ?? 0;
    start = res.LastEvaluatedKey;
  } while (start);
  return n;
}

beforeAll(async () => {
  citizen = await citizenToken('citizen-chen', applicant);
});

describe('refused requests answer with problem+json', () => {
  test('malformed JSON is 400', async () => {
    expectProblem(await call('POST', '/v1/cases', { token: citizen, raw: '{"matterCode":', headers: { 'Idempotency-Key': 'bad-json' } }), 400);
    expectProblem(await call('POST', '/v1/uploads', { token: citizen, raw: 'not json' }), 400);
  });

  test('a body that does not match the schema is 400', async () => {
    expectProblem(await call('POST', '/v1/uploads', { token: citizen, body: { fileName: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: 'xyz' } }), 400);
  });

  test('an intake without an Idempotency-Key is 400', async () => {
    expectProblem(await call('POST', '/v1/cases', { token: citizen, body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant, channel: 'online', materials: [] } }), 400);
  });

  test('an unknown matter is 422', async () => {
    const res = await call('POST', '/v1/cases', { token: citizen, body: { matterCode: 'NO-SUCH-MATTER', applicant, channel: 'online', materials: [] }, headers: { 'Idempotency-Key': 'unknown-matter' } });
    expectProblem(res, 422);
    expect(res.body.errors).toEqual([{ path: 'matterCode', message: 'unknown matter' }]);
  });

  test('a missing token is 401; an expired or forged token is 401', async () => {
    expectProblem(await call('GET', '/v1/tasks'), 401);
    const expired = await token({ sub: 'citizen-chen', roles: ['citizen'], ttlSeconds: -300 });
    expectProblem(await call('GET', '/v1/cases?mine=true', { token: expired }), 401);
    const [h, p, s] = citizen.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, roles: ['supervisor'] })).toString('base64url')}.${s}`;
    expectProblem(await call('GET', '/v1/cases?mine=true', { token: forged }), 401);
  });

  test('a role that may not file is 403', async () => {
    const sup = await token({ sub: 'sup-1', roles: ['supervisor'] });
    expectProblem(await call('POST', '/v1/cases', { token: sup, body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant, channel: 'online', materials: [] }, headers: { 'Idempotency-Key': 'sup' } }), 403);
  });

  test('a case that is not the caller’s is 404', async () => {
    const other = await token({ sub: 'someone-else', roles: ['citizen'] });
    expectProblem(await call('GET', '/v1/cases/ZW20260101AAAAAAAAAA', { token: other }), 404);
  });
});

describe('a refused intake leaves nothing half-written', () => {
  test('missing required materials are 422, listed at once, and nothing is written; the corrected retry with the same key succeeds', async () => {
    const before = { cases: await countItems('CasesTable'), idem: await countItems('IdempotencyTable') };
    const m01 = await upload(citizen, pdf('申请书'));
    const body = { matterCode: DEMO_FOOD_MATTER_CODE, applicant, channel: 'online', materials: [{ code: 'M01', objectKey: m01 }] };
    const refused = await call('POST', '/v1/cases', { token: citizen, body, headers: { 'Idempotency-Key': 'retry-me' } });
    expectProblem(refused, 422);
    expect(refused.body.errors.map((e: any) => e.message).join(' ')).toMatch(/M02.*M04.*M05/);
    expect(await countItems('CasesTable')).toBe(before.cases);
    expect(await countItems('IdempotencyTable')).toBe(before.idem);

    const m02 = await upload(citizen, pdf('营业执照扫描件'));
    const m04 = await upload(citizen, pdf('平面图'));
    const m05 = await upload(citizen, pdf('健康证明'));
    const fixed = { ...body, materials: [...body.materials, { code: 'M02', objectKey: m02 }, { code: 'M04', objectKey: m04 }, { code: 'M05', objectKey: m05 }] };
    const ok = await call('POST', '/v1/cases', { token: citizen, body: fixed, headers: { 'Idempotency-Key': 'retry-me' } });
    expect(ok.status).toBe(201);
    // the case, what was filed, its first event, its acceptance task, its receipt and the applicant's open-case marker
    expect(await countItems('CasesTable')).toBe(before.cases + 6);
  });

  test('a material whose bytes do not match their declared sha256 is 422', async () => {
    const bytes = pdf('真实内容');
    const liar = await upload(citizen, bytes, 'plan.pdf', sha256('other bytes'));
    const good = [await upload(citizen, pdf('a')), await upload(citizen, pdf('b'))];
    const res = await call('POST', '/v1/cases', {
      token: citizen,
      body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant, channel: 'online', materials: [{ code: 'M01', objectKey: liar }, { code: 'M04', objectKey: good[0] }, { code: 'M05', objectKey: good[1] }] },
      headers: { 'Idempotency-Key': 'wrong-sha' },
    });
    expectProblem(res, 422);
    expect(res.body.errors[0]).toMatchObject({ path: 'materials.0.objectKey', message: expect.stringContaining('sha256') });
  });

  test('someone else’s upload cannot be filed', async () => {
    const other = await token({ sub: 'citizen-other', roles: ['citizen'] });
    const theirs = await upload(other, pdf('not yours'));
    const res = await call('POST', '/v1/cases', {
      token: citizen,
      body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant, channel: 'online', materials: [{ code: 'M01', objectKey: theirs }] },
      headers: { 'Idempotency-Key': 'not-mine' },
    });
    expectProblem(res, 422);
  });
});

describe('tasks are completed once, by their own department [N13]', () => {
  let taskId: string;
  beforeAll(async () => {
    // another applicant: citizen-chen's food licence case above is still open (one open case per matter)
    const applicant2 = { type: 'person', name: '陈另一', idNumber: '610104199001010012' };
    const other = await citizenToken('citizen-chen-2', applicant2);
    const ms = await Promise.all(['M01', 'M02', 'M04', 'M05'].map(async (code) => ({ code, objectKey: await upload(other, pdf(code)) })));
    const res = await call('POST', '/v1/cases', { token: other, body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant: applicant2, channel: 'online', materials: ms }, headers: { 'Idempotency-Key': 'task-rules' } });
    expect(res.status).toBe(201);
    taskId = `${res.body.caseId}.A1`;
  });

  test('another department’s clerk gets 403', async () => {
    const stranger = await token({ sub: 'clerk-lianhu', roles: ['clerk'], dept: '610104-XZSP', region: '610104' });
    expectProblem(await call('POST', `/v1/tasks/${taskId}/complete`, { token: stranger, body: { decision: 'accept' } }), 403);
  });

  test('a citizen cannot complete a task (403)', async () => {
    expectProblem(await call('POST', `/v1/tasks/${taskId}/complete`, { token: citizen, body: { decision: 'accept' } }), 403);
  });

  test('a correction naming a material the matter does not have is 422', async () => {
    const clerk = await token({ sub: 'clerk-li', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
    expectProblem(await call('POST', `/v1/tasks/${taskId}/complete`, { token: clerk, body: { decision: 'correction', missing: ['M99'], reason: 'x' } }), 422);
  });

  test('a review decision on an acceptance task is 422', async () => {
    const clerk = await token({ sub: 'clerk-li', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
    expectProblem(await call('POST', `/v1/tasks/${taskId}/complete`, { token: clerk, body: { decision: 'approve' } }), 422);
  });

  test('completing a task twice is 409', async () => {
    const clerk = await token({ sub: 'clerk-li', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
    const first = await call('POST', `/v1/tasks/${taskId}/complete`, { token: clerk, body: { decision: 'reject', reason: '不属于本部门受理范围' } });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('rejected');
    expectProblem(await call('POST', `/v1/tasks/${taskId}/complete`, { token: clerk, body: { decision: 'accept' } }), 409);
  });

  test('an unknown task is 404', async () => {
    const clerk = await token({ sub: 'clerk-li', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
    expectProblem(await call('POST', '/v1/tasks/ZW20260101AAAAAAAAAA.A1/complete', { token: clerk, body: { decision: 'accept' } }), 404);
  });
});
