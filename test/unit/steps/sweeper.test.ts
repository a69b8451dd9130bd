import { WorkingDayCalendar } from '#shared/domain/calendar';
import { completeTask } from '#shared/domain/steps/complete-task';
import { renderCaseNotices } from '#shared/domain/steps/render-notices';
import { closeUnansweredCorrections, recomputeProvisionalDeadlines, sweepOwed } from '#shared/domain/steps/sweeper';
import { memoryPorts, TEST_CALENDAR } from '../support/memory-ports';
import { application, citizen, file, FOOD, FOOD_DEPT, PEOPLE, seedCatalog, staff } from '../support/fixtures';

const setup = () => {
  const ports = memoryPorts({ now: '2026-06-01T02:00:00Z' });
  seedCatalog(ports);
  return ports;
};
const wang = citizen(PEOPLE.wang);

describe('no case is stranded [N14]', () => {
  test('a workflow whose start was lost is started again by the sweeper', async () => {
    const ports = setup();
    const { caseId } = await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    ports.failStarts = true;
    expect((await completeTask(ports, staff('clerk-1', 'clerk', FOOD_DEPT), `${caseId}.A1`, { decision: 'accept' })).status).toBe('accepted');
    expect(ports.seen.started).toEqual([]);
    ports.failStarts = false;
    ports.setNow('2026-06-01T02:10:00Z');
    expect((await sweepOwed(ports, { minAgeSeconds: 120 })).redriven).toEqual([caseId]);
    expect(ports.seen.started).toEqual([{ kind: 'forwarding', caseId }]);
  });

  test('a correction never answered by its day closes the case as returned, with a notice saying why; not before', async () => {
    const ports = setup();
    const { caseId } = await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    await completeTask(ports, staff('clerk-1', 'clerk', FOOD_DEPT), `${caseId}.A1`, { decision: 'correction', missing: ['M04'], reason: 'x' });
    const due = ports.state.cases.get(caseId)!.case.correctionDue!;
    ports.setNow(`${due}T10:00:00+08:00`);
    expect(await closeUnansweredCorrections(ports)).toEqual([]);
    ports.setNow(`${TEST_CALENDAR.addWorkingDays(`${due}T10:00:00+08:00`, 1).date}T10:00:00+08:00`);
    expect(await closeUnansweredCorrections(ports)).toEqual([caseId]);
    const f = ports.state.cases.get(caseId)!;
    expect(f.case.status).toBe('returned');
    expect(f.notices.at(-1)!.body.reason).toContain(due);
  });

  test('provisional deadlines are counted again, once, when a calendar that knows their year is deployed', async () => {
    const ports = setup();
    // filed and accepted at the end of the last year the test calendar knows: the deadline lies past it
    ports.setNow('2026-12-28T02:00:00Z');
    const { caseId } = await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    await completeTask(ports, staff('clerk-1', 'clerk', FOOD_DEPT), `${caseId}.A1`, { decision: 'accept' });
    expect(ports.state.cases.get(caseId)!.case.deadlineProvisional).toBe(true);
    expect(await recomputeProvisionalDeadlines(ports)).toEqual([]);
    const newer = new WorkingDayCalendar({ holidays: { '2026-01-01': 'h', '2027-01-01': 'h' }, workdays: {} });
    const next = { ...ports, calendar: newer };
    expect(await recomputeProvisionalDeadlines(next)).toEqual([caseId]);
    expect(ports.state.cases.get(caseId)!.case.deadlineProvisional).toBe(false);
    expect(await recomputeProvisionalDeadlines(next)).toEqual([]);
  });
});

describe('notices as documents [N14]', () => {
  test('the unrendered notices of a case are rendered and recorded once, however often they are asked for', async () => {
    const ports = setup();
    const { caseId } = await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    expect(await renderCaseNotices(ports, caseId)).toEqual([`${caseId}.N1`]);
    expect(await renderCaseNotices(ports, caseId)).toEqual([]);
    expect(ports.state.cases.get(caseId)!.notices[0].pdf).toMatchObject({ pages: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});
