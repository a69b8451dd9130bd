import { noticesComplete } from '#shared/domain/rules/n14-notices-complete';
import { memoryPorts } from '../support/memory-ports';
import { caseInReview, completedCase, PEOPLE, seedCatalog } from '../support/fixtures';
import { checkOf } from '../support/supervision';

/** 文书缺失 [N14]: once closed, every notice the case's steps owed was issued. */
describe('completeness.notices', () => {
  test('a completed case has its receipt, acceptance, decision and delivery; one without its decision is found; an open case is not judged yet', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const caseId = await completedCase(ports);
    expect(noticesComplete.check(checkOf(ports, caseId))).toEqual([]);
    const without = checkOf(ports, caseId, undefined, (f) => ({ ...f, notices: f.notices.filter((n) => n.kind !== 'decision') }));
    expect(noticesComplete.check(without)).toEqual([{ ruleId: 'completeness.notices', detail: expect.stringContaining('decision') }]);
    const open = await caseInReview(ports, PEOPLE.chen);
    expect(noticesComplete.check(checkOf(ports, open, undefined, (f) => ({ ...f, notices: [] })))).toEqual([]);
  });
});
