import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DEMO_FOOD_MATTER_CODE, DEMO_PARALLEL_MATTER_CODE } from '#shared/catalog/demo-seed';
import { call, ddb, eventually, pdf, tableName, token, upload, submitOnline, citizenToken } from './client';

const applicant = { type: 'person', name: '钱并发', idNumber: '610113198808080806' };

const submit = (citizen: string, matterCode: string, codes: string[], key: string) => submitOnline(citizen, matterCode, codes, key, applicant);

describe('every step is recorded and traceable [H9] [E17]: the audit trail is a hash chain', () => {
  test('the chain verifies; an event altered directly in DynamoDB breaks it at that event', async () => {
    const citizen = await citizenToken('citizen-audit', applicant);
    const caseId = await submit(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], 'audit-1');
    const clerk = await token({ sub: 'clerk-li', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
    expect((await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } })).status).toBe(200);
    const ok = await call('GET', `/v1/cases/${caseId}/audit/verify`, { token: citizen });
    expect(ok.body).toMatchObject({ valid: true });
    expect(ok.body.events).toBeGreaterThanOrEqual(2);

    // someone with database access rewrites who accepted the case
    await ddb().send(
      new UpdateCommand({
        TableName: tableName('CasesTable'),
        Key: { pk: `CASE#${caseId}`, sk: 'EVENT#000002' },
        UpdateExpression: 'SET actor.#n = :n',
        ExpressionAttributeNames: { '#n': 'name' },
        ExpressionAttributeValues: { ':n': '张冒名' },
      }),
    );
    const broken = await call('GET', `/v1/cases/${caseId}/audit/verify`, { token: citizen });
    expect(broken.body).toMatchObject({ valid: false, brokenAt: 2 });
  });
});

describe('optimistic locking on every case write', () => {
  test('50 concurrent completions of the same task give exactly one 200 and 49 × 409', async () => {
    const citizen = await citizenToken('citizen-race', applicant);
    const caseId = await submit(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], 'race-1');
    const clerk = await token({ sub: 'clerk-li', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: i % 2 ? { decision: 'accept' } : { decision: 'reject', reason: '并发测试' } }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const c = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
    // one decision, one event for it
    expect(c.body.timeline.filter((e: any) => e.action === 'accept' || e.action === 'reject')).toHaveLength(1);
    expect((await call('GET', `/v1/cases/${caseId}/audit/verify`, { token: citizen })).body.valid).toBe(true);
  });

  test('two departments deciding at the same instant both count, and the unified return starts exactly once', async () => {
    const citizen = await citizenToken('citizen-both', applicant);
    const caseId = await submit(citizen, DEMO_PARALLEL_MATTER_CODE, ['M01'], 'both-1');
    const clerk = await token({ sub: 'clerk-cl3', roles: ['clerk'], dept: '610113-CL', region: '610113' });
    expect((await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } })).status).toBe(200);
    const c = await eventually('forwarding', async () => {
      const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
      return r.body.status === 'in_review' && r.body;
    });
    const reviews = c.tasks.filter((t: any) => t.kind === 'review');
    const decided = await Promise.all(
      reviews.map(async (t: any) => call('POST', `/v1/tasks/${t.taskId}/complete`, { token: await token({ sub: `h-${t.dept}`, roles: ['handler'], dept: t.dept, region: '610113' }), body: { decision: 'approve' } })),
    );
    expect(decided.map((r) => r.status)).toEqual([200, 200]);
    expect(decided.map((r) => r.body.status).sort()).toEqual(['decided', 'in_review']);
    const done = await eventually('completion', async () => {
      const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
      return r.body.status === 'completed' && r.body.archive && r.body;
    });
    expect(done.result.opinions).toHaveLength(2);
    expect(done.timeline.filter((e: any) => e.action === 'unified_return')).toHaveLength(1);
    const runs = await call('GET', `/local/executions?contains=${caseId}-unified_return`);
    expect(runs.body.items).toHaveLength(1);
  });
});

