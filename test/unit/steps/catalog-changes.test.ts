import { Conflict, Forbidden, Invalid } from '#shared/domain/errors';
import { approveChange, getChange, proposeChange, rejectChange } from '#shared/domain/steps/catalog-changes';
import { memoryPorts } from '../support/memory-ports';
import { FOOD, refusal, seedCatalog, staff } from '../support/fixtures';

const setup = () => {
  const ports = memoryPorts();
  seedCatalog(ports);
  return ports;
};
const scjg = staff('admin-scjg', 'catalog_admin', '610000-SCJG');
const yanta = staff('admin-yt', 'catalog_admin', '610113-XZSP');
const yantaCentre = staff('admin-yt-centre', 'catalog_admin', '610113-ZWFW');
const office = staff('office-1', 'office_reviewer', '610000-BGT');
const justice = staff('justice-1', 'justice_reviewer', '610000-SFT');
const provinceCentre = staff('admin-centre', 'catalog_admin', '610000-ZWFW');

describe('catalog changes [N10]', () => {
  test('a common-field change passes 办公厅, then 司法厅, and is applied by the provincial centre to every implementation as a new version; the publish starts', async () => {
    const ports = setup();
    const c = await proposeChange(ports, scjg, { op: 'change', codes: [FOOD], patch: { conditions: '新的受理条件' }, reason: '依据新规' });
    expect(c.chain.map((s) => s.role)).toEqual(['office_reviewer', 'justice_reviewer', 'catalog_admin']);
    expect(await refusal(approveChange(ports, justice, c.id, undefined))).toBeInstanceOf(Forbidden);
    await approveChange(ports, office, c.id, '同意');
    await approveChange(ports, justice, c.id, '合法');
    const applied = await approveChange(ports, provinceCentre, c.id, undefined);
    expect(applied.status).toBe('applied');
    const implementations = [...ports.state.matters.values()].filter((m) => m.baseCode === ports.state.matters.get(FOOD)!.baseCode);
    expect(implementations.every((m) => m.conditions === '新的受理条件' && m.changedBy === c.id)).toBe(true);
    expect(ports.seen.started).toEqual([{ kind: 'catalog_publish', caseId: c.id }]);
    expect(await refusal(approveChange(ports, provinceCentre, c.id, undefined))).toBeInstanceOf(Conflict);
  });

  test('nobody approves their own change; a rejected change is not approved later', async () => {
    const ports = setup();
    const c = await proposeChange(ports, yanta, { op: 'change', codes: [FOOD], patch: { phone: '029-85000000' }, reason: '更新电话' });
    expect(c.scope).toBe('local');
    const self = staff('admin-yt', 'catalog_admin', '610113-ZWFW');
    expect((await refusal(approveChange(ports, self, c.id, undefined))).message).toContain('own change');
    await rejectChange(ports, yantaCentre, c.id, '电话有误');
    expect(await refusal(approveChange(ports, yantaCentre, c.id, undefined))).toBeInstanceOf(Conflict);
    expect((await getChange(ports, office, c.id)).status).toBe('rejected');
  });

  test('a county changes only local fields of its own items; the common catalog is the provincial department’s (403)', async () => {
    const ports = setup();
    expect(await refusal(proposeChange(ports, yanta, { op: 'change', codes: [FOOD], patch: { legalBasis: '自定' }, reason: 'x' }))).toBeInstanceOf(Forbidden);
  });

  test('a proposal carrying storage keys or fields the matter model does not have is 422, naming each, and nothing is stored', async () => {
    const ports = setup();
    const guide = structuredClone(ports.state.matters.get(FOOD)!);
    const err = (await refusal(proposeChange(ports, yanta, { op: 'add', matters: [{ ...guide, code: `${FOOD}-X`, pk: 'MATTER#victim', pubPk: 'PUBLISHED#610113' }], reason: 'x' }))) as Invalid;
    expect(err).toBeInstanceOf(Invalid);
    expect(err.errors).toEqual([
      { path: 'matters.0.pk', message: 'not a field of a matter' },
      { path: 'matters.0.pubPk', message: 'not a field of a matter' },
    ]);
    const patch = (await refusal(proposeChange(ports, yanta, { op: 'change', codes: [FOOD], patch: { sk: 'CURRENT', promiseDays: 3 }, reason: 'x' }))) as Invalid;
    expect(patch.errors).toEqual([{ path: 'patch.sk', message: 'not a catalog field' }]);
    expect(ports.state.changes.size).toBe(0);
  });

  test('what the catalog sets itself (version, status, which change wrote it), echoed from a guide, is ignored; the item is checked as a matter [N8]', async () => {
    const ports = setup();
    const guide = structuredClone(ports.state.matters.get(FOOD)!);
    const err = (await refusal(proposeChange(ports, yanta, { op: 'add', matters: [{ ...guide, status: 'published', version: 7, changedBy: 'CHG' }], reason: 'x' }))) as Invalid;
    expect(JSON.stringify(err.errors)).toContain('already exists');
    const ok = await proposeChange(ports, yanta, { op: 'add', matters: [{ ...guide, code: `${FOOD}-NEW`, version: 7 }], reason: '新增' });
    expect(ok.matters![0]).not.toHaveProperty('version');
  });
});

describe('事前 supervision of the guides a change writes [N20]', () => {
  test('a change that leaves a guide without its phone raises a yellow alert on that version; the change that restores it clears it, and the alert is kept', async () => {
    const ports = setup();
    const blank = await proposeChange(ports, yanta, { op: 'change', codes: [FOOD], patch: { phone: ' ', hours: '' }, reason: '电话停用' });
    await approveChange(ports, yantaCentre, blank.id, undefined);
    const v = ports.state.matters.get(FOOD)!.version;
    const [alert] = [...ports.state.alerts.values()];
    expect(alert).toMatchObject({ alertId: `${FOOD}@v${v}~completeness.guide`, rule: 'completeness.guide', level: 'yellow', article: '[N20]', matterCode: FOOD, dept: ports.state.matters.get(FOOD)!.dept, status: 'open', detail: expect.stringMatching(/phone、hours/) });
    expect(alert.caseId).toBeUndefined();
    const fixed = await proposeChange(ports, yanta, { op: 'change', codes: [FOOD], patch: { phone: '029-85000000', hours: '工作日 9:00–17:00', address: '西安市雁塔区政务服务中心一楼' }, reason: '恢复' });
    await approveChange(ports, yantaCentre, fixed.id, undefined);
    expect([...ports.state.alerts.values()].map((a) => [a.alertId, a.status])).toEqual([[alert.alertId, 'cleared']]);
  });
});
