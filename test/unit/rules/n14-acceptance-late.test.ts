import { dayAfter } from '#shared/domain/calendar';
import { acceptanceLate } from '#shared/domain/rules/n14-acceptance-late';
import { correctionUnexamined } from '#shared/domain/rules/h22-correction-unexamined';
import { answerCorrection } from '#shared/domain/steps/applicant-actions';
import { completeTask } from '#shared/domain/steps/complete-task';
import { memoryPorts } from '../support/memory-ports';
import { application, citizen, file, FOOD, FOOD_DEPT, PEOPLE, seedCatalog, staff, upload } from '../support/fixtures';
import { checkOf } from '../support/supervision';

/** 受理超时 [N14] and 补正未审 [H22]: the acceptance limit of five working days, first and after a correction. */
describe('timeliness.acceptance_late and timeliness.correction_unexamined', () => {
  test('a first acceptance not decided by acceptBy is red on its task; once decided, nothing', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const wang = citizen(PEOPLE.wang);
    const { caseId } = await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    const by = ports.state.cases.get(caseId)!.case.acceptBy;
    expect(acceptanceLate.check(checkOf(ports, caseId, by))).toEqual([]);
    expect(acceptanceLate.watch!(checkOf(ports, caseId, by))).toBe(dayAfter(by));
    expect(acceptanceLate.check(checkOf(ports, caseId, dayAfter(by)))).toEqual([expect.objectContaining({ subject: `${caseId}.A1`, deadline: by })]);
    expect(correctionUnexamined.check(checkOf(ports, caseId, dayAfter(by)))).toEqual([]);
    await completeTask(ports, staff('clerk-1', 'clerk', FOOD_DEPT), `${caseId}.A1`, { decision: 'accept' });
    expect(acceptanceLate.check(checkOf(ports, caseId, dayAfter(by)))).toEqual([]);
  });

  test('materials supplied after a correction and not examined by the new limit are the other rule’s, on the new task', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const wang = citizen(PEOPLE.wang);
    const { caseId } = await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    await completeTask(ports, staff('clerk-1', 'clerk', FOOD_DEPT), `${caseId}.A1`, { decision: 'correction', missing: ['M04'], reason: '缺平面图' });
    await answerCorrection(ports, wang, caseId, { materials: [{ code: 'M04', objectKey: upload(ports, PEOPLE.wang.sub, 'M04 again') }] });
    const by = ports.state.cases.get(caseId)!.case.acceptBy;
    expect(correctionUnexamined.watch!(checkOf(ports, caseId, by))).toBe(dayAfter(by));
    expect(correctionUnexamined.check(checkOf(ports, caseId, dayAfter(by)))).toEqual([expect.objectContaining({ ruleId: 'timeliness.correction_unexamined', subject: `${caseId}.A2` })]);
    expect(acceptanceLate.check(checkOf(ports, caseId, dayAfter(by)))).toEqual([]);
  });
});
