import { Conflict, Forbidden, Invalid, NotFound } from '#shared/domain/errors';
import { answerCorrection, evaluate, fileComplaint, withdraw } from '#shared/domain/steps/applicant-actions';
import { completeTask } from '#shared/domain/steps/complete-task';
import { handleComplaint, listOpenComplaints } from '#shared/domain/steps/complaints';
import { memoryPorts } from '../support/memory-ports';
import { application, caseInReview, citizen, completedCase, file, FOOD, FOOD_DEPT, PEOPLE, refusal, seedCatalog, staff, upload } from '../support/fixtures';

const setup = () => {
  const ports = memoryPorts();
  seedCatalog(ports);
  return ports;
};
const wang = citizen(PEOPLE.wang);
const filed = async (ports: ReturnType<typeof setup>, filer = wang, extra = {}) => (await file(ports, filer, application(ports, filer, FOOD, filer.roles[0] === 'clerk' ? 'window' : 'online', PEOPLE.wang, extra))).caseId;
const authorise = (ports: ReturnType<typeof setup>, agentSub: string) =>
  ports.authorisations.put({ applicantSub: 'c-wang', applicantName: '王小明', applicantIdNumber: PEOPLE.wang.idNumber, agentSub, matterCodes: [], validUntil: '2027-01-01T00:00:00Z', createdAt: '2026-01-01T00:00:00Z' });

describe('answering a correction notice [H22] 补齐补正', () => {
  const asked = async (ports: ReturnType<typeof setup>) => {
    const caseId = await filed(ports);
    await completeTask(ports, staff('clerk-li', 'clerk', FOOD_DEPT), `${caseId}.A1`, { decision: 'correction', missing: ['M04', 'M05'], reason: '补充' });
    return caseId;
  };

  test('must supply every material the notice listed (422 naming each one missing)', async () => {
    const ports = setup();
    const caseId = await asked(ports);
    const err = (await refusal(answerCorrection(ports, wang, caseId, { materials: [{ code: 'M04', objectKey: upload(ports, 'c-wang', 'M04 again') }] }))) as Invalid;
    expect(err.errors).toEqual([{ path: 'materials', message: 'missing M05' }]);
  });

  test('sends the case back as a new acceptance task, with a fresh limit, taken by the clerk who answers for it (首问负责 [H10])', async () => {
    const ports = setup();
    const caseId = await asked(ports);
    const c = await answerCorrection(ports, wang, caseId, { materials: ['M04', 'M05'].map((code) => ({ code, objectKey: upload(ports, 'c-wang', `${code} again`) })) });
    expect(c.status).toBe('submitted');
    const a2 = ports.state.cases.get(caseId)!.tasks.find((t) => t.taskId === `${caseId}.A2`)!;
    expect(a2).toMatchObject({ status: 'open', assignee: { sub: 'clerk-li' } });
    // the responsible clerk's colleague may not take it over unrecorded (AB岗 [H22])
    expect(await refusal(completeTask(ports, staff('clerk-other', 'clerk', FOOD_DEPT), a2.taskId, { decision: 'accept' }))).toBeInstanceOf(Forbidden);
    expect((await completeTask(ports, staff('clerk-li', 'clerk', FOOD_DEPT), a2.taskId, { decision: 'accept' })).status).toBe('accepted');
  });

  test('a clerk of the accepting department may answer it at the window; a clerk of another may not', async () => {
    const ports = setup();
    const caseId = await asked(ports);
    const deskClerk = staff('clerk-desk', 'clerk', FOOD_DEPT);
    const materials = (owner: string) => ['M04', 'M05'].map((code) => ({ code, objectKey: upload(ports, owner, code) }));
    expect(await refusal(answerCorrection(ports, staff('clerk-lh', 'clerk', '610104-XZSP'), caseId, { materials: materials('clerk-lh') }))).toBeInstanceOf(NotFound);
    expect((await answerCorrection(ports, deskClerk, caseId, { materials: materials('clerk-desk') })).status).toBe('submitted');
  });
});

