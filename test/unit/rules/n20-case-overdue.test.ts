import { dayAfter } from '#shared/domain/calendar';
import { caseOverdue } from '#shared/domain/rules/n20-case-overdue';
import { memoryPorts } from '../support/memory-ports';
import { caseInReview, seedCatalog } from '../support/fixtures';
import { checkOf } from '../support/supervision';

/** 超时 [N20]: red from the day after the last working day of the promised limit. */
describe('timeliness.case_overdue', () => {
  test('in time on the deadline itself (watching for the day after); red from the day after; a stopped clock is not overdue', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const caseId = await caseInReview(ports);
    const deadline = ports.state.cases.get(caseId)!.case.deadline!;
    expect(caseOverdue.check(checkOf(ports, caseId, deadline))).toEqual([]);
    expect(caseOverdue.watch!(checkOf(ports, caseId, deadline))).toBe(dayAfter(deadline));
    expect(caseOverdue.check(checkOf(ports, caseId, dayAfter(deadline)))).toEqual([{ ruleId: 'timeliness.case_overdue', deadline, detail: expect.stringContaining(deadline) }]);
    expect(caseOverdue.watch!(checkOf(ports, caseId, dayAfter(deadline)))).toBeUndefined();
    const paused = checkOf(ports, caseId, dayAfter(deadline), (f) => ({ ...f, case: { ...f.case, clockAdjustments: { pausedDays: 0, extensions: [], pause: { kind: 'hearing', reason: '听证', startedAt: f.case.acceptedAt!, taskId: `${caseId}.R1` } } } }));
    expect(caseOverdue.check(paused)).toEqual([]);
  });
});
