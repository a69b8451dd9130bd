import { Forbidden, Malformed, NotFound } from '#shared/domain/errors';
import { completeTask } from '#shared/domain/steps/complete-task';
import { listMyCases, listOpenTasks, readArchive, readCase, readLicence, readNotice, verifyAudit, verifyLicence, verifyNotice } from '#shared/domain/steps/reads';
import { archiveCase } from '#shared/domain/steps/unified-return';
import { memoryPorts } from '../support/memory-ports';
import { application, citizen, completedCase, file, FOOD, FOOD_DEPT, PEOPLE, refusal, seedCatalog, staff } from '../support/fixtures';

const setup = () => {
  const ports = memoryPorts();
  seedCatalog(ports);
  return ports;
};
const wang = citizen(PEOPLE.wang);

describe('reading a case, through the gate', () => {
  test('its applicant and its department see it with its timeline [H9]; anyone else is told it does not exist', async () => {
    const ports = setup();
    const { caseId } = await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    expect((await readCase(ports, wang, caseId)).timeline.map((e) => e.action)).toEqual(['submit']);
    expect((await readCase(ports, staff('clerk-x', 'clerk', FOOD_DEPT), caseId)).caseId).toBe(caseId);
    expect(await refusal(readCase(ports, citizen(PEOPLE.chen), caseId))).toBeInstanceOf(NotFound);
    expect(await refusal(readCase(ports, wang, 'ZW20260101AAAAAAAAAA'))).toBeInstanceOf(NotFound);
  });

  test('the audit chain verifies, and an event altered in the store breaks it where it was altered [H9] [E17]', async () => {
    const ports = setup();
    const { caseId } = await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    await completeTask(ports, staff('clerk-1', 'clerk', FOOD_DEPT), `${caseId}.A1`, { decision: 'accept' });
    expect(await verifyAudit(ports, wang, caseId)).toMatchObject({ valid: true, events: 2 });
    ports.state.cases.get(caseId)!.events[1].actor.name = '别人';
    expect(await verifyAudit(ports, wang, caseId)).toMatchObject({ valid: false, brokenAt: 2 });
  });

  test('a notice is read with a link to its PDF once rendered, and is said to be rendering until then [N14]', async () => {
    const ports = setup();
    const { caseId } = await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    expect((await readNotice(ports, wang, caseId, `${caseId}.N1`)).rendering).toBe(true);
    await ports.owed.recordNoticeDocument(caseId, `${caseId}.N1`, { bucket: 'd', key: 'k', versionId: 'v', sha256: 'a'.repeat(64), bytes: 1, pages: 1, renderedAt: '', missing: [] });
    expect((await readNotice(ports, wang, caseId, `${caseId}.N1`)).notice.url).toBe('memory://k');
    expect(await refusal(readNotice(ports, wang, caseId, `${caseId}.N9`))).toBeInstanceOf(NotFound);
  });

  test('the applicant’s own list pages, and a cursor of another list is refused', async () => {
    const ports = setup();
    await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    expect((await listMyCases(ports, wang, { limit: 20 })).items).toHaveLength(1);
    const tasks = await listOpenTasks(ports, staff('clerk-1', 'clerk', FOOD_DEPT), { limit: 1 });
    expect(tasks.items).toHaveLength(1);
    expect(await refusal(listMyCases(ports, wang, { limit: 20, cursor: Buffer.from('tasks:1').toString('base64url') }))).toBeInstanceOf(Malformed);
    expect(await refusal(listOpenTasks(ports, { sub: 'x', name: 'x', roles: ['clerk'] }, { limit: 20 }))).toBeInstanceOf(Forbidden);
  });
});

describe('licences [E15] [E16]', () => {
  test('the holder, the issuing department and supervisors over its region read a licence; others are told it does not exist; anyone may verify it', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    const id = ports.state.cases.get(caseId)!.case.result!.licenceId!;
    expect(await readLicence(ports, wang, id)).toMatchObject({ licenceId: id, holder: { name: '王小明' } });
    expect(await readLicence(ports, wang, id)).not.toHaveProperty('holder.idNumber');
    expect((await readLicence(ports, staff('h', 'handler', FOOD_DEPT), id)).licenceId).toBe(id);
    expect((await readLicence(ports, staff('sup', 'supervisor', '610000-ZWFW', { region: '610000' }), id)).licenceId).toBe(id);
    expect(await refusal(readLicence(ports, citizen(PEOPLE.chen), id))).toBeInstanceOf(NotFound);
    expect(await verifyLicence(ports, id)).toMatchObject({ valid: true, licenceId: id });
    ports.state.licences.get(id)!.typeName = '改过的';
    expect(await verifyLicence(ports, id)).toMatchObject({ valid: false, reason: expect.stringContaining('signature does not verify') });
  });
});

describe('notices are verifiable by anyone holding a copy [N14]', () => {
  test('by their number and content hash; nothing about the applicant; a malformed hash is 400', async () => {
    const ports = setup();
    const { caseId } = await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    const n = ports.state.cases.get(caseId)!.notices[0];
    const v = await verifyNotice(ports, n.noticeId, n.sha256);
    expect(v).toMatchObject({ valid: true, checked: { matches: 'content' }, issuer: '西安市雁塔区行政审批服务局' });
    expect(JSON.stringify(v)).not.toContain('王小明');
    expect(await verifyNotice(ports, n.noticeId, 'b'.repeat(64))).toMatchObject({ valid: false });
    expect(await refusal(verifyNotice(ports, n.noticeId, 'xyz'))).toBeInstanceOf(Malformed);
    expect(await refusal(verifyNotice(ports, 'nonsense', undefined))).toBeInstanceOf(NotFound);
  });
});

describe('the archive record [E22] [E24]', () => {
  test('archivists and supervisors over the case’s region read where the package is and its lock; others may not', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    const archivist = staff('arc', 'archivist', '610113-DA', { region: '610113' });
    expect(await refusal(readArchive(ports, archivist, caseId))).toBeInstanceOf(NotFound);
    await archiveCase(ports, caseId);
    expect(await readArchive(ports, archivist, caseId)).toMatchObject({ mode: 'COMPLIANCE', key: expect.stringContaining(caseId) });
    expect(await refusal(readArchive(ports, staff('arc-lh', 'archivist', '610104-DA', { region: '610104' }), caseId))).toBeInstanceOf(NotFound);
    expect(await refusal(readArchive(ports, wang, caseId))).toBeInstanceOf(Forbidden);
  });
});
