import { DEMO_COMPANY_CHANGE_MATTER_CODE, DEMO_COMPANY_MATTER_CODE, DEMO_SOLE_TRADER_MATTER_CODE } from '#shared/catalog/demo-seed';
import { sha256Hex } from '#shared/domain/audit';
import { Conflict, Forbidden, Invalid, Malformed, NotFound } from '#shared/domain/errors';
import { pdfSignedPart } from '#shared/domain/licence';
import { parseLicenceIdentifier } from '#shared/domain/rules/e15-licence-identifier';
import { listMyLicences, revokeLicence } from '#shared/domain/steps/licences';
import { readCase, readLicence, verifyLicence } from '#shared/domain/steps/reads';
import { renderCaseNotices } from '#shared/domain/steps/render-notices';
import { memoryPorts } from '../support/memory-ports';
import { application, approve, citizen, completedCase, file, FOOD, FOOD_DEPT, PEOPLE, refusal, seedCatalog, staff } from '../support/fixtures';

const setup = () => {
  const ports = memoryPorts();
  seedCatalog(ports);
  return ports;
};
const wang = citizen(PEOPLE.wang);
const licenceOf = (ports: ReturnType<typeof setup>, caseId: string) => ports.state.cases.get(caseId)!.case.result!.licenceId!;

/** wang registers as a 个体工商户 and is issued a 营业执照 [E15]. */
async function soleTrader(ports: ReturnType<typeof setup>) {
  return licenceOf(ports, await completedCase(ports, { decision: 'approve' }, PEOPLE.wang, DEMO_SOLE_TRADER_MATTER_CODE));
}
const foodWithout = (ports: ReturnType<typeof setup>, code: string) => {
  const req = application(ports, wang, FOOD, 'online', PEOPLE.wang);
  return { ...req, materials: req.materials.filter((m) => m.code !== code) };
};

describe('免提交 [E14]: a licence the applicant holds serves the material that asks for its type', () => {
  test('wang’s 营业执照 serves the food licence’s M02: nothing is asked for it, and the case records which licence served', async () => {
    const ports = setup();
    const bizLicence = await soleTrader(ports);
    expect(ports.state.licences.get(bizLicence)).toMatchObject({ typeName: '营业执照', holder: { idNumber: PEOPLE.wang.idNumber } });
    const { caseId } = await file(ports, wang, foodWithout(ports, 'M02'));
    const m02 = (await readCase(ports, wang, caseId)).materials.find((m) => m.code === 'M02');
    expect(m02).toMatchObject({ licenceId: bizLicence, verification: { kind: 'licence', valid: true } });
  });

  test('named by its id it serves too; a made-up id, another person’s, one of another type or a revoked one is 422 on that material', async () => {
    const ports = setup();
    const bizLicence = await soleTrader(ports);
    const withId = (licenceId: string) => ({ ...foodWithout(ports, 'M02'), materials: [...foodWithout(ports, 'M02').materials, { code: 'M02', licenceId }] });
    // the refusal of the named licence (the material is then also reported missing)
    const paths = async (licenceId: string) => ((await refusal(file(ports, wang, withId(licenceId)))) as Invalid).errors.filter((e) => e.path !== 'materials').map((e) => [e.path, e.message]);

    expect(await paths('LIC-ZW20260101AAAAAAAAAA')).toEqual([['materials.3.licenceId', expect.stringContaining('there is no licence')]]);
    // chen's 营业执照: to wang it does not exist
    const chenLicence = licenceOf(ports, await completedCase(ports, { decision: 'approve' }, PEOPLE.chen, DEMO_SOLE_TRADER_MATTER_CODE));
    expect(await paths(chenLicence)).toEqual([['materials.3.licenceId', expect.stringContaining('there is no licence')]]);
    // a food licence is not a 营业执照
    const foodLicence = licenceOf(ports, await completedCase(ports));
    expect(await paths(foodLicence)).toEqual([['materials.3.licenceId', expect.stringContaining('not the licence type')]]);
    // a licenceId on a material no licence serves
    const onM01 = { ...foodWithout(ports, 'M01'), materials: [...foodWithout(ports, 'M01').materials, { code: 'M01', licenceId: bizLicence }] };
    expect(((await refusal(file(ports, wang, onM01))) as Invalid).errors[0].message).toContain('not one a licence serves');
    // named by its id, wang's own 营业执照 serves
    const named = await file(ports, wang, withId(bizLicence));
    expect(ports.state.cases.get(named.caseId)!.case.materials.find((m) => m.code === 'M02')).toMatchObject({ licenceId: bizLicence });
    // revoked: refused when named, and no longer found for the material either
    await revokeLicence(ports, staff('head-1', 'head', FOOD_DEPT), bizLicence, { reason: '以欺骗手段取得' });
    expect(await paths(bizLicence)).toEqual([['materials.3.licenceId', 'the licence is revoked']]);
    expect(((await refusal(file(ports, wang, foodWithout(ports, 'M02')))) as Invalid).errors.map((e) => e.message)).toEqual([expect.stringContaining('holds no valid licence of its type')]);
  });

  test('an enterprise’s 营业执照 serves its 变更登记, which issues the licence’s next version and supersedes it [E16]', async () => {
    const ports = setup();
    const boss = citizen(PEOPLE.wang, { orgName: '雁塔小吃有限公司', orgCode: '91610113MA6TE5T01J' });
    const company = { type: 'org' as const, name: '雁塔小吃有限公司', idNumber: '91610113MA6TE5T01J' };
    const set = await file(ports, boss, { ...application(ports, boss, DEMO_COMPANY_MATTER_CODE, 'online', PEOPLE.wang), applicant: company });
    await approve(ports, set.caseId);
    const first = licenceOf(ports, set.caseId);
    ports.setNow('2026-07-01T02:00:00Z');
    const change = application(ports, boss, DEMO_COMPANY_CHANGE_MATTER_CODE, 'online', PEOPLE.wang);
    const changed = await file(ports, boss, { ...change, applicant: company, materials: change.materials.filter((m) => m.code !== 'M04') });
    expect(ports.state.cases.get(changed.caseId)!.case.materials.find((m) => m.code === 'M04')).toMatchObject({ licenceId: first });
    await approve(ports, changed.caseId);
    const second = licenceOf(ports, changed.caseId);
    expect(parseLicenceIdentifier(second)).toEqual({ ...parseLicenceIdentifier(first), version: 2 });
    expect(ports.state.licences.get(first)).toMatchObject({ status: 'superseded', supersededBy: second });
    expect(ports.state.licences.get(second)).toMatchObject({ status: 'valid', supersedes: first, version: 2 });
    expect(await verifyLicence(ports, first)).toMatchObject({ valid: false, status: 'superseded', supersededBy: second });
    expect(await verifyLicence(ports, second)).toMatchObject({ valid: true, version: 2 });
    // the enterprise's licences, to whoever acts for it: the new version first
    expect((await listMyLicences(ports, boss, 'org', { limit: 10 })).items.map((l) => [l.licenceId, l.status])).toEqual([
      [second, 'valid'],
      [first, 'superseded'],
    ]);
    expect((await listMyLicences(ports, wang, 'person', { limit: 10 })).items).toEqual([]);
    expect(await refusal(listMyLicences(ports, wang, 'org', { limit: 10 }))).toBeInstanceOf(Forbidden);
  });
});

