import { DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';

/** 雁塔区人社局's matter: its department keeps the register this file sets up, and no other journey works there. */
const REGISTER_MATTER = '002011001000-610113-RS';
const REGISTER_DEPT = '610113-RS';
import { call, citizenToken, eventually, submitOnline, token } from './client';

/** AB岗 ([H22] 顶岗补位): a taken task is its taker's; when they are away, the backup the head named acts. */
test('a taken review task is completed by its taker, or — while they are away — by their recorded backup or the head', async () => {
  const applicant = { type: 'person', name: '卫顶岗', idNumber: '61011319800303030X' };
  const citizen = await citizenToken('citizen-ab', applicant);
  const caseId = await submitOnline(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], 'ab-1', applicant);
  const clerk = await token({ sub: 'clerk-li', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
  await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } });
  await eventually('forwarding', async () => (await call('GET', `/v1/cases/${caseId}`, { token: citizen })).body.status === 'in_review');
  const review = `${caseId}.R1`;
  const a = await token({ sub: 'handler-a', name: '甲承办', roles: ['handler'], dept: '610113-XZSP', region: '610113' });
  const b = await token({ sub: 'handler-b', name: '乙承办', roles: ['handler'], dept: '610113-XZSP', region: '610113' });
  const c = await token({ sub: 'handler-c', name: '丙承办', roles: ['handler'], dept: '610113-XZSP', region: '610113' });
  const head = await token({ sub: 'head-sun', name: '孙负责', roles: ['head'], dept: '610113-XZSP', region: '610113' });

  const taken = await call('POST', `/v1/tasks/${review}/claim`, { token: a });
  expect(taken.body.assignee).toMatchObject({ sub: 'handler-a' });
  expect((await call('POST', `/v1/tasks/${review}/claim`, { token: b })).status).toBe(409);
  expect((await call('POST', `/v1/tasks/${review}/complete`, { token: b, body: { decision: 'approve' } })).status).toBe(403);

  // only the head records an absence; then the named backup (B岗) may act, and nobody else
  const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
  expect((await call('POST', '/v1/staff/absences', { token: b, body: { sub: 'handler-a', backup: 'handler-b', until, reason: '休假' } })).status).toBe(403);
  expect((await call('POST', '/v1/staff/absences', { token: head, body: { sub: 'handler-a', backup: 'handler-b', until, reason: '休假' } })).status).toBe(201);
  expect((await call('POST', `/v1/tasks/${review}/complete`, { token: c, body: { decision: 'approve' } })).status).toBe(403);
  const done = await call('POST', `/v1/tasks/${review}/complete`, { token: b, body: { decision: 'approve', opinion: 'B岗代为审查' } });
  expect(done.status).toBe(200);
  const view = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
  expect(view.body.tasks.find((t: any) => t.taskId === review)).toMatchObject({ assignee: { sub: 'handler-a' }, status: 'done' });
  expect(view.body.timeline.map((e: any) => e.action)).toContain('claim_task');
});

/** [N13] the department fixes who handles which step; changes are approved by the head and recorded. */
test('the head registers a member’s roles with a reason; the register narrows what the token allows; every change is on record', async () => {
  // a department no other journey uses: from its first entry on, the register is authoritative there (fail-closed)
  const applicant = { type: 'person', name: '褚权限', idNumber: '610113198104040400' };
  const citizen = await citizenToken('citizen-n13', applicant);
  const caseId = await submitOnline(citizen, REGISTER_MATTER, ['M01'], 'n13-1', applicant);
  const head = await token({ sub: 'head-rs', name: '孙负责', roles: ['head'], dept: REGISTER_DEPT, region: '610113' });
  // a token that says clerk, for someone the register makes a handler only
  const moved = await token({ sub: 'clerk-moved', name: '调岗人员', roles: ['clerk'], dept: REGISTER_DEPT, region: '610113' });
  expect((await call('POST', '/v1/staff/clerk-moved/roles', { token: moved, body: { roles: ['clerk'], reason: '自行授权' } })).status).toBe(403);
  const set = await call('POST', '/v1/staff/clerk-moved/roles', { token: head, body: { roles: ['handler'], reason: '调整至审查岗' } });
  expect(set.status).toBe(200);
  expect(set.body).toMatchObject({ roles: ['handler'], version: 1 });
  const refused = await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: moved, body: { decision: 'accept' } });
  expect(refused.status).toBe(403);
  expect(refused.body.detail).toContain('staff register');

  await call('POST', '/v1/staff/clerk-moved/roles', { token: head, body: { roles: ['clerk', 'handler'], reason: '恢复综合窗口岗' } });
  expect((await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: moved, body: { decision: 'accept' } })).status).toBe(200);

  const record = await call('GET', '/v1/staff', { token: head });
  const changes = record.body.changes.filter((ch: any) => ch.sub === 'clerk-moved');
  expect(changes.map((ch: any) => [ch.before, ch.after, ch.approvedBy])).toEqual([
    [[], ['handler'], 'head-rs'],
    [['handler'], ['clerk', 'handler'], 'head-rs'],
  ]);
  const supervisor = await token({ sub: 'supervisor-n13', roles: ['supervisor'], region: '610100' });
  expect((await call('GET', `/v1/staff?dept=${REGISTER_DEPT}`, { token: supervisor })).status).toBe(200);
  const otherHead = await token({ sub: 'head-lh', roles: ['head'], dept: '610104-XZSP', region: '610104' });
  expect((await call('GET', `/v1/staff?dept=${REGISTER_DEPT}`, { token: otherHead })).status).toBe(403);

  // the register is authoritative there now: a member of the department it does not list acts in no role
  const unlisted = await token({ sub: 'clerk-unlisted', name: '未登记人员', roles: ['clerk'], dept: REGISTER_DEPT, region: '610113' });
  const other = await citizenToken('citizen-n13-b', { type: 'person', name: '褚另一', idNumber: '610113198104040419' });
  const second = await submitOnline(other, REGISTER_MATTER, ['M01'], 'n13-2', { type: 'person', name: '褚另一', idNumber: '610113198104040419' });
  const fenced = await call('POST', `/v1/tasks/${second}.A1/complete`, { token: unlisted, body: { decision: 'accept' } });
  expect(fenced.status).toBe(403);
  expect(fenced.body.detail).toContain('staff register');
  expect((await call('GET', '/v1/tasks', { token: unlisted })).status).toBe(403);
});
