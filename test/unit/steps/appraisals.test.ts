import { Conflict, Forbidden, Invalid, NotFound } from '#shared/domain/errors';
import { approveAppraisal, destroyAppraised, proposeAppraisal, readAppraisal, rejectAppraisal } from '#shared/domain/steps/appraisals';
import { archiveCase } from '#shared/domain/steps/unified-return';
import { NoDevRetention } from '#shared/domain/rules/e22-retention';
import { validateMatter } from '#shared/domain/rules/n8-matter-validity';
import { memoryPorts, type MemoryPorts } from '../support/memory-ports';
import { completedCase, FOOD, PEOPLE, refusal, seedCatalog, staff } from '../support/fixtures';

/**
 * 鉴定 and 销毁 [E18]: packages past their retention listed, approved by a head then an archivist
 * (nobody twice, not the proposer), destroyed after the waiting period as far as the store lets go,
 * every item a line of the destruction register. The store's own refusal is proven on RGW
 * (test/e2e/archive.test.ts); here the memory store refuses a version still locked the same way.
 */
const archivist = staff('arc', 'archivist', '610113-DA', { region: '610113' });
const archivist2 = staff('arc2', 'archivist', '610113-DA', { region: '610113' });
const head = staff('head', 'head', '610113-XZSP', { region: '610113' });

const foodUnderDev = (ports: MemoryPorts) => {
  for (const [k, m] of [...ports.state.matters, ...ports.state.versions]) if (m.code === FOOD) (k.includes('@') ? ports.state.versions : ports.state.matters).set(k, { ...m, retention: 'dev' });
};

/** A memory platform whose food matter is kept under the development class: 60 seconds. */
async function devArchive(n = 1): Promise<{ ports: MemoryPorts; ids: string[] }> {
  const ports = memoryPorts();
  seedCatalog(ports);
  ports.settings.devRetentionSeconds = 60;
  foodUnderDev(ports);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = await completedCase(ports, { decision: 'approve' }, i ? PEOPLE.chen : PEOPLE.wang);
    await archiveCase(ports, id);
    ids.push(id);
  }
  return { ports, ids };
}

const later = (ports: MemoryPorts, seconds: number) => ports.setNow(new Date(ports.clock.now().getTime() + seconds * 1000));

