import { Forbidden, Invalid, OpenCaseExists } from '#shared/domain/errors';
import { FORM_MAX_BYTES } from '#shared/domain/rules/n15-application-form';
import { memoryPorts } from '../support/memory-ports';
import { application, citizen, file, FOOD, FOOD_DEPT, PARALLEL, PEOPLE, person, refusal, seedCatalog, staff, upload } from '../support/fixtures';

/** 统一收件 [N14]: one intake for every channel, each filing in the name it may be made in [N13]. */
const setup = () => {
  const ports = memoryPorts();
  seedCatalog(ports);
  return ports;
};

describe('an online filing [N13] [N14]', () => {
  test('in the filer’s own real name is recorded with its receipt, its acceptance task and the 5-working-day limit', async () => {
    const ports = setup();
    const wang = citizen(PEOPLE.wang);
    const r = await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    expect(r).toMatchObject({ status: 'submitted', receipt: { title: '接收回执', acceptingDept: '西安市雁塔区行政审批服务局' } });
    const f = ports.state.cases.get(r.caseId)!;
    expect(f.case.applicant).toMatchObject({ sub: 'c-wang', name: '王小明', idNumber: '610113199001011230' });
    expect(f.case.applicant).not.toHaveProperty('verifiedBy');
    expect(f.tasks).toMatchObject([{ taskId: `${r.caseId}.A1`, kind: 'acceptance', dept: FOOD_DEPT, status: 'open' }]);
    expect(f.notices.map((n) => n.kind)).toEqual(['receipt']);
    expect(f.case.acceptBy).toBe(ports.calendar.addWorkingDays(f.case.submittedAt, 5).date);
    expect(ports.seen.metrics).toEqual(['CaseSubmitted']);
  });

  test('in another person’s name is refused (403), and nothing is written', async () => {
    const ports = setup();
    const wang = citizen(PEOPLE.wang);
    const err = await refusal(file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.chen)));
    expect(err).toBeInstanceOf(Forbidden);
    expect(err.message).toContain('own real name');
    expect(ports.state.cases.size).toBe(0);
  });

  test('from a token that carries no real-name identity is refused (403)', async () => {
    const ports = setup();
    const anonymous = { sub: 'c-x', name: '王小明', roles: ['citizen'] } as const;
    const err = await refusal(file(ports, { ...anonymous, roles: ['citizen'] }, application(ports, { ...anonymous, roles: ['citizen'] }, FOOD, 'online', PEOPLE.wang)));
    expect(err).toBeInstanceOf(Forbidden);
  });

  test('with idType "other" still names the filer’s own document: a different number is refused', async () => {
    const ports = setup();
    const foreigner = citizen({ sub: 'c-f', name: 'John Smith', idNumber: 'E12345678' }, { idType: 'passport' });
    const ok = application(ports, foreigner, FOOD, 'online', { name: 'John Smith', idNumber: 'E12345678' });
    const other = { ...ok, applicant: { ...ok.applicant, idType: 'other' as const, idNumber: 'X99999999' } };
    expect(await refusal(file(ports, foreigner, other))).toBeInstanceOf(Forbidden);
    const filed = await file(ports, foreigner, { ...ok, applicant: { ...ok.applicant, idType: 'passport' } });
    expect(ports.state.cases.get(filed.caseId)!.case.applicant).toMatchObject({ idType: 'passport', idNumber: 'E12345678' });
  });

  test('for an enterprise is in the name the person acts for: its 统一社会信用代码 and registered name', async () => {
    const ports = setup();
    const boss = citizen(PEOPLE.wang, { orgName: '雁塔小吃店', orgCode: '91610113MA6TE5T01J' });
    const req = application(ports, boss, FOOD, 'online', PEOPLE.wang);
    const filed = await file(ports, boss, { ...req, applicant: { type: 'org', name: '雁塔小吃店', idNumber: '91610113MA6TE5T01J' } });
    expect(ports.state.cases.get(filed.caseId)!.case.applicant).toMatchObject({ type: 'org', idNumber: '91610113MA6TE5T01J' });
    expect(await refusal(file(ports, boss, { ...req, matterCode: PARALLEL, materials: application(ports, boss, PARALLEL, 'online', PEOPLE.wang).materials, applicant: { type: 'org', name: '别的公司', idNumber: '91350100M000100Y43' } }))).toBeInstanceOf(Forbidden);
  });

  test('an identity number typed wrong is 422 before anything else [N13] (GB 11643)', async () => {
    const ports = setup();
    const wang = citizen(PEOPLE.wang);
    const err = (await refusal(file(ports, wang, application(ports, wang, FOOD, 'online', { ...PEOPLE.wang, idNumber: '610113199001011231' })))) as Invalid;
    expect(err).toBeInstanceOf(Invalid);
    expect(err.errors[0].path).toBe('applicant.idNumber');
  });
});

