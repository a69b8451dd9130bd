import { addWorkingDays } from '#shared/adapters/calendar';
import { DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { call, eventually, pdf, token, upload, submitOnline, citizenToken } from './client';

/**
 * The time limit as a clock ([N14] [N20]; 行政许可法 第四十二、四十五条): a special procedure stops it, an
 * extension approved by the department head moves the deadline once, with a notice.
 */
test('a special procedure pauses the clock; the head extends the deadline once by up to ten working days, with a notice', async () => {
  const applicant = { type: 'person', name: '郑时限', idNumber: '61011319650101010X' };
  const citizen = await citizenToken('citizen-clock', applicant);
  const caseId = await submitOnline(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], 'clock-1', applicant);
  const clerk = await token({ sub: 'clerk-li', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
  await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } });
  const c = await eventually('forwarding', async () => {
    const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
    return r.body.status === 'in_review' && r.body;
  });
  const review = `${caseId}.R1`;
  const handler = await token({ sub: 'handler-zhao', roles: ['handler'], dept: '610113-XZSP', region: '610113' });
  const head = await token({ sub: 'head-sun', name: '孙负责', roles: ['head'], dept: '610113-XZSP', region: '610113' });
  const other = await token({ sub: 'head-lh', roles: ['head'], dept: '610104-XZSP', region: '610104' });

  const paused = await call('POST', `/v1/tasks/${review}/special-procedures`, { token: handler, body: { kind: 'inspection', reason: '需对经营场所进行现场核查并检测' } });
  expect(paused.status).toBe(200);
  expect(paused.body.clock.paused).toBe(true);
  expect((await call('POST', `/v1/tasks/${review}/special-procedures`, { token: handler, body: { kind: 'hearing', reason: 'x' } })).status).toBe(409);

  expect((await call('POST', `/v1/tasks/${review}/extension`, { token: handler, body: { days: 5, reason: '情况复杂' } })).status).toBe(403);
  expect((await call('POST', `/v1/tasks/${review}/extension`, { token: other, body: { days: 5, reason: '情况复杂' } })).status).toBe(403);
  expect((await call('POST', `/v1/tasks/${review}/extension`, { token: head, body: { days: 11, reason: '情况复杂' } })).status).toBe(400);
  const extended = await call('POST', `/v1/tasks/${review}/extension`, { token: head, body: { days: 5, reason: '情况复杂，需延长审查' } });
  expect(extended.status).toBe(200);
  expect(extended.body.clock.extensionDays).toBe(5);
  expect(extended.body.clock.deadline).toBe(addWorkingDays(c.acceptedAt, c.clock.promiseDays + 5).date);
  expect((await call('POST', `/v1/tasks/${review}/extension`, { token: head, body: { days: 2, reason: '再次' } })).status).toBe(422);

  const resumed = await call('POST', `/v1/tasks/${review}/special-procedures/end`, { token: handler, body: { result: '现场核查合格' } });
  expect(resumed.status).toBe(200);
  expect(resumed.body.clock.paused).toBe(false);
  expect((await call('POST', `/v1/tasks/${review}/special-procedures/end`, { token: handler, body: { result: 'x' } })).status).toBe(409);

  const after = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
  const notice = after.body.notices.find((n: any) => n.kind === 'extension');
  expect(notice).toMatchObject({ title: '延长办理期限告知书' });
  expect(notice.body).toMatchObject({ days: 5, deadline: extended.body.clock.deadline });
  expect(after.body.timeline.map((e: any) => e.action)).toEqual(expect.arrayContaining(['pause_clock', 'extend', 'resume_clock']));
});
