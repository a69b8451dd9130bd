import { DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { call, pdf, token, upload, submitOnline, citizenToken } from './client';

/** A correction never answered is closed as returned (退件) once its period has run out, with a notice. */
test('the sweeper closes a case whose correction was not answered by its due date, and only then', async () => {
  const applicant = { type: 'person', name: '冯沉默', idNumber: '610113197502020208' };
  const citizen = await citizenToken('citizen-silent', applicant);
  const caseId = await submitOnline(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], 'silent-1', applicant);
  const clerk = await token({ sub: 'clerk-li', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
  await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'correction', missing: ['M04'], reason: '平面图缺失' } });
  const asked = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
  const answerBy: string = asked.body.notices.find((n: any) => n.kind === 'correction').body.answerBy;
  expect(answerBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // the scheduled run on the due date itself leaves it open …
  const onDue = await call('POST', '/local/schedules/SweeperSchedule/run', { body: { time: `${answerBy}T10:00:00+08:00` } });
  expect(onDue.body.closed).not.toContain(caseId);
  expect((await call('GET', `/v1/cases/${caseId}`, { token: citizen })).body.status).toBe('correction_required');

  // … the run after it closes the case as returned, with the notice
  const next = new Date(Date.parse(`${answerBy}T10:00:00+08:00`) + 86_400_000).toISOString();
  const swept = await call('POST', '/local/schedules/SweeperSchedule/run', { body: { time: next } });
  expect(swept.body.closed).toContain(caseId);
  const c = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
  expect(c.body.status).toBe('returned');
  expect(c.body.notices.find((n: any) => n.kind === 'return').body.reason).toContain('逾期未补齐补正');
  expect(c.body.timeline.at(-1)).toMatchObject({ action: 'close_unanswered_correction', from: 'correction_required', to: 'returned' });
  // the applicant may file the matter again: the case no longer holds the open-case marker
  const again = await submitOnline(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], 'silent-2', applicant);
  expect(again).not.toBe(caseId);
});
