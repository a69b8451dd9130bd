import { DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { call, eventually, pdf, token, upload, citizenToken } from './client';

/**
 * [N10] a change to the common catalog goes provincial department → 省政府办公厅 → 省司法厅 → applied
 * by the provincial service centre as a new version; a change to local fields is applied by the city or
 * county centre. Nobody approves their own change; cases keep the version they were filed under.
 */
const LIANHU_FOOD = DEMO_FOOD_MATTER_CODE.replace('610113', '610104');
let scjg: string, office: string, justice: string, provinceCentre: string, yantaCentre: string, yantaDept: string;

beforeAll(async () => {
  scjg = await token({ sub: 'admin-scjg', roles: ['catalog_admin'], dept: '610000-SCJG', region: '610000' });
  office = await token({ sub: 'reviewer-bgt', roles: ['office_reviewer'], dept: '610000-BGT', region: '610000' });
  justice = await token({ sub: 'reviewer-sft', roles: ['justice_reviewer'], dept: '610000-SFT', region: '610000' });
  provinceCentre = await token({ sub: 'admin-zwfw', roles: ['catalog_admin'], dept: '610000-ZWFW', region: '610000' });
  yantaCentre = await token({ sub: 'admin-yt-zwfw', roles: ['catalog_admin'], dept: '610113-ZWFW', region: '610113' });
  yantaDept = await token({ sub: 'admin-yt-xzsp', roles: ['catalog_admin'], dept: '610113-XZSP', region: '610113' });
});

const approve = (id: string, tok: string) => call('POST', `/v1/catalog/changes/${id}/approve`, { token: tok, body: {} });

test('a common-field change passes 办公厅 then 司法厅, is applied by the provincial centre, and reaches every region as a new version; cases keep theirs', async () => {
  const citizen = await citizenToken('citizen-catalog', { type: 'org', name: '雁塔小吃店', idNumber: '91610113MA6TE5T01J' });
  const materials = await Promise.all(['M01', 'M02', 'M04', 'M05'].map(async (code) => ({ code, objectKey: await upload(citizen, pdf(code)) })));
  const before = await call('POST', '/v1/cases', {
    token: citizen,
    body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant: { type: 'org', name: '雁塔小吃店', idNumber: '91610113MA6TE5T01J' }, channel: 'online', materials },
    headers: { 'Idempotency-Key': 'catalog-before' },
  });
  expect(before.status).toBe(201);
  const v0 = (await call('GET', `/v1/matters/${DEMO_FOOD_MATTER_CODE}`)).body.version;

  const conditions = '具有与经营的食品品种、数量相适应的场所和设备设施，有食品安全管理人员和规章制度（2026年修订）。';
  const proposed = await call('POST', '/v1/catalog/changes', { token: scjg, body: { op: 'change', codes: [DEMO_FOOD_MATTER_CODE], patch: { conditions }, reason: '依据新修订的管理办法调整受理条件' } });
  expect(proposed.status).toBe(201);
  expect(proposed.body).toMatchObject({ scope: 'common', status: 'pending', step: 0 });
  expect(proposed.body.chain.map((s: any) => s.role)).toEqual(['office_reviewer', 'justice_reviewer', 'catalog_admin']);
  const id = proposed.body.id;

  expect((await approve(id, justice)).status).toBe(403); // skipping the 办公厅
  expect((await approve(id, scjg)).status).toBe(403); // the proposer
  expect((await approve(id, office)).body.step).toBe(1);
  expect((await approve(id, office)).status).toBe(403); // the 办公厅 again, at the 司法厅's step
  expect((await approve(id, justice)).body.step).toBe(2);
  expect((await approve(id, yantaCentre)).status).toBe(403); // a county centre cannot apply a common change
  const applied = await approve(id, provinceCentre);
  expect(applied.status).toBe(200);
  expect(applied.body.status).toBe('applied');
  expect(applied.body.result.published.sort()).toEqual([LIANHU_FOOD, DEMO_FOOD_MATTER_CODE].sort());
  expect(applied.body.history.map((h: any) => h.action)).toEqual(['propose', 'approve', 'approve', 'approve', 'apply']);

  for (const code of [DEMO_FOOD_MATTER_CODE, LIANHU_FOOD]) {
    const guide = await call('GET', `/v1/matters/${code}`);
    expect(guide.body.conditions).toBe(conditions);
  }
  expect((await call('GET', `/v1/matters/${DEMO_FOOD_MATTER_CODE}`)).body.version).toBe(v0 + 1);
  const kept = await call('GET', `/v1/cases/${before.body.caseId}`, { token: citizen });
  expect(kept.body.matterVersion).toBe(v0);
});

