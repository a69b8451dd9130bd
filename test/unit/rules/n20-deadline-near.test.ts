import { dayAfter } from '#shared/domain/calendar';
import { deadlineNear, yellowThreshold } from '#shared/domain/rules/n20-deadline-near';
import { memoryPorts } from '../support/memory-ports';
import { caseInReview, completedCase, PEOPLE, seedCatalog } from '../support/fixtures';
import { checkOf } from '../support/supervision';

/** 时效预警 [N20]: yellow once the configured share of the promised working days is used. */
describe('timeliness.deadline_near', () => {
  const setup = async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const caseId = await caseInReview(ports);
    return { ports, caseId, c: ports.state.cases.get(caseId)!.case };
  };

  test('the threshold is the share of promise and extensions, rounded up', () => {
    expect(yellowThreshold(20, 0, 0.8)).toBe(16);
    expect(yellowThreshold(20, 5, 0.8)).toBe(20);
    expect(yellowThreshold(3, 0, 0.8)).toBe(3);
  });

  test('nothing before the day the threshold is reached, which is the day it watches for; yellow from that day to the deadline', async () => {
    const { ports, caseId, c } = await setup();
    const day = ports.calendar.addWorkingDays(c.acceptedAt!, yellowThreshold(c.promiseDays, 0, 0.8)).date;
    const before = ports.calendar.addWorkingDays(c.acceptedAt!, yellowThreshold(c.promiseDays, 0, 0.8) - 1).date;
    expect(deadlineNear.check(checkOf(ports, caseId, before))).toEqual([]);
    expect(deadlineNear.watch!(checkOf(ports, caseId, before))).toBe(day);
    expect(deadlineNear.check(checkOf(ports, caseId, day))).toEqual([expect.objectContaining({ ruleId: 'timeliness.deadline_near', deadline: c.deadline })]);
    expect(deadlineNear.check(checkOf(ports, caseId, c.deadline))).toHaveLength(1);
    // then the case is overdue, which is another rule's; this one watches for that day to clear
    expect(deadlineNear.watch!(checkOf(ports, caseId, day))).toBe(dayAfter(c.deadline!));
  });

  test('a stopped clock uses nothing and watches for nothing; a completed case is no longer warned of', async () => {
    const { ports, caseId, c } = await setup();
    const late = c.deadline!;
    const paused = checkOf(ports, caseId, late, (f) => ({ ...f, case: { ...f.case, clockAdjustments: { pausedDays: 0, extensions: [], pause: { kind: 'inspection', startedAt: f.case.acceptedAt!, reason: 'x', taskId: `${caseId}.R1` } } } }));
    expect(deadlineNear.check(paused)).toEqual([]);
    expect(deadlineNear.watch!(paused)).toBeUndefined();
    const done = await completedCase(ports, { decision: 'approve' }, PEOPLE.chen);
    expect(deadlineNear.check(checkOf(ports, done, late))).toEqual([]);
  });
});
