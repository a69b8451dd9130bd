import { Conflict, Forbidden, NotFound } from '#shared/domain/errors';
import { baseCodeOf } from '#shared/domain/retention-schedule';
import { listSchedule, readScheduleEntry, setScheduleEntry } from '#shared/domain/steps/retention-schedule';
import { archiveCase } from '#shared/domain/steps/unified-return';
import { memoryPorts } from '../support/memory-ports';
import { citizen, completedCase, FOOD, PEOPLE, refusal, seedCatalog, staff } from '../support/fixtures';

/** The retention schedule (保管期限表) [E22]: set by the province's archivists, every change recorded, and what the archive keeps a package for. */
const provincial = staff('arc-p', 'archivist', '610000-DA', { region: '610000' });
const county = staff('arc-c', 'archivist', '610113-DA', { region: '610113' });
const basis = '《陕西政务服务网电子文件管理暂行办法》第二十二条';

describe('the retention schedule [E22]', () => {
  test('an archivist of the province sets a matter type’s class with its basis; each change is recorded; others may not', async () => {
    const ports = memoryPorts();
    const code = baseCodeOf(FOOD);
    expect(await setScheduleEntry(ports, provincial, code, { retention: '30y', basis })).toMatchObject({ baseCode: code, retention: '30y', approvedBy: { sub: 'arc-p' } });
    await setScheduleEntry(ports, provincial, code, { retention: 'permanent', basis: `${basis}；凭证性文件` });
    const e = await readScheduleEntry(ports, staff('sup', 'supervisor', '610113-JC', { region: '610113' }), code);
    expect(e).toMatchObject({ retention: 'permanent' });
    expect(e.changes.map((c) => [c.from, c.to])).toEqual([
      [undefined, '30y'],
      ['30y', 'permanent'],
    ]);
    expect((await listSchedule(ports, county)).items).toHaveLength(1);
    expect(await refusal(setScheduleEntry(ports, county, code, { retention: '10y', basis }))).toBeInstanceOf(Forbidden);
    expect(await refusal(listSchedule(ports, citizen(PEOPLE.wang)))).toBeInstanceOf(Forbidden);
    expect(await refusal(readScheduleEntry(ports, county, '999999999999'))).toBeInstanceOf(NotFound);
    // a change raced by another: 409, nothing half-written
    const save = ports.retentionSchedule.set;
    ports.retentionSchedule.set = async () => false;
    expect(await refusal(setScheduleEntry(ports, provincial, code, { retention: '10y', basis }))).toBeInstanceOf(Conflict);
    ports.retentionSchedule.set = save;
    expect((await readScheduleEntry(ports, county, code)).changes).toHaveLength(2);
  });

  test('the archive keeps a package for what the schedule says when it is archived: a food licence made permanent is held and locked to 2106', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    await setScheduleEntry(ports, provincial, baseCodeOf(FOOD), { retention: 'permanent', basis });
    const id = await completedCase(ports);
    expect(ports.state.cases.get(id)!.case.retention).toBe('30y');
    await archiveCase(ports, id);
    const a = ports.state.cases.get(id)!.case.archive!;
    expect(a).toMatchObject({ retention: 'permanent', legalHold: true, retainUntil: '2106-01-01T00:00:00.000Z', archivalCode: expect.stringContaining('-Y-') });
    expect(ports.state.archive.get(a.key)![0].bytes.toString()).toContain('<保管期限>永久</保管期限>');
  });

  test('without an entry the matter’s own class holds', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const id = await completedCase(ports);
    await archiveCase(ports, id);
    expect(ports.state.cases.get(id)!.case.archive).toMatchObject({ retention: '30y', legalHold: false });
  });
});