test('a local-field change is applied by the county centre alone; a county cannot change common fields', async () => {
  const common = await call('POST', '/v1/catalog/changes', { token: yantaDept, body: { op: 'change', codes: [DEMO_FOOD_MATTER_CODE], patch: { legalBasis: '自定' }, reason: 'x' } });
  expect(common.status).toBe(403);
  const local = await call('POST', '/v1/catalog/changes', { token: yantaDept, body: { op: 'change', codes: [DEMO_FOOD_MATTER_CODE], patch: { promiseDays: 4, steps: [{ name: '申请', days: 0 }, { name: '受理', days: 1 }, { name: '审查', days: 1 }, { name: '决定', days: 1 }, { name: '送达', days: 1 }], phone: '029-85000000' }, reason: '承诺时限压缩' } });
  expect(local.status).toBe(201);
  expect(local.body.scope).toBe('local');
  expect(local.body.chain).toEqual([{ role: 'catalog_admin', dept: '610113-ZWFW', label: expect.any(String) }]);
  const done = await approve(local.body.id, yantaCentre);
  expect(done.body.status).toBe('applied');
  expect((await call('GET', `/v1/matters/${DEMO_FOOD_MATTER_CODE}`)).body.promiseDays).toBe(4);
  // the 莲湖区 item is untouched by a 雁塔区 local change
  expect((await call('GET', `/v1/matters/${LIANHU_FOOD}`)).body.promiseDays).toBe(5);
});

test('bad proposals are refused and nothing is published', async () => {
  const over = await call('POST', '/v1/catalog/changes', { token: yantaDept, body: { op: 'change', codes: [DEMO_FOOD_MATTER_CODE], patch: { promiseDays: 30 }, reason: 'x' } });
  expect(over.status).toBe(422);
  expect(JSON.stringify(over.body.errors)).toContain('exceeds legalDays');
  const guide = (await call('GET', `/v1/matters/${DEMO_FOOD_MATTER_CODE}`)).body;
  const { version, status, ...item } = guide;
  const dup = await call('POST', '/v1/catalog/changes', { token: yantaDept, body: { op: 'add', matters: [{ ...item, keywords: [] }], reason: 'x' } });
  expect(dup.status).toBe(422);
  expect(JSON.stringify(dup.body.errors)).toContain('already exists');
  const unknownDept = await call('POST', '/v1/catalog/changes', { token: yantaDept, body: { op: 'add', matters: [{ ...item, keywords: [], code: `${item.code}-X`, dept: '610113-NOPE', handlingDepts: ['610113-NOPE'] }], reason: 'x' } });
  expect(unknownDept.status).toBe(422);
  expect(JSON.stringify(unknownDept.body.errors)).toContain('610113-NOPE');
  const unknownCode = await call('POST', '/v1/catalog/changes', { token: yantaDept, body: { op: 'suspend', codes: ['NO-SUCH'], reason: 'x' } });
  expect(unknownCode.status).toBe(422);
  const citizen = await token({ sub: 'c-cat', roles: ['citizen'] });
  expect((await call('POST', '/v1/catalog/changes', { token: citizen, body: { op: 'suspend', codes: [DEMO_FOOD_MATTER_CODE], reason: 'x' } })).status).toBe(403);
});