describe('revocation [E16]', () => {
  test('by the head of the issuing department, with the reason, once; on the case’s audit trail; verification says so', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    const id = licenceOf(ports, caseId);
    expect(await refusal(revokeLicence(ports, staff('handler-1', 'handler', FOOD_DEPT), id, { reason: 'x' }))).toBeInstanceOf(Forbidden);
    expect(await refusal(revokeLicence(ports, staff('head-9', 'head', '610104-XZSP'), id, { reason: 'x' }))).toBeInstanceOf(NotFound);
    expect(await refusal(revokeLicence(ports, wang, id, { reason: 'x' }))).toBeInstanceOf(Forbidden);
    const done = await revokeLicence(ports, staff('head-1', 'head', FOOD_DEPT), id, { reason: '以欺骗手段取得许可' });
    expect(done).toMatchObject({ status: 'revoked', revocation: { reason: '以欺骗手段取得许可', by: { sub: 'head-1' } } });
    expect(await refusal(revokeLicence(ports, staff('head-1', 'head', FOOD_DEPT), id, { reason: 'again' }))).toBeInstanceOf(Conflict);
    expect(await verifyLicence(ports, id)).toMatchObject({ valid: false, status: 'revoked', reason: 'the licence is revoked' });
    expect(ports.state.cases.get(caseId)!.events.at(-1)).toMatchObject({ action: 'revoke_licence', actor: { sub: 'head-1' }, detail: { licenceId: id } });
  });

  test('verification tells nothing about the holder, and a malformed or unknown id is 404', async () => {
    const ports = setup();
    const id = licenceOf(ports, await completedCase(ports));
    const v = await verifyLicence(ports, id);
    expect(JSON.stringify(v)).not.toContain(PEOPLE.wang.name);
    expect(JSON.stringify(v)).not.toContain(PEOPLE.wang.idNumber);
    expect(v).not.toHaveProperty('caseId');
    expect(await refusal(verifyLicence(ports, 'LIC-X'))).toBeInstanceOf(NotFound);
    expect(await refusal(verifyLicence(ports, id.slice(0, -1) + (id.endsWith('0') ? '1' : '0')))).toBeInstanceOf(NotFound);
  });

  test('a licence past its validity is not valid [E16]', async () => {
    const ports = setup();
    const id = licenceOf(ports, await completedCase(ports));
    ports.setNow('2031-06-01T02:00:00Z');
    expect(await verifyLicence(ports, id)).toMatchObject({ valid: false, status: 'valid', reason: 'the licence expired on 2031-05-31' });
  });
});

