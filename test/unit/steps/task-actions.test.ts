import { Conflict, Forbidden, Invalid } from '#shared/domain/errors';
import { completeTask } from '#shared/domain/steps/complete-task';
import { listOpenTasks } from '#shared/domain/steps/reads';
import { recordAbsence, setStaffRoles, staffRecord } from '#shared/domain/steps/staff';
import { claimTask, endSpecialProcedure, extendDeadline, recordOfflineStep, startSpecialProcedure } from '#shared/domain/steps/task-actions';
import { memoryPorts } from '../support/memory-ports';
import { caseInReview, FOOD_DEPT, refusal, seedCatalog, staff } from '../support/fixtures';

const setup = () => {
  const ports = memoryPorts({ now: '2026-06-01T02:00:00Z' });
  seedCatalog(ports);
  return ports;
};
const a = staff('handler-a', 'handler', FOOD_DEPT, { name: '甲承办' });
const b = staff('handler-b', 'handler', FOOD_DEPT, { name: '乙承办' });
const head = staff('head-sun', 'head', FOOD_DEPT);

describe('taking a task, 首问负责 [H10] and AB岗 [H22]', () => {
  test('the first of the department to take a task has it; a second taker is 409; the taker taking it again is no change', async () => {
    const ports = setup();
    const caseId = await caseInReview(ports);
    expect((await claimTask(ports, a, `${caseId}.R1`)).assignee).toMatchObject({ sub: 'handler-a' });
    const err = await refusal(claimTask(ports, b, `${caseId}.R1`));
    expect(err).toBeInstanceOf(Conflict);
    expect(err.message).toContain('甲承办');
    await claimTask(ports, a, `${caseId}.R1`);
    expect(ports.state.cases.get(caseId)!.events.filter((e) => e.action === 'claim_task')).toHaveLength(1);
  });

  test('a taken task is completed by its taker, the head, or the backup the head recorded while the taker is away', async () => {
    const ports = setup();
    const caseId = await caseInReview(ports);
    await claimTask(ports, a, `${caseId}.R1`);
    expect(await refusal(completeTask(ports, b, `${caseId}.R1`, { decision: 'approve' }))).toBeInstanceOf(Forbidden);
    expect(await refusal(recordAbsence(ports, b, { sub: 'handler-a', backup: 'handler-b', until: '2026-06-08T00:00:00Z', reason: '休假' }))).toBeInstanceOf(Forbidden);
    await recordAbsence(ports, head, { sub: 'handler-a', backup: 'handler-b', until: '2026-06-08T00:00:00Z', reason: '休假' });
    expect(await refusal(completeTask(ports, staff('handler-c', 'handler', FOOD_DEPT), `${caseId}.R1`, { decision: 'approve' }))).toBeInstanceOf(Forbidden);
    expect((await completeTask(ports, b, `${caseId}.R1`, { decision: 'approve', opinion: 'B岗代为审查' })).status).toBe('decided');
  });

  test('an absence is for someone else, and until a time to come (422)', async () => {
    const ports = setup();
    expect(await refusal(recordAbsence(ports, head, { sub: 'handler-a', backup: 'handler-a', until: '2026-06-08T00:00:00Z', reason: 'x' }))).toBeInstanceOf(Invalid);
    expect(await refusal(recordAbsence(ports, head, { sub: 'handler-a', backup: 'handler-b', until: '2026-05-01T00:00:00Z', reason: 'x' }))).toBeInstanceOf(Invalid);
  });
});

describe('the staff register [N13] [E27]', () => {
  test('the head sets a member’s roles with a reason; every change is on record; the register then narrows what tokens allow, fail-closed', async () => {
    const ports = setup();
    const caseId = await caseInReview(ports);
    expect(await refusal(setStaffRoles(ports, a, 'handler-a', { roles: ['head'], reason: '自行授权' }))).toBeInstanceOf(Forbidden);
    expect(await setStaffRoles(ports, head, 'handler-a', { roles: ['clerk'], reason: '调整至窗口岗' })).toMatchObject({ roles: ['clerk'], version: 1 });
    // the register does not give handler-a the handler role now, and does not list handler-b at all
    for (const who of [a, b]) {
      const err = await refusal(completeTask(ports, who, `${caseId}.R1`, { decision: 'approve' }));
      expect(err).toBeInstanceOf(Forbidden);
      expect(err.message).toContain('staff register');
    }
    expect(await refusal(listOpenTasks(ports, b, { limit: 20 }))).toBeInstanceOf(Forbidden);
    await setStaffRoles(ports, head, 'handler-b', { roles: ['handler'], reason: '审查岗' });
    expect((await completeTask(ports, b, `${caseId}.R1`, { decision: 'approve' })).status).toBe('decided');
    const record = await staffRecord(ports, head, undefined);
    expect(record.changes.map((c) => [c.sub, c.before, c.after, c.approvedBy])).toEqual([
      ['handler-a', [], ['clerk'], 'head-sun'],
      ['handler-b', [], ['handler'], 'head-sun'],
    ]);
  });

  test('a supervisor over the department’s region reads its register; another department’s head does not', async () => {
    const ports = setup();
    expect(await staffRecord(ports, staff('sup', 'supervisor', '610100-ZWFW', { region: '610100' }), FOOD_DEPT)).toEqual({ members: [], changes: [] });
    expect(await refusal(staffRecord(ports, staff('head-lh', 'head', '610104-XZSP'), FOOD_DEPT))).toBeInstanceOf(Forbidden);
  });
});