test('a reviewer rejects with reasons; a rejected change cannot be approved; a suspended matter takes no new cases', async () => {
  const p = await call('POST', '/v1/catalog/changes', { token: scjg, body: { op: 'change', codes: [DEMO_FOOD_MATTER_CODE], patch: { fees: '收费' }, reason: '拟收费' } });
  const rejected = await call('POST', `/v1/catalog/changes/${p.body.id}/reject`, { token: office, body: { reason: '行政许可不得收费，无法律依据' } });
  expect(rejected.body.status).toBe('rejected');
  expect(rejected.body.history.at(-1)).toMatchObject({ action: 'reject', comment: '行政许可不得收费，无法律依据' });
  expect((await approve(p.body.id, justice)).status).toBe(409);

  const lianhuDept = await token({ sub: 'admin-lh-xzsp', roles: ['catalog_admin'], dept: '610104-XZSP', region: '610104' });
  const lianhuCentre = await token({ sub: 'admin-lh-zwfw', roles: ['catalog_admin'], dept: '610104-ZWFW', region: '610104' });
  const listed = await call('GET', `/v1/matters?q=${encodeURIComponent('食品经营')}&region=610104`);
  expect(listed.body.items.map((m: any) => m.code)).toContain(LIANHU_FOOD);
  const s = await call('POST', '/v1/catalog/changes', { token: lianhuDept, body: { op: 'suspend', codes: [LIANHU_FOOD], reason: '场地改造暂停受理' } });
  expect(s.status).toBe(201);
  expect((await approve(s.body.id, lianhuCentre)).body.status).toBe('applied');
  const citizen = await citizenToken('citizen-lh', { type: 'person', name: '赵莲湖', idNumber: '610104199909090905' });
  const materials = await Promise.all(['M01', 'M02', 'M04', 'M05'].map(async (code) => ({ code, objectKey: await upload(citizen, pdf(code)) })));
  const refused = await call('POST', '/v1/cases', {
    token: citizen,
    body: { matterCode: LIANHU_FOOD, applicant: { type: 'person', name: '赵莲湖', idNumber: '610104199909090905' }, channel: 'online', materials },
    headers: { 'Idempotency-Key': 'suspended' },
  });
  expect(refused.status).toBe(422);
  expect(refused.body.detail).toContain('suspended');
  // [N8] the approved change republished the search index; the lookup picks it up within seconds
  await eventually('the republished index', async () => {
    const r = await call('GET', `/v1/matters?q=${encodeURIComponent('食品经营')}&region=610104`);
    return r.status === 200 && !r.body.items.some((m: any) => m.code === LIANHU_FOOD);
  }, 30_000);
});

describe('catalog oversight ([N11] 平级相同, [N20] completeness)', () => {
  test('same-level consistency lists where Xi’an’s districts differ, with each district’s value', async () => {
    const res = await call('GET', '/v1/catalog/consistency?level=county&parent=610100', { token: office });
    expect(res.status).toBe(200);
    expect(res.body.regions).toEqual(expect.arrayContaining(['610113', '610104', '610102']));
    const food = res.body.differences.find((d: any) => d.name === '食品经营许可' && d.kind === 'missing');
    // (莲湖区's food licence was suspended above, so only 雁塔区 still implements it)
    expect(food.values).toMatchObject({ '610113': true, '610104': false, '610102': false });
    expect((await call('GET', '/v1/catalog/consistency?level=town&parent=610100', { token: office })).status).toBe(400);
    const citizen = await token({ sub: 'c-cons', roles: ['citizen'] });
    expect((await call('GET', '/v1/catalog/consistency?level=county&parent=610100', { token: citizen })).status).toBe(403);
  });

  test('the completeness check names the guide fields a published matter lacks', async () => {
    const res = await call('GET', '/v1/catalog/completeness?region=610104', { token: office });
    expect(res.status).toBe(200);
    const item = res.body.incomplete.find((x: any) => x.name === '临时救助');
    expect(item.missing).toEqual(expect.arrayContaining(['address', 'hours']));
  });
});

