import { dayAfter } from '#shared/domain/calendar';
import { reviewLate } from '#shared/domain/rules/n20-review-late';
import { memoryPorts } from '../support/memory-ports';
import { caseInReview, seedCatalog } from '../support/fixtures';
import { checkOf } from '../support/supervision';

/** 环节超时 [N20]: a review task past its 审查 step's days, set when the case is forwarded. */
describe('timeliness.review_late', () => {
  test('each open review task has its step’s last day, never after the case’s; yellow on the task from the day after', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const caseId = await caseInReview(ports);
    const f = ports.state.cases.get(caseId)!;
    const task = f.tasks.find((t) => t.kind === 'review')!;
    const matter = ports.state.matters.get(f.case.matterCode)!;
    const days = matter.steps.find((s) => s.name.startsWith('审查'))!.days;
    expect(task.stepDue).toBe([ports.calendar.addWorkingDays(task.createdAt, days).date, f.case.deadline!].sort()[0]);
    expect(reviewLate.check(checkOf(ports, caseId, task.stepDue))).toEqual([]);
    expect(reviewLate.watch!(checkOf(ports, caseId, task.stepDue))).toBe(dayAfter(task.stepDue!));
    expect(reviewLate.check(checkOf(ports, caseId, dayAfter(task.stepDue!)))).toEqual([expect.objectContaining({ subject: task.taskId, deadline: task.stepDue })]);
    // a task done is not late
    const done = checkOf(ports, caseId, dayAfter(task.stepDue!), (x) => ({ ...x, tasks: x.tasks.map((t) => ({ ...t, status: 'done' as const })) }));
    expect(reviewLate.check(done)).toEqual([]);
  });
});
