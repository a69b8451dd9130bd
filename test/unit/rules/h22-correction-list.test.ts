import { correctionList } from '#shared/domain/rules/h22-correction-list';
import { completeTask } from '#shared/domain/steps/complete-task';
import { memoryPorts } from '../support/memory-ports';
import { application, citizen, file, FOOD, FOOD_DEPT, PEOPLE, seedCatalog, staff } from '../support/fixtures';
import { checkOf } from '../support/supervision';

/** 一次性告知 [H22]: a correction notice lists every material by code and name, and the day to answer by. */
describe('content.correction_list', () => {
  test('the platform’s correction notice lists them; one without names or without its due date is found', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const wang = citizen(PEOPLE.wang);
    const { caseId } = await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    await completeTask(ports, staff('clerk-1', 'clerk', FOOD_DEPT), `${caseId}.A1`, { decision: 'correction', missing: ['M04', 'M05'], reason: '缺材料' });
    expect(correctionList.check(checkOf(ports, caseId))).toEqual([]);
    const bad = checkOf(ports, caseId, undefined, (f) => ({ ...f, notices: f.notices.map((n) => (n.kind === 'correction' ? { ...n, body: { ...n.body, missing: [{ code: 'M04' }], answerBy: undefined } } : n)) }));
    expect(correctionList.check(bad)).toEqual([{ ruleId: 'content.correction_list', subject: expect.stringMatching(/\.N\d+$/), detail: expect.stringMatching(/所需材料清单、补正期限/) }]);
  });
});