describe('withdrawal [N14]', () => {
  test('before acceptance, by the applicant: the case ends, its open task closes, a notice confirms it', async () => {
    const ports = setup();
    const caseId = await filed(ports);
    expect((await withdraw(ports, wang, caseId)).status).toBe('withdrawn');
    const f = ports.state.cases.get(caseId)!;
    expect(f.tasks.every((t) => t.status === 'done')).toBe(true);
    expect(f.notices.at(-1)!.kind).toBe('withdrawal');
  });

  test('after acceptance it is refused (409, naming what is allowed)', async () => {
    const ports = setup();
    const caseId = await caseInReview(ports);
    const err = (await refusal(withdraw(ports, wang, caseId))) as Conflict;
    expect(err).toBeInstanceOf(Conflict);
    expect(err.extra).toMatchObject({ from: 'in_review' });
  });

  test('the agent the applicant authorises may withdraw; once the authorisation is revoked the agent no longer may, nor see the case [H26]', async () => {
    const ports = setup();
    const caseId = await filed(ports);
    const agent = staff('agent-1', 'agent', '610113');
    await authorise(ports, 'agent-1');
    await ports.authorisations.remove('c-wang', 'agent-1');
    expect(await refusal(withdraw(ports, agent, caseId))).toBeInstanceOf(NotFound);
    await authorise(ports, 'agent-1');
    expect((await withdraw(ports, agent, caseId)).status).toBe('withdrawn');
  });

  test('the window clerk who filed it cannot withdraw it for the applicant (403: only the applicant or their agent)', async () => {
    const ports = setup();
    const clerk = staff('clerk-win', 'clerk', FOOD_DEPT);
    const caseId = await filed(ports, clerk, { onBehalfOf: 'c-wang' });
    expect(await refusal(withdraw(ports, clerk, caseId))).toBeInstanceOf(Forbidden);
  });
});

describe('好差评 [N21] [H10]', () => {
  test('the applicant rates a completed case once, and the score is counted', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    const c = await evaluate(ports, wang, caseId, { score: 5, comment: '一次办好' });
    expect(c.evaluation).toMatchObject({ score: 5, comment: '一次办好', by: 'c-wang' });
    expect(ports.seen.evaluations).toEqual([5]);
    expect(await refusal(evaluate(ports, wang, caseId, { score: 1 }))).toBeInstanceOf(Conflict);
  });

  test('before completion it is refused (409)', async () => {
    const ports = setup();
    const caseId = await caseInReview(ports);
    expect(await refusal(evaluate(ports, wang, caseId, { score: 5 }))).toBeInstanceOf(Conflict);
  });

  test('the clerk who filed the case, or staff of its department, cannot rate their own service (403); a stranger is told it does not exist (404)', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    expect(await refusal(evaluate(ports, staff('clerk-1', 'clerk', FOOD_DEPT), caseId, { score: 5 }))).toBeInstanceOf(Forbidden);
    expect(await refusal(evaluate(ports, citizen(PEOPLE.chen), caseId, { score: 1 }))).toBeInstanceOf(NotFound);
  });
});

describe('投诉 [N21] [H10]', () => {
  test('the applicant complains; a supervisor of the case’s region sees it queued and records the handling once', async () => {
    const ports = setup();
    const caseId = await filed(ports);
    const complaint = await fileComplaint(ports, wang, caseId, { category: 'timeliness', text: '三天无人受理' });
    expect(complaint).toMatchObject({ complaintId: `${caseId}.C1`, status: 'open', region: '610113' });
    const xian = staff('sup-xa', 'supervisor', '610100-ZWFW', { region: '610100' });
    expect((await listOpenComplaints(ports, xian, { limit: 20 })).items.map((c) => c.complaintId)).toEqual([`${caseId}.C1`]);
    const xianyang = staff('sup-xy', 'supervisor', '610400-ZWFW', { region: '610400' });
    expect((await listOpenComplaints(ports, xianyang, { limit: 20 })).items).toEqual([]);
    expect(await refusal(handleComplaint(ports, xianyang, `${caseId}.C1`, { result: 'x', upheld: false }))).toBeInstanceOf(NotFound);
    expect(await handleComplaint(ports, xian, `${caseId}.C1`, { result: '已督办', upheld: true })).toMatchObject({ status: 'handled', upheld: true });
    expect(await refusal(handleComplaint(ports, xian, `${caseId}.C1`, { result: '再次', upheld: false }))).toBeInstanceOf(Conflict);
    expect(ports.state.cases.get(caseId)!.events.map((e) => e.action)).toEqual(expect.arrayContaining(['complain', 'handle_complaint']));
  });

  test('a supervisor whose token names no region supervises nothing (403)', async () => {
    const ports = setup();
    expect(await refusal(listOpenComplaints(ports, { sub: 's', name: 's', roles: ['supervisor'] }, { limit: 20 }))).toBeInstanceOf(Forbidden);
  });
});
