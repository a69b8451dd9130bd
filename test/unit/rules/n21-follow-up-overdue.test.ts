import { dayAfter } from '#shared/domain/calendar';
import { followUpOverdue } from '#shared/domain/rules/n21-follow-up-overdue';
import { evaluate } from '#shared/domain/steps/applicant-actions';
import { memoryPorts } from '../support/memory-ports';
import { citizen, completedCase, PEOPLE, seedCatalog } from '../support/fixtures';
import { checkOf } from '../support/supervision';

/** 差评整改超时 [N21]: red from the day after the follow-up's due day while it is open. */
describe('timeliness.follow_up_overdue', () => {
  test('open on its due day (watching for the day after), red after it, nothing once answered or for a good evaluation', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const caseId = await completedCase(ports);
    expect(followUpOverdue.check(checkOf(ports, caseId))).toEqual([]);
    await evaluate(ports, citizen(PEOPLE.wang), caseId, { score: 2 });
    const due = ports.state.cases.get(caseId)!.case.evaluation!.followUp!.due;
    expect(followUpOverdue.check(checkOf(ports, caseId, due))).toEqual([]);
    expect(followUpOverdue.watch!(checkOf(ports, caseId, due))).toBe(dayAfter(due));
    expect(followUpOverdue.check(checkOf(ports, caseId, dayAfter(due)))).toEqual([expect.objectContaining({ subject: `${caseId}.V1`, deadline: due })]);
    const answered = checkOf(ports, caseId, dayAfter(due), (f) => ({ ...f, case: { ...f.case, evaluation: { ...f.case.evaluation!, followUp: { ...f.case.evaluation!.followUp!, status: 'answered' } } } }));
    expect(followUpOverdue.check(answered)).toEqual([]);
    expect(followUpOverdue.watch!(answered)).toBeUndefined();
  });
});