describe('the licence as a PDF [E15]', () => {
  test('the unified return renders it once, beside the notices, its hash signed by the issuing key; the holder gets a link to that version', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    const id = licenceOf(ports, caseId);
    const pdf = ports.state.licences.get(id)!.pdf!;
    expect(pdf.key).toBe(`notices/${caseId}/licence-1.pdf`);
    expect(sha256Hex(ports.state.documents.get(pdf.key)!)).toBe(pdf.sha256);
    expect(await ports.signer.verify(pdfSignedPart(id, pdf.sha256), pdf.signature)).toBe(true);
    expect(await ports.signer.verify(pdfSignedPart(id, 'f'.repeat(64)), pdf.signature)).toBe(false);
    // asked again (the stream and the workflow both ask): nothing is rendered twice
    const before = ports.seen.rendered.filter((x) => x === id).length;
    expect(await renderCaseNotices(ports, caseId)).toEqual([]);
    expect(ports.seen.rendered.filter((x) => x === id).length).toBe(before);
    expect(await readLicence(ports, wang, id)).toMatchObject({ pdf: { sha256: pdf.sha256, pages: 1, signature: pdf.signature, url: `memory://${pdf.key}` } });
  });

  test('until it is rendered the licence says so (pdf: null), and a rendering that comes later is recorded', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    const id = licenceOf(ports, caseId);
    delete ports.state.licences.get(id)!.pdf;
    expect((await readLicence(ports, wang, id)).pdf).toBeNull();
    expect(await verifyLicence(ports, id)).toMatchObject({ valid: true, document: null });
    expect(await renderCaseNotices(ports, caseId)).toEqual([id]);
    expect((await readLicence(ports, wang, id)).pdf).toMatchObject({ sha256: ports.state.licences.get(id)!.pdf!.sha256 });
  });

  test('anyone shown the PDF checks it by its hash: this licence’s rendition, or not; nothing about the holder either way', async () => {
    const ports = setup();
    const id = licenceOf(ports, await completedCase(ports));
    const { sha256 } = ports.state.licences.get(id)!.pdf!;
    const good = await verifyLicence(ports, id, sha256.toUpperCase());
    expect(good).toMatchObject({ valid: true, document: { sha256, signed: true }, checked: { sha256, matches: 'document' } });
    expect(JSON.stringify(good)).not.toContain(PEOPLE.wang.name);
    expect(await verifyLicence(ports, id, 'a'.repeat(64))).toMatchObject({ valid: false, checked: { matches: 'none' }, reason: 'the document checked is not this licence’s PDF as issued' });
    expect(await refusal(verifyLicence(ports, id, 'not-a-hash'))).toBeInstanceOf(Malformed);
    // a rendition whose signature does not hold is no proof, though its hash is the one recorded
    ports.state.licences.get(id)!.pdf!.signature = Buffer.from('forged').toString('base64');
    expect(await verifyLicence(ports, id, sha256)).toMatchObject({ valid: false, document: { signed: false }, checked: { matches: 'none' } });
  });

  test('a revocation that raced the rendering keeps the PDF: the revocation reads the licence again and writes both', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    const id = licenceOf(ports, caseId);
    const rendered = ports.state.licences.get(id)!.pdf!;
    delete ports.state.licences.get(id)!.pdf;
    const commit = ports.cases.commit.bind(ports.cases);
    let first = true;
    ports.cases.commit = async (change) => {
      // the renderer records the PDF between the revocation's read and its write
      if (first && change.licenceUpdates?.length) {
        first = false;
        await ports.owed.recordLicenceDocument(id, rendered);
      }
      return commit(change);
    };
    await revokeLicence(ports, staff('head-1', 'head', FOOD_DEPT), id, { reason: '许可被撤销' });
    expect(first).toBe(false);
    expect(ports.state.licences.get(id)).toMatchObject({ status: 'revoked', pdf: { sha256: rendered.sha256 } });
    expect(ports.state.cases.get(caseId)!.events.filter((e) => e.action === 'revoke_licence')).toHaveLength(1);
  });
});