describe('the materials [E12] [E13] [E14]', () => {
  test('every required material missing is listed at once (422); the shared exchange’s are waived (免提交); a licence the applicant holds none of is asked for', async () => {
    const ports = setup();
    const wang = citizen(PEOPLE.wang);
    const err = (await refusal(file(ports, wang, { ...application(ports, wang, FOOD, 'online', PEOPLE.wang), materials: [] }))) as Invalid;
    expect(err.errors.map((e) => e.message)).toEqual([expect.stringContaining('M01'), expect.stringContaining('M02 (营业执照'), expect.stringContaining('M04'), expect.stringContaining('M05')]);
    expect(err.errors[1].message).toContain('holds no valid licence of its type');
    const filed = await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    // M03 the shared exchange platform holds; M02 (营业执照) was uploaded as a scan, wang holding no e-licence of it
    const materials = ports.state.cases.get(filed.caseId)!.case.materials;
    expect(materials.filter((m) => m.waived).map((m) => m.code)).toEqual(['M03']);
    expect(materials.find((m) => m.code === 'M02')).toMatchObject({ objectKey: expect.any(String), verification: { kind: 'unsigned' } });
  });

  test('bytes that do not match their declared SHA-256, and another person’s upload, are refused by path', async () => {
    const ports = setup();
    const wang = citizen(PEOPLE.wang);
    const req = application(ports, wang, FOOD, 'online', PEOPLE.wang);
    const liar = upload(ports, 'c-wang', 'M01', '0'.repeat(64));
    const theirs = upload(ports, 'c-chen', 'M04');
    const err = (await refusal(file(ports, wang, { ...req, materials: [{ code: 'M01', objectKey: liar }, { code: 'M04', objectKey: theirs }, ...req.materials.filter((m) => m.code === 'M02' || m.code === 'M05')] }))) as Invalid;
    // each refused upload by its path, and so the required materials they were meant to be as missing
    expect(err.errors.slice(0, 2)).toEqual([
      { path: 'materials.0.objectKey', message: expect.stringContaining('sha256') },
      { path: 'materials.1.objectKey', message: 'not an upload of the filer' },
    ]);
    expect(err.errors.slice(2).map((e) => e.message)).toEqual([expect.stringContaining('M01'), expect.stringContaining('M04')]);
  });

  test(`a form beyond ${FORM_MAX_BYTES} bytes, or nested deeper than 8, is 422 on form`, async () => {
    const ports = setup();
    const wang = citizen(PEOPLE.wang);
    const big = { 说明: 'x'.repeat(FORM_MAX_BYTES) };
    const deep = JSON.parse('{"a":'.repeat(9) + '1' + '}'.repeat(9));
    for (const form of [big, deep]) {
      const err = (await refusal(file(ports, wang, { ...application(ports, wang, FOOD, 'online', PEOPLE.wang), form }))) as Invalid;
      expect(err.errors[0].path).toBe('form');
    }
    expect(ports.state.cases.size).toBe(0);
  });
});