describe('appraisal and destruction [E18]', () => {
  test('the development class exists only where a development configuration defines it, and no catalog change can give it', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    foodUnderDev(ports);
    const id = await completedCase(ports);
    expect(await refusal(archiveCase(ports, id))).toBeInstanceOf(NoDevRetention);
    expect(ports.state.archive.size).toBe(0);
    const m = ports.state.matters.get(FOOD)!;
    expect(validateMatter(m, ports.state.departments).join(' ')).toContain('retention "dev" is not a retention class');
  });

  test('listed only once the retention has passed; head, then another archivist; the waiting period; then destroyed, on the case’s audit trail and in the register', async () => {
    const { ports, ids } = await devArchive(2);
    const [a0] = ids.map((id) => ports.state.cases.get(id)!.case.archive!);
    expect(a0.retainUntil).toBe(new Date(Math.ceil((Date.parse(ports.state.cases.get(ids[0])!.case.completedAt!) + 60_000) / 1000) * 1000).toISOString());
    expect(await refusal(proposeAppraisal(ports, archivist, { before: '2100-01-01T00:00:00Z' }))).toBeInstanceOf(Invalid);
    later(ports, 61);
    const p = await proposeAppraisal(ports, archivist, { before: '2100-01-01T00:00:00Z' });
    expect([p.status, p.items.map((i) => i.caseId).sort()]).toEqual(['proposed', [...ids].sort()]);
    // the order and the people
    expect(await refusal(approveAppraisal(ports, archivist2, p.appraisalId))).toMatchObject({ message: 'a department head approves an appraisal first' });
    expect(await refusal(approveAppraisal(ports, archivist, p.appraisalId))).toMatchObject({ message: 'the archivist who proposed an appraisal does not approve it' });
    await approveAppraisal(ports, head, p.appraisalId);
    expect(await refusal(approveAppraisal(ports, head, p.appraisalId))).toMatchObject({ message: 'nobody approves an appraisal twice' });
    expect(await refusal(destroyAppraised(ports, archivist2, p.appraisalId))).toBeInstanceOf(Conflict);
    const approved = await approveAppraisal(ports, archivist2, p.appraisalId);
    expect(approved).toMatchObject({ status: 'approved', destroyAfter: new Date(ports.clock.now().getTime() + 86_400_000).toISOString() });
    expect(await refusal(destroyAppraised(ports, archivist, p.appraisalId))).toMatchObject({ message: expect.stringContaining('the waiting period runs until') });
    later(ports, 86_400);
    const d = await destroyAppraised(ports, archivist, p.appraisalId);
    expect(d).toMatchObject({ status: 'destroyed', destruction: { destroyed: 2, refused: 0 } });
    for (const id of ids) {
      const f = ports.state.cases.get(id)!;
      expect(ports.state.archive.get(f.case.archive!.key)).toEqual([]);
      expect(f.case.destroyed).toMatchObject({ appraisalId: p.appraisalId });
      expect(f.events.at(-1)).toMatchObject({ action: 'destroy', actor: { sub: 'arc' } });
    }
    const read = await readAppraisal(ports, staff('sup', 'supervisor', '610100-JC', { region: '610100' }), p.appraisalId);
    expect(read.register.map((l) => [l.caseId, l.outcome, l.approvedBy.length])).toEqual(expect.arrayContaining(ids.map((id) => [id, 'destroyed', 2])));
    // destroyed once: the list is done, and a new proposal finds nothing
    expect(await refusal(destroyAppraised(ports, archivist, p.appraisalId))).toBeInstanceOf(Conflict);
    expect(await refusal(proposeAppraisal(ports, archivist, { before: '2100-01-01T00:00:00Z' }))).toBeInstanceOf(Invalid);
  });

  test('what the store will not let go is refused by it, and the register says so: a package put under a legal hold after the appraisal stays', async () => {
    const { ports, ids } = await devArchive(1);
    later(ports, 61);
    const p = await proposeAppraisal(ports, archivist, { before: '2100-01-01T00:00:00Z' });
    await approveAppraisal(ports, head, p.appraisalId);
    await approveAppraisal(ports, archivist2, p.appraisalId);
    later(ports, 86_400);
    const key = ports.state.cases.get(ids[0])!.case.archive!.key;
    ports.state.archive.get(key)![0].lock.legalHold = true;
    const d = await destroyAppraised(ports, archivist, p.appraisalId);
    expect(d.register).toEqual([expect.objectContaining({ caseId: ids[0], outcome: 'refused', reason: expect.stringContaining('the store refused the delete') })]);
    expect(ports.state.archive.get(key)).toHaveLength(1);
    expect(ports.state.cases.get(ids[0])!.case.destroyed).toBeUndefined();
  });

  test('rejected with a reason ends it; who may: archivists of the region propose, heads and archivists decide, supervisors read', async () => {
    const { ports } = await devArchive(1);
    later(ports, 61);
    expect(await refusal(proposeAppraisal(ports, head, { before: '2100-01-01T00:00:00Z' }))).toBeInstanceOf(Forbidden);
    expect(await refusal(proposeAppraisal(ports, archivist, { before: '2100-01-01T00:00:00Z', region: '610104' }))).toBeInstanceOf(Forbidden);
    const p = await proposeAppraisal(ports, archivist, { before: '2100-01-01T00:00:00Z' });
    expect(await refusal(approveAppraisal(ports, staff('head-lh', 'head', '610104-XZSP', { region: '610104' }), p.appraisalId))).toBeInstanceOf(Forbidden);
    expect(await rejectAppraisal(ports, head, p.appraisalId, { reason: '尚有未结诉讼' })).toMatchObject({ status: 'rejected', rejection: { reason: '尚有未结诉讼' } });
    expect(await refusal(approveAppraisal(ports, archivist2, p.appraisalId))).toBeInstanceOf(Conflict);
    expect(await refusal(readAppraisal(ports, archivist, 'AP-none'))).toBeInstanceOf(NotFound);
  });

  test('permanent packages are never listed (their legal hold keeps them out of the expiry index)', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const permanent = [...ports.state.matters.values()].find((m) => m.retention === 'permanent' && m.region === '610113')!;
    const id = await completedCase(ports, { decision: 'approve' }, PEOPLE.wang, permanent.code);
    await archiveCase(ports, id);
    later(ports, 200 * 365 * 86_400);
    expect(await refusal(proposeAppraisal(ports, archivist, { before: '2300-01-01T00:00:00Z' }))).toBeInstanceOf(Invalid);
  });
});
