import type { Caller, Role } from '#shared/auth/caller';
import type { Case } from '#shared/domain/case';
import { canSee } from '#shared/domain/case-view';

/** The demo parallel case: 残疾人两项补贴 in 雁塔区, accepted by 区残联, reviewed by 区残联 and 区民政局. */
const c: Case = {
  caseId: 'ZW20250506K7Q2M9XA3B',
  receiptNo: '610113-20250506-K7Q2M9XA3B',
  matterCode: '000540001000-610113-CL',
  matterVersion: 1,
  matterName: '困难残疾人生活补贴和重度残疾人护理补贴',
  region: '610113',
  acceptingDept: '610113-CL',
  handlingDepts: ['610113-CL', '610113-MZ'],
  promiseDays: 15,
  retention: '10y',
  applicant: { type: 'person', name: '周敏', idNumber: '610113198505052226', sub: 'c-zhoumin' },
  filedBy: { sub: 'agent-village-03', name: '代办员 孙强', role: 'agent' },
  channel: 'agent',
  form: {},
  materials: [],
  status: 'in_review',
  submittedAt: '2025-05-06T02:15:00.000Z',
  acceptBy: '2025-05-13',
  version: 3,
  eventSeq: 3,
  lastEventHash: 'f'.repeat(64),
};

const caller = (sub: string, roles: Role[], dept?: string, region?: string): Caller => ({ sub, name: sub, roles, dept, region });

describe('who may see a case (API.md: the applicant, their agent, staff on the case, supervisors; 404 to anyone else)', () => {
  test('the applicant sees their own case', () => {
    expect(canSee(caller('c-zhoumin', ['citizen']), c)).toBe(true);
  });

  test('the village agent who filed it sees it (代办, H13)', () => {
    expect(canSee(caller('agent-village-03', ['agent'], undefined, '610113'), c)).toBe(true);
  });

  test('another citizen does not see it', () => {
    expect(canSee(caller('c-neighbour', ['citizen']), c)).toBe(false);
  });

  test('another agent of the same village does not see it', () => {
    expect(canSee(caller('agent-village-04', ['agent'], undefined, '610113'), c)).toBe(false);
  });

  test('supervisors (电子监察, N20) and archivists (E22) see every case', () => {
    expect(canSee(caller('sup-1', ['supervisor']), c)).toBe(true);
    expect(canSee(caller('arc-1', ['archivist']), c)).toBe(true);
  });

  test('a clerk of the accepting department sees it', () => {
    expect(canSee(caller('clerk-cl', ['clerk'], '610113-CL'), c)).toBe(true);
  });

  test.each([['handler'], ['head']] as [Role][])('a %s of a handling department (分头办理) sees it', (role) => {
    expect(canSee(caller(`${role}-mz`, [role], '610113-MZ'), c)).toBe(true);
  });

  test('staff of a department not on the case do not see it', () => {
    expect(canSee(caller('handler-rs', ['handler'], '610113-RS'), c)).toBe(false);
    expect(canSee(caller('clerk-xzsp', ['clerk'], '610113-XZSP'), c)).toBe(false);
  });

  test('the same department code of another district does not count: 莲湖区民政局 is not 雁塔区民政局', () => {
    expect(canSee(caller('handler-lh-mz', ['handler'], '610104-MZ'), c)).toBe(false);
  });

  test('a staff role without a department sees nothing', () => {
    expect(canSee(caller('handler-x', ['handler']), c)).toBe(false);
  });

  test.each([['catalog_admin'], ['operator'], ['office_reviewer'], ['justice_reviewer'], ['citizen'], ['agent']] as [Role][])(
    'a %s holding the accepting department’s code is not staff of the case',
    (role) => {
      expect(canSee(caller(`x-${role}`, [role], '610113-CL'), c)).toBe(false);
    },
  );

  test('when the applicant files for themself, filer and applicant are one', () => {
    const own: Case = { ...c, filedBy: { sub: 'c-zhoumin', name: '周敏', role: 'citizen' }, channel: 'online' };
    expect(canSee(caller('c-zhoumin', ['citizen']), own)).toBe(true);
    expect(canSee(caller('agent-village-03', ['agent']), own)).toBe(false);
  });
});

test('an applicant’s list entry uses exactly the fields the byApplicant index projects (nothing missing, nothing paid for twice)', async () => {
  const { CASE_SUMMARY_FIELDS } = await import('../../shared/domain/keys');
  const { caseSummary } = await import('../../shared/domain/case-view');
  const item = Object.fromEntries(CASE_SUMMARY_FIELDS.map((f) => [f, `v-${f}`])) as never;
  expect(Object.keys(caseSummary(item)).sort()).toEqual([...CASE_SUMMARY_FIELDS].sort());
  expect(Object.values(caseSummary(item)).every((v) => String(v).startsWith('v-'))).toBe(true);
});