describe('add, split, merge and cancel ([N8] 颗粒化、动态管理)', () => {
  const lianhuDept = () => token({ sub: 'admin-lh-xzsp2', roles: ['catalog_admin'], dept: '610104-XZSP', region: '610104' });
  const lianhuCentre = () => token({ sub: 'admin-lh-zwfw2', roles: ['catalog_admin'], dept: '610104-ZWFW', region: '610104' });
  const guideOf = async (code: string) => {
    const { version, status, ...item } = (await call('GET', `/v1/matters/${code}`)).body;
    return item;
  };
  const COMPANY = DEMO_FOOD_MATTER_CODE.replace('000109001000', '000109002000').replace('610113', '610104');

  test('an add outside the proposer’s region or in an unknown region is refused, nothing published; a valid add is published once the centre applies it', async () => {
    const dept = await lianhuDept();
    const base = await guideOf(COMPANY);
    const foreign = await call('POST', '/v1/catalog/changes', { token: dept, body: { op: 'add', matters: [{ ...base, code: `${COMPANY}-X`, region: '610113' }], reason: 'x' } });
    expect(foreign.status).toBe(403); // a 610104 department adds only 610104 items
    const nowhere = await call('POST', '/v1/catalog/changes', { token: scjg, body: { op: 'add', matters: [{ ...base, code: `${COMPANY}-Y`, region: '619999', ownerDept: 'SCJG' }], reason: 'x' } });
    expect(nowhere.status).toBe(422);
    expect(JSON.stringify(nowhere.body.errors)).toContain('619999 is not a Shaanxi region code');
    expect((await call('GET', `/v1/matters/${COMPANY}-Y`)).status).toBe(404);
    const add = await call('POST', '/v1/catalog/changes', { token: dept, body: { op: 'add', matters: [{ ...base, code: `${COMPANY}-X`, handlingItem: '分支机构设立', keywords: ['分公司'] }], reason: '增加办理项' } });
    expect(add.status).toBe(201);
    expect((await approve(add.body.id, await lianhuCentre())).body.status).toBe('applied');
    const added = await call('GET', `/v1/matters/${COMPANY}-X`);
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ version: 1, status: 'published', handlingItem: '分支机构设立' });
  });

  test('a split cancels the item and publishes its parts; a merge cancels its parts and publishes one', async () => {
    const dept = await lianhuDept();
    const centre = await lianhuCentre();
    const base = await guideOf(`${COMPANY}-X`);
    const parts = ['A', 'B'].map((p) => ({ ...base, code: `${COMPANY}-X${p}`, handlingItem: `分支机构设立（${p}）` }));
    const split = await call('POST', '/v1/catalog/changes', { token: dept, body: { op: 'split', codes: [`${COMPANY}-X`], matters: parts, reason: '细化办理项' } });
    expect(split.status).toBe(201);
    const applied = await approve(split.body.id, centre);
    expect(applied.body.result).toEqual({ published: parts.map((p) => p.code), withdrawn: [`${COMPANY}-X`] });
    expect((await call('GET', `/v1/matters/${COMPANY}-X`)).status).toBe(404); // cancelled
    const merged = { ...base, code: `${COMPANY}-XM`, handlingItem: '分支机构设立（合并）' };
    const merge = await call('POST', '/v1/catalog/changes', { token: dept, body: { op: 'merge', codes: parts.map((p) => p.code), matters: [merged], reason: '合并办理项' } });
    expect(merge.status).toBe(201);
    expect((await approve(merge.body.id, centre)).body.result).toEqual({ published: [merged.code], withdrawn: parts.map((p) => p.code) });
    const cancel = await call('POST', '/v1/catalog/changes', { token: dept, body: { op: 'cancel', codes: [merged.code], reason: '事项取消' } });
    expect((await approve(cancel.body.id, centre)).body.status).toBe('applied');
    expect((await call('GET', `/v1/matters/${merged.code}`)).status).toBe(404);
  });

  test('a case filed before its matter is suspended continues on its version', async () => {
    const citizen = await citizenToken('citizen-open', { type: 'org', name: '莲湖示例有限公司', idNumber: '91610104MA6TE5T02L' });
    const materials = await Promise.all(['M01', 'M02', 'M04'].map(async (code) => ({ code, objectKey: await upload(citizen, pdf(code)) })));
    const sub = await call('POST', '/v1/cases', {
      token: citizen,
      body: { matterCode: COMPANY, applicant: { type: 'org', name: '莲湖示例有限公司', idNumber: '91610104MA6TE5T02L' }, channel: 'online', materials },
      headers: { 'Idempotency-Key': 'open-before-suspend' },
    });
    expect(sub.status).toBe(201);
    const s = await call('POST', '/v1/catalog/changes', { token: await lianhuDept(), body: { op: 'suspend', codes: [COMPANY], reason: '系统升级暂停受理' } });
    expect((await approve(s.body.id, await lianhuCentre())).body.status).toBe('applied');
    const clerk = await token({ sub: 'clerk-lh', roles: ['clerk'], dept: '610104-XZSP', region: '610104' });
    const acc = await call('POST', `/v1/tasks/${sub.body.caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } });
    expect(acc.status).toBe(200);
    expect(acc.body.status).toBe('accepted');
  });
});
