import { DEMO_PARALLEL_MATTER_CODE, DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { call, eventually, pdf, token, upload, submitOnline, citizenToken } from './client';

/** The other decisions of [N14] through the API: a department denies, a clerk returns, an applicant withdraws. */
const applicant = { type: 'person', name: '周其他', idNumber: '610113196606060605' };

const submit = (citizen: string, matterCode: string, codes: string[], key: string) => submitOnline(citizen, matterCode, codes, key, applicant);

test('one department denies: one result (不予许可), no licence, and the case is still archived', async () => {
  const citizen = await citizenToken('citizen-zhou', applicant);
  const caseId = await submit(citizen, DEMO_PARALLEL_MATTER_CODE, ['M01'], 'deny-1');
  const clerk = await token({ sub: 'clerk-cl2', roles: ['clerk'], dept: '610113-CL', region: '610113' });
  expect((await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } })).status).toBe(200);
  const c = await eventually('forwarding', async () => {
    const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
    return r.body.status === 'in_review' && r.body;
  });
  const [first, second] = c.tasks.filter((t: any) => t.kind === 'review');
  const h1 = await token({ sub: 'h1', roles: ['handler'], dept: first.dept, region: '610113' });
  const h2 = await token({ sub: 'h2', roles: ['head'], dept: second.dept, region: '610113' });
  expect((await call('POST', `/v1/tasks/${first.taskId}/complete`, { token: h1, body: { decision: 'approve' } })).body.status).toBe('in_review');
  expect((await call('POST', `/v1/tasks/${second.taskId}/complete`, { token: h2, body: { decision: 'deny', reason: '不符合重度残疾人护理补贴条件' } })).body.status).toBe('decided');
  const done = await eventually('completion', async () => {
    const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
    return r.body.status === 'completed' && r.body.archive && r.body;
  });
  expect(done.result.outcome).toBe('denied');
  expect(done.result.licenceId).toBeUndefined();
  expect(done.notices.find((n: any) => n.kind === 'decision').body.outcome).toBe('denied');
});

test('a clerk returns a case (退件) with a reason; it is terminal and the reason is on the notice', async () => {
  const citizen = await citizenToken('citizen-zhou2', applicant);
  const caseId = await submit(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], 'return-1');
  const clerk = await token({ sub: 'clerk-li', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
  const res = await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'return', reason: '申请事项应向莲湖区提出' } });
  expect(res.body.status).toBe('returned');
  const c = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
  expect(c.body.notices.find((n: any) => n.kind === 'return').body.reason).toBe('申请事项应向莲湖区提出');
  const withdraw = await call('POST', `/v1/cases/${caseId}/withdraw`, { token: citizen });
  expect(withdraw.status).toBe(409);
  expect(withdraw.body.allowed).toEqual([]);
});

test('an applicant withdraws before acceptance; the acceptance task leaves the queue', async () => {
  const citizen = await citizenToken('citizen-zhou3', applicant);
  const caseId = await submit(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], 'withdraw-1');
  const res = await call('POST', `/v1/cases/${caseId}/withdraw`, { token: citizen });
  expect(res.status).toBe(200);
  expect(res.body.status).toBe('withdrawn');
  const clerk = await token({ sub: 'clerk-li', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
  const queue = await call('GET', '/v1/tasks?status=open&limit=100', { token: clerk });
  expect(queue.body.items.map((t: any) => t.caseId)).not.toContain(caseId);
  {
    const accept = await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } });
    expect(accept.status).toBe(409);
  }
});