describe('the clock [N14] [N20] and offline steps [N17]', () => {
  test('an offline step is recorded as it happened on the open review task', async () => {
    const ports = setup();
    const caseId = await caseInReview(ports);
    const step = await recordOfflineStep(ports, a, `${caseId}.R1`, { kind: 'site_inspection', startedAt: '2026-06-01T09:00:00+08:00', endedAt: '2026-06-01T11:00:00+08:00', result: '现场符合要求' });
    expect(step).toMatchObject({ kind: 'site_inspection', recordedBy: { sub: 'handler-a' } });
    expect(ports.state.cases.get(caseId)!.tasks.find((t) => t.taskId === `${caseId}.R1`)!.offlineSteps).toHaveLength(1);
  });

  test('a special procedure stops the clock with a notice; its working days are added to the deadline when it ends', async () => {
    const ports = setup();
    const caseId = await caseInReview(ports);
    const before = ports.state.cases.get(caseId)!.case.deadline!;
    await startSpecialProcedure(ports, a, `${caseId}.R1`, { kind: 'hearing', reason: '听证' });
    expect(await refusal(startSpecialProcedure(ports, a, `${caseId}.R1`, { kind: 'hearing', reason: 'again' }))).toBeInstanceOf(Conflict);
    ports.setNow('2026-06-05T02:00:00Z');
    const c = await endSpecialProcedure(ports, a, `${caseId}.R1`, { result: '听证结束' });
    expect(c.clockAdjustments!.pausedDays).toBe(4);
    expect(c.deadline).toBe(ports.calendar.addWorkingDays(before, 4).date);
    expect(ports.state.cases.get(caseId)!.notices.some((n) => n.kind === 'special_procedure')).toBe(true);
  });

  test('the head extends the time limit once, by at most ten working days, with a notice; a handler cannot (行政许可法 第四十二条)', async () => {
    const ports = setup();
    const caseId = await caseInReview(ports);
    expect(await refusal(extendDeadline(ports, a, `${caseId}.R1`, { days: 5, reason: 'x' }))).toBeInstanceOf(Forbidden);
    expect(await refusal(extendDeadline(ports, head, `${caseId}.R1`, { days: 11, reason: 'x' }))).toBeInstanceOf(Invalid);
    const c = await extendDeadline(ports, head, `${caseId}.R1`, { days: 10, reason: '情况复杂' });
    expect(c.clockAdjustments!.extensions).toMatchObject([{ days: 10, approvedBy: 'head-sun' }]);
    expect(await refusal(extendDeadline(ports, head, `${caseId}.R1`, { days: 1, reason: 'again' }))).toBeInstanceOf(Invalid);
  });

  test('these are done on an open review task of a case in review (409 otherwise), and by its department (403 otherwise)', async () => {
    const ports = setup();
    const caseId = await caseInReview(ports);
    await completeTask(ports, a, `${caseId}.R1`, { decision: 'approve' });
    expect(await refusal(recordOfflineStep(ports, a, `${caseId}.R1`, { kind: 'hearing', startedAt: '2026-06-01T09:00:00+08:00', result: 'x' }))).toBeInstanceOf(Conflict);
    const other = await caseInReview(ports, { sub: 'c-chen', name: '陈另一', idNumber: '610104199001010012' });
    expect(await refusal(startSpecialProcedure(ports, staff('h-lh', 'handler', '610104-XZSP'), `${other}.R1`, { kind: 'hearing', reason: 'x' }))).toBeInstanceOf(Forbidden);
  });
});
