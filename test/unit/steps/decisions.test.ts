import { Conflict, Forbidden, Invalid, NotFound } from '#shared/domain/errors';
import { completeTask } from '#shared/domain/steps/complete-task';
import { openReviews } from '#shared/domain/steps/forwarding';
import { archiveCase, issueResult } from '#shared/domain/steps/unified-return';
import { parseLicenceIdentifier } from '#shared/domain/rules/e15-licence-identifier';
import { signedPart } from '#shared/domain/licence';
import { memoryPorts } from '../support/memory-ports';
import { acceptedCase, application, caseInReview, citizen, completedCase, file, FOOD, FOOD_DEPT, PARALLEL, PEOPLE, refusal, seedCatalog, staff } from '../support/fixtures';

const setup = (now = '2026-06-01T02:00:00Z') => {
  const ports = memoryPorts({ now });
  seedCatalog(ports);
  return ports;
};
const clerk = staff('clerk-li', 'clerk', FOOD_DEPT);
const filed = async (ports: ReturnType<typeof setup>, matter = FOOD) => (await file(ports, citizen(PEOPLE.wang), application(ports, citizen(PEOPLE.wang), matter, 'online', PEOPLE.wang))).caseId;

describe('acceptance [N14]', () => {
  test('accepting starts the promised clock in working days and owes the forwarding workflow, which starts', async () => {
    const ports = setup();
    const caseId = await filed(ports);
    expect(await completeTask(ports, clerk, `${caseId}.A1`, { decision: 'accept' })).toEqual({ caseId, status: 'accepted', taskId: `${caseId}.A1` });
    const c = ports.state.cases.get(caseId)!.case;
    expect(c.deadline).toBe(ports.calendar.addWorkingDays(c.acceptedAt!, c.promiseDays).date);
    expect(c.pendingWorkflow).toBe('forwarding');
    expect(c.responsible).toMatchObject({ sub: 'clerk-li', role: 'clerk' });
    expect(ports.seen.started).toEqual([{ kind: 'forwarding', caseId }]);
    expect(ports.seen.metrics).toContain('CaseAccepted');
  });

  test('an acceptance decided after the 5 working days counts from receipt (deemed accepted, 行政许可法 第三十二条)', async () => {
    const ports = setup();
    const caseId = await filed(ports);
    ports.setNow('2026-06-15T02:00:00Z');
    await completeTask(ports, clerk, `${caseId}.A1`, { decision: 'accept' });
    const c = ports.state.cases.get(caseId)!.case;
    expect(c.acceptedAt).toBe(c.submittedAt);
    expect(ports.state.cases.get(caseId)!.events.at(-1)!.detail).toMatchObject({ deemedFrom: c.submittedAt });
  });

  test('a correction notice lists every missing material at once, with the day it must be answered by [H22]', async () => {
    const ports = setup();
    const caseId = await filed(ports);
    const res = await completeTask(ports, clerk, `${caseId}.A1`, { decision: 'correction', missing: ['M04', 'M05'], reason: '图纸不清晰' });
    expect(res.status).toBe('correction_required');
    const notice = ports.state.cases.get(caseId)!.notices.find((n) => n.kind === 'correction')!;
    expect(notice.body).toMatchObject({ missing: [{ code: 'M04', name: expect.any(String) }, { code: 'M05', name: expect.any(String) }], answerBy: ports.calendar.addWorkingDays(ports.clock.now(), 30).date });
  });

  test('a correction naming a material the matter does not have is 422 on missing [H22]', async () => {
    const ports = setup();
    const caseId = await filed(ports);
    const err = (await refusal(completeTask(ports, clerk, `${caseId}.A1`, { decision: 'correction', missing: ['M99'], reason: 'x' }))) as Invalid;
    expect(err).toBeInstanceOf(Invalid);
    expect(err.errors).toEqual([{ path: 'missing', message: 'unknown material M99' }]);
  });

  test('a correction asked for after the 5 working days is refused: the case counts as accepted (409)', async () => {
    const ports = setup();
    const caseId = await filed(ports);
    ports.setNow('2026-06-15T02:00:00Z');
    expect(await refusal(completeTask(ports, clerk, `${caseId}.A1`, { decision: 'correction', missing: ['M04'], reason: 'x' }))).toBeInstanceOf(Conflict);
  });

  test.each([['reject', 'rejected', 'rejection'], ['return', 'returned', 'return']] as const)('%s ends the case with a notice giving the reason, and gives back the open-case marker [N14] [N15]', async (decision, status, kind) => {
    const ports = setup();
    const caseId = await filed(ports);
    expect((await completeTask(ports, clerk, `${caseId}.A1`, { decision, reason: '不属于本部门受理范围' })).status).toBe(status);
    expect(ports.state.cases.get(caseId)!.notices.find((n) => n.kind === kind)!.body.reason).toBe('不属于本部门受理范围');
    expect(ports.state.openCases.size).toBe(0);
  });

  test('a review decision on an acceptance task is 422; a task completed twice is 409; an unknown task is 404', async () => {
    const ports = setup();
    const caseId = await filed(ports);
    expect(await refusal(completeTask(ports, clerk, `${caseId}.A1`, { decision: 'approve' }))).toBeInstanceOf(Invalid);
    await completeTask(ports, clerk, `${caseId}.A1`, { decision: 'accept' });
    expect(await refusal(completeTask(ports, clerk, `${caseId}.A1`, { decision: 'accept' }))).toBeInstanceOf(Conflict);
    expect(await refusal(completeTask(ports, clerk, `${caseId}.A9`, { decision: 'accept' }))).toBeInstanceOf(NotFound);
    expect(await refusal(completeTask(ports, clerk, 'not-a-task', { decision: 'accept' }))).toBeInstanceOf(NotFound);
  });

  test('another department’s clerk, or a member the department’s register does not list, is refused (403) [N13]', async () => {
    const ports = setup();
    const caseId = await filed(ports);
    expect(await refusal(completeTask(ports, staff('clerk-lh', 'clerk', '610104-XZSP'), `${caseId}.A1`, { decision: 'accept' }))).toBeInstanceOf(Forbidden);
    ports.state.registers.set(FOOD_DEPT, new Map([['someone-else', { dept: FOOD_DEPT, sub: 'someone-else', roles: ['clerk'], version: 1, updatedAt: '', updatedBy: 'head' }]]));
    const err = await refusal(completeTask(ports, clerk, `${caseId}.A1`, { decision: 'accept' }));
    expect(err).toBeInstanceOf(Forbidden);
    expect(err.message).toContain('staff register');
  });

  test('a step that lost a race on the case’s version is read again and decided again, once', async () => {
    const ports = setup();
    const caseId = await filed(ports);
    ports.loseNextCommit(caseId);
    expect((await completeTask(ports, clerk, `${caseId}.A1`, { decision: 'accept' })).status).toBe('accepted');
    expect(ports.state.cases.get(caseId)!.events.map((e) => e.action)).toEqual(['submit', 'accept']);
  });
});