describe('好差评 [N21] [H10]: one evaluation per completed case', () => {
  test('only after completion, only once, only by the applicant', async () => {
    const citizen = await citizenToken('citizen-eval', applicant);
    const caseId = await submit(citizen, DEMO_PARALLEL_MATTER_CODE, ['M01'], 'eval-1');
    expect((await call('POST', `/v1/cases/${caseId}/evaluation`, { token: citizen, body: { score: 5 } })).status).toBe(409);
    const clerk = await token({ sub: 'clerk-cl4', roles: ['clerk'], dept: '610113-CL', region: '610113' });
    await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } });
    const c = await eventually('forwarding', async () => {
      const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
      return r.body.status === 'in_review' && r.body;
    });
    for (const t of c.tasks.filter((x: any) => x.kind === 'review')) {
      await call('POST', `/v1/tasks/${t.taskId}/complete`, { token: await token({ sub: `h2-${t.dept}`, roles: ['handler'], dept: t.dept, region: '610113' }), body: { decision: 'approve' } });
    }
    await eventually('completion', async () => (await call('GET', `/v1/cases/${caseId}`, { token: citizen })).body.status === 'completed');
    const stranger = await token({ sub: 'citizen-stranger', roles: ['citizen'] });
    expect((await call('POST', `/v1/cases/${caseId}/evaluation`, { token: stranger, body: { score: 1 } })).status).toBe(404);
    expect((await call('POST', `/v1/cases/${caseId}/evaluation`, { token: citizen, body: { score: 9 } })).status).toBe(400);
    const first = await call('POST', `/v1/cases/${caseId}/evaluation`, { token: citizen, body: { score: 5, comment: '一次办好，很满意' } });
    expect(first.status).toBe(201);
    expect(first.body.evaluation).toMatchObject({ score: 5, comment: '一次办好，很满意' });
    expect((await call('POST', `/v1/cases/${caseId}/evaluation`, { token: citizen, body: { score: 1 } })).status).toBe(409);
  });
});

describe('投诉 ([N21] [H10] 投诉监督): complaints with a handling status', () => {
  test('an applicant complains; a supervisor sees it in the queue and records the handling once; both are in the audit trail', async () => {
    const citizen = await citizenToken('citizen-complain', applicant);
    const caseId = await submit(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], 'complain-1');
    const stranger = await token({ sub: 'citizen-nosy', roles: ['citizen'] });
    expect((await call('POST', `/v1/cases/${caseId}/complaints`, { token: stranger, body: { category: 'timeliness', text: 'x' } })).status).toBe(404);
    const filed = await call('POST', `/v1/cases/${caseId}/complaints`, { token: citizen, body: { category: 'timeliness', text: '提交三天无人受理' } });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'open', complaintId: `${caseId}.C1` });

    const supervisor = await token({ sub: 'supervisor-1', roles: ['supervisor'], region: '610000' });
    expect((await call('GET', '/v1/complaints?status=open', { token: citizen })).status).toBe(403);
    const queue = await call('GET', '/v1/complaints?status=open&limit=100', { token: supervisor });
    expect(queue.body.items.map((c: any) => c.complaintId)).toContain(`${caseId}.C1`);
    const handled = await call('POST', `/v1/complaints/${caseId}.C1/handle`, { token: supervisor, body: { result: '已督办受理部门当日受理', upheld: true } });
    expect(handled.status).toBe(200);
    expect(handled.body).toMatchObject({ status: 'handled', upheld: true });
    expect((await call('POST', `/v1/complaints/${caseId}.C1/handle`, { token: supervisor, body: { result: '再次', upheld: false } })).status).toBe(409);
    const after = await call('GET', '/v1/complaints?status=open&limit=100', { token: supervisor });
    expect(after.body.items.map((c: any) => c.complaintId)).not.toContain(`${caseId}.C1`);
    const c = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
    expect(c.body.timeline.map((e: any) => e.action)).toEqual(expect.arrayContaining(['complain', 'handle_complaint']));
  });
});
