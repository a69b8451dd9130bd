import { dayAfter } from '#shared/domain/calendar';
import { Conflict, Forbidden, Malformed, NotFound } from '#shared/domain/errors';
import { evaluate } from '#shared/domain/steps/applicant-actions';
import { answerFollowUp, listFollowUps } from '#shared/domain/steps/evaluations';
import { superviseCase } from '#shared/domain/steps/supervision';
import { memoryPorts } from '../support/memory-ports';
import { citizen, completedCase, FOOD_DEPT, PEOPLE, refusal, seedCatalog, staff } from '../support/fixtures';

/** 好差评 and 整改 [N21] [H10]: a 差评 opens a follow-up the department answers once, in time or recorded late. */
const setup = async () => {
  const ports = memoryPorts();
  seedCatalog(ports);
  const caseId = await completedCase(ports);
  return { ports, caseId, wang: citizen(PEOPLE.wang) };
};
const supervisor = (region = '610113') => staff('sup-1', 'supervisor', `${region}-ZWFW`, { region });

describe('好差评 with follow-up', () => {
  test('a 非常满意 with its dimensions opens nothing; a 不满意 opens a follow-up due in the configured working days', async () => {
    const { ports, caseId, wang } = await setup();
    const good = await evaluate(ports, wang, caseId, { score: 5, dimensions: { attitude: 5, timeliness: 4 } });
    expect(good.evaluation).toEqual({ evaluationId: `${caseId}.V1`, score: 5, dimensions: { attitude: 5, timeliness: 4 }, at: expect.any(String), by: wang.sub });
    const other = await completedCase(ports, { decision: 'approve' }, PEOPLE.chen);
    const bad = await evaluate(ports, citizen(PEOPLE.chen), other, { score: 2, comment: '窗口人员态度差', dimensions: { attitude: 1 } });
    expect(bad.evaluation!.followUp).toEqual({ status: 'open', dept: FOOD_DEPT, due: ports.calendar.addWorkingDays(bad.evaluation!.at, 5).date });
    expect(ports.state.cases.get(other)!.events.at(-1)).toMatchObject({ action: 'evaluate', detail: { score: 2, followUpDue: bad.evaluation!.followUp!.due } });
  });

  test('the department lists and answers it once; the supervisor of the region sees it; late answers are recorded as late', async () => {
    const { ports, caseId, wang } = await setup();
    await evaluate(ports, wang, caseId, { score: 1, comment: '跑了三次' });
    const id = `${caseId}.V1`;
    const clerk = staff('clerk-1', 'clerk', FOOD_DEPT);
    expect((await listFollowUps(ports, clerk, {}, { limit: 10 })).items).toEqual([expect.objectContaining({ evaluationId: id, score: 1, comment: '跑了三次', followUp: expect.objectContaining({ status: 'open', overdue: false }) })]);
    expect((await listFollowUps(ports, supervisor('610000'), { region: '610100' }, { limit: 10 })).items.map((x) => x.evaluationId)).toEqual([id]);
    expect((await listFollowUps(ports, supervisor('610000'), { region: '610104' }, { limit: 10 })).items).toEqual([]);
    const due = ports.state.cases.get(caseId)!.case.evaluation!.followUp!.due;
    ports.setNow(new Date(`${dayAfter(due)}T10:00:00+08:00`));
    expect((await listFollowUps(ports, clerk, {}, { limit: 10 })).items[0].followUp.overdue).toBe(true);
    // overdue, the supervision rule raises it red
    expect((await superviseCase(ports, caseId)).raised).toContain(`${caseId}~timeliness.follow_up_overdue~${id}`);
    expect(await refusal(answerFollowUp(ports, staff('h', 'handler', FOOD_DEPT), id, { action: 'x', contacted: true }))).toBeInstanceOf(Forbidden);
    expect(await refusal(answerFollowUp(ports, staff('clerk-9', 'clerk', '610104-XZSP'), id, { action: 'x', contacted: true }))).toBeInstanceOf(Forbidden);
    const done = await answerFollowUp(ports, clerk, id, { action: '已电话回访，调整窗口排班', contacted: true });
    expect(done.followUp).toMatchObject({ status: 'answered', action: '已电话回访，调整窗口排班', contacted: true, answeredBy: { sub: 'clerk-1', role: 'clerk' } });
    expect(ports.state.cases.get(caseId)!.events.at(-1)).toMatchObject({ action: 'answer_follow_up', detail: { late: true } });
    expect(await refusal(answerFollowUp(ports, clerk, id, { action: 'again', contacted: true }))).toBeInstanceOf(Conflict);
    expect((await listFollowUps(ports, clerk, {}, { limit: 10 })).items).toEqual([]);
    expect((await listFollowUps(ports, clerk, { status: 'answered' }, { limit: 10 })).items.map((x) => x.evaluationId)).toEqual([id]);
    // answered, the alert is cleared
    expect((await superviseCase(ports, caseId)).cleared).toContain(`${caseId}~timeliness.follow_up_overdue~${id}`);
  });

  test('bad input: an evaluation that is not there or not a 差评, an unknown region or department, a citizen', async () => {
    const { ports, caseId, wang } = await setup();
    const clerk = staff('clerk-1', 'clerk', FOOD_DEPT);
    expect(await refusal(answerFollowUp(ports, clerk, `${caseId}.V1`, { action: 'x', contacted: false }))).toBeInstanceOf(NotFound);
    expect(await refusal(answerFollowUp(ports, clerk, 'not-an-id', { action: 'x', contacted: false }))).toBeInstanceOf(NotFound);
    await evaluate(ports, wang, caseId, { score: 4 });
    expect(await refusal(answerFollowUp(ports, clerk, `${caseId}.V1`, { action: 'x', contacted: false }))).toBeInstanceOf(Conflict);
    expect(await refusal(listFollowUps(ports, supervisor(), { region: '619999' }, { limit: 10 }))).toBeInstanceOf(Malformed);
    expect(await refusal(listFollowUps(ports, supervisor(), { dept: '610113-NOPE' }, { limit: 10 }))).toBeInstanceOf(Malformed);
    expect(await refusal(listFollowUps(ports, clerk, { dept: '610104-XZSP' }, { limit: 10 }))).toBeInstanceOf(Forbidden);
    expect(await refusal(listFollowUps(ports, wang, {}, { limit: 10 }))).toBeInstanceOf(Forbidden);
  });
});