describe('forwarding [N14] 转递部门, 分头办理', () => {
  test('opens one review task per handling department, each with the deadline, and issues the acceptance notice naming them', async () => {
    const ports = setup();
    const caseId = await acceptedCase(ports, PEOPLE.wang, PARALLEL);
    const res = await openReviews(ports, caseId);
    expect(res).toEqual({ caseId, status: 'in_review', reviewTasks: [`${caseId}.R1`, `${caseId}.R2`] });
    const f = ports.state.cases.get(caseId)!;
    expect(f.tasks.filter((t) => t.kind === 'review').map((t) => [t.dept, t.deadline])).toEqual([
      ['610113-CL', f.case.deadline],
      ['610113-MZ', f.case.deadline],
    ]);
    expect(f.notices.find((n) => n.kind === 'acceptance')!.body.handlingDeptNames).toMatchObject({ '610113-MZ': '西安市雁塔区民政局' });
    expect(f.case.pendingWorkflow).toBeUndefined();
  });

  test('is idempotent: run again, it opens nothing more', async () => {
    const ports = setup();
    const caseId = await acceptedCase(ports);
    await openReviews(ports, caseId);
    const again = await openReviews(ports, caseId);
    expect(again.reviewTasks).toEqual([`${caseId}.R1`]);
    expect(ports.state.cases.get(caseId)!.events.filter((e) => e.action === 'forward')).toHaveLength(1);
  });
});

