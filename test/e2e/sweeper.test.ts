import { DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { call, eventually, pdf, token, upload, citizenToken } from './client';

/**
 * No case is ever stranded (DESIGN.md "The flow"): when Step Functions refuses to start the forwarding
 * workflow, the accepted case keeps `pendingWorkflow` and the scheduled sweeper starts it again.
 */
test('an accepted case whose forwarding did not start is forwarded by the sweeper', async () => {
  const citizen = await citizenToken('citizen-sweep', { type: 'person', name: '孙稳', idNumber: '610113197707070700' });
  const clerk = await token({ sub: 'clerk-sweep', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
  const materials = await Promise.all(['M01', 'M02', 'M04', 'M05'].map(async (code) => ({ code, objectKey: await upload(citizen, pdf(code)) })));
  const sub = await call('POST', '/v1/cases', {
    token: citizen,
    body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant: { type: 'person', name: '孙稳', idNumber: '610113197707070700' }, channel: 'online', materials },
    headers: { 'Idempotency-Key': 'sweeper-1' },
  });
  expect(sub.status).toBe(201);
  const caseId = sub.body.caseId;

  await call('POST', '/local/faults', { body: { sfnStartExecution: 'fail' } });
  try {
    const acc = await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } });
    // the decision itself is committed: the clerk's work is not lost because a workflow did not start
    expect(acc.status).toBe(200);
    expect(acc.body.status).toBe('accepted');
  } finally {
    await call('POST', '/local/faults', { body: { sfnStartExecution: 'ok' } });
  }
  await new Promise((r) => setTimeout(r, 300));
  const stuck = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
  expect(stuck.body.status).toBe('accepted');

  const swept = await call('POST', '/local/schedules/SweeperSchedule/run', { body: { minAgeSeconds: 0 } });
  expect(swept.status).toBe(200);
  expect(swept.body.redriven).toContain(caseId);
  const c = await eventually('forwarding after the sweep', async () => {
    const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
    return r.body.status === 'in_review' && r.body;
  });
  expect(c.tasks.filter((t: any) => t.kind === 'review')).toHaveLength(1);

  // a second sweep finds nothing left to do
  const again = await call('POST', '/local/schedules/SweeperSchedule/run', { body: { minAgeSeconds: 0 } });
  expect(again.body.redriven).not.toContain(caseId);
});