describe('a window filing [H8] [H20]', () => {
  test('records the clerk who checked the walk-in applicant’s documents in person as verifier, and the hall', async () => {
    const ports = setup();
    const clerk = staff('clerk-win', 'clerk', FOOD_DEPT);
    const r = await file(ports, clerk, application(ports, clerk, FOOD, 'window', PEOPLE.chen, { onBehalfOf: 'c-chen' }));
    const c = ports.state.cases.get(r.caseId)!.case;
    expect(c.applicant).toMatchObject({ sub: 'c-chen', name: '陈另一', verifiedBy: { sub: 'clerk-win', dept: FOOD_DEPT } });
    expect(c.filedAt).toEqual({ hall: '610113' });
    expect(c.filedBy).toMatchObject({ sub: 'clerk-win', role: 'clerk' });
  });

  test('of a matter the hall does not receive is refused (403)', async () => {
    const ports = setup();
    const clerk = staff('clerk-lh', 'clerk', '610104-XZSP');
    expect(await refusal(file(ports, clerk, application(ports, clerk, FOOD, 'window', PEOPLE.chen, { onBehalfOf: 'c-chen' })))).toBeInstanceOf(Forbidden);
  });
});

describe('an agent filing [H26]', () => {
  const grant = (ports: ReturnType<typeof setup>, validUntil = '2027-01-01T00:00:00Z') =>
    ports.authorisations.put({ applicantSub: 'resident-ma', applicantName: '马大娘', applicantIdType: 'resident_id', applicantIdNumber: PEOPLE.ma.idNumber, agentSub: 'agent-1', matterCodes: [], validUntil, createdAt: '2026-01-01T00:00:00Z' });
  const agent = staff('agent-1', 'agent', '610113');

  test('is made under the resident’s live authorisation, in the name it was given in', async () => {
    const ports = setup();
    await grant(ports);
    const r = await file(ports, agent, application(ports, agent, PARALLEL, 'agent', PEOPLE.ma, { onBehalfOf: 'resident-ma' }));
    expect(ports.state.cases.get(r.caseId)!.case).toMatchObject({ channel: 'agent', applicant: { sub: 'resident-ma', name: '马大娘' } });
  });

  test('without an authorisation, after it expired, or in another person’s name is refused (403)', async () => {
    const ports = setup();
    expect((await refusal(file(ports, agent, application(ports, agent, PARALLEL, 'agent', PEOPLE.ma, { onBehalfOf: 'resident-ma' })))).message).toContain('has not authorised');
    await grant(ports, '2026-05-01T00:00:00Z');
    expect((await refusal(file(ports, agent, application(ports, agent, PARALLEL, 'agent', PEOPLE.ma, { onBehalfOf: 'resident-ma' })))).message).toContain('expired');
    await grant(ports);
    const err = await refusal(file(ports, agent, application(ports, agent, PARALLEL, 'agent', PEOPLE.chen, { onBehalfOf: 'resident-ma' })));
    expect(err).toBeInstanceOf(Forbidden);
    expect(err.message).toContain('authorised them under');
  });
});

describe('one record whatever the channel [N15]', () => {
  test('a second open case is 409 naming the open case to its applicant and to a clerk of its department, and to nobody else', async () => {
    const ports = setup();
    const wang = citizen(PEOPLE.wang);
    const first = await file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang));
    const again = (await refusal(file(ports, wang, application(ports, wang, FOOD, 'online', PEOPLE.wang)))) as OpenCaseExists;
    expect(again).toBeInstanceOf(OpenCaseExists);
    expect(again.extra).toMatchObject({ caseId: first.caseId, receiptNo: first.receiptNo });

    const ownClerk = staff('clerk-xzsp', 'clerk', FOOD_DEPT);
    const atWindow = (await refusal(file(ports, ownClerk, application(ports, ownClerk, FOOD, 'window', PEOPLE.wang, { onBehalfOf: 'c-wang' })))) as OpenCaseExists;
    expect(atWindow.extra).toMatchObject({ caseId: first.caseId });

    // a township station files the county's matters too, but is no department of this case: told there is one, not which
    const station = staff('clerk-station', 'clerk', '610113001-ZF');
    const probe = (await refusal(file(ports, station, application(ports, station, FOOD, 'window', PEOPLE.wang, { onBehalfOf: 'c-wang' })))) as OpenCaseExists;
    expect(probe).toBeInstanceOf(OpenCaseExists);
    expect(probe.extra).toEqual({});
    expect(probe.message).not.toContain(first.caseId);
  });
});