describe('review and the unified return [N14] 分头办理 → 统一反馈 [E15]', () => {
  test('the last department to decide moves the case to decided, once, and the unified return starts', async () => {
    const ports = setup();
    const caseId = await caseInReview(ports, PEOPLE.wang, PARALLEL);
    expect((await completeTask(ports, staff('h-cl', 'handler', '610113-CL'), `${caseId}.R1`, { decision: 'approve' })).status).toBe('in_review');
    expect(ports.seen.started.filter((s) => s.kind === 'unified_return')).toEqual([]);
    expect((await completeTask(ports, staff('h-mz', 'head', '610113-MZ'), `${caseId}.R2`, { decision: 'approve', opinion: '同意' })).status).toBe('decided');
    expect(ports.seen.started.filter((s) => s.kind === 'unified_return')).toEqual([{ kind: 'unified_return', caseId }]);
  });

  test('a handler of another department cannot decide this department’s review (403)', async () => {
    const ports = setup();
    const caseId = await caseInReview(ports, PEOPLE.wang, PARALLEL);
    expect(await refusal(completeTask(ports, staff('h-cl', 'handler', '610113-CL'), `${caseId}.R2`, { decision: 'approve' }))).toBeInstanceOf(Forbidden);
  });

  test('every department approving gives one result and a signed e-licence the applicant holds; decision and delivery notices are issued together', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    const c = ports.state.cases.get(caseId)!;
    const licenceId = c.case.result!.licenceId!;
    expect(c.case).toMatchObject({ status: 'completed', result: { outcome: 'approved' } });
    // a 食品经营许可证 of the accepting department, its serial the case's own, first version [E15]
    const issuer = ports.state.departments.get(FOOD_DEPT)!;
    expect(parseLicenceIdentifier(licenceId)).toEqual({ typeCode: '000109001000', issuerCode: issuer.uscc, serial: caseId.slice(2), version: 1 });
    const licence = ports.state.licences.get(licenceId)!;
    expect(licence).toMatchObject({ typeName: '食品经营许可证', status: 'valid', version: 1, issuer: { dept: FOOD_DEPT, name: issuer.name, code: issuer.uscc } });
    expect([licence.validFrom, licence.validUntil]).toEqual(['2026-06-01', '2031-05-31']);
    expect(licence.holder).toMatchObject({ sub: 'c-wang', name: '王小明' });
    expect(await ports.signer.verify(signedPart(licence), licence.signature)).toBe(true);
    expect(c.notices.slice(-2).map((n) => n.kind)).toEqual(['decision', 'delivery']);
    expect(c.notices.at(-1)!.body).toMatchObject({ documentId: c.notices.at(-2)!.noticeId });
    expect(ports.seen.metrics).toEqual(expect.arrayContaining(['CaseCompleted', 'CaseCompletedOnTime']));
  });

  test('any department denying gives a denial and no licence', async () => {
    const ports = setup();
    const caseId = await completedCase(ports, { decision: 'deny', reason: '不符合条件' });
    expect(ports.state.cases.get(caseId)!.case.result).toMatchObject({ outcome: 'denied' });
    expect(ports.state.licences.size).toBe(0);
  });

  test('the unified return and the archive step are idempotent; a case is archived as it completes, and only a completed case is [E23] [E24]', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    const again = await issueResult(ports, caseId);
    expect(again).toMatchObject({ status: 'completed', outcome: 'approved' });
    expect(ports.state.cases.get(caseId)!.events.filter((e) => e.action === 'unified_return')).toHaveLength(1);
    const a = await archiveCase(ports, caseId);
    expect(a.key).toContain(caseId);
    await archiveCase(ports, caseId);
    expect(ports.seen.packaged).toEqual([a.key]);
    expect(ports.state.cases.get(caseId)!.case.pendingWorkflow).toBeUndefined();
    const open = await caseInReview(ports, PEOPLE.chen);
    expect(await refusal(archiveCase(ports, open))).toBeInstanceOf(Conflict);
  });
});
