import type { Department, Matter } from '#shared/domain/matter';
import { DEMO_FOOD_MATTER_CODE, DEMO_PARALLEL_MATTER_CODE, departments, matters } from '#shared/catalog/demo-seed';
import { validateMatter } from '#shared/domain/rules/n8-matter-validity';

const depts = new Map<string, Department>(departments.map((d) => [d.code, d]));
const byCode = new Map(matters.map((m) => [m.code, m]));
const food = byCode.get(DEMO_FOOD_MATTER_CODE)!;

/** A valid matter to break one field at a time. */
const sample = (): Matter => structuredClone(food);

describe('demo catalog (事项库) [N8]', () => {
  test.each(matters.map((m) => [m.code, m] as const))('%s is a valid matter', (_code, m) => {
    expect(validateMatter(m, depts)).toEqual([]);
  });

  test('has at least 30 matters, each with a unique implementation code', () => {
    expect(matters.length).toBeGreaterThanOrEqual(30);
    expect(byCode.size).toBe(matters.length);
  });

  test('covers the province, Xi’an, 雁塔区 and 莲湖区', () => {
    const regions = new Set(matters.map((m) => m.region));
    for (const r of ['610000', '610100', '610113', '610104']) expect(regions).toContain(r);
    expect(new Set(matters.map((m) => m.level))).toEqual(new Set(['province', 'city', 'county']));
  });

  test('departments: unique codes of the form <region>-<ABBR>, at least 20 of them implementing or reviewing matters', () => {
    expect(depts.size).toBe(departments.length);
    for (const d of departments) expect(d.code).toMatch(new RegExp(`^${d.region}-[A-Z]+$`));
    const used = new Set(matters.flatMap((m) => [m.dept, ...m.handlingDepts]));
    expect(used.size).toBeGreaterThanOrEqual(20);
  });

  test('mixes matter types and retention classes', () => {
    const types = new Set(matters.map((m) => m.type));
    for (const t of ['行政许可', '行政确认', '行政给付', '公共服务', '其他行政权力']) expect(types).toContain(t);
    expect(new Set(matters.map((m) => m.retention))).toEqual(new Set(['permanent', '30y', '10y']));
  });

  test('a base code is the same matter wherever it is implemented (通用目录) [N9]', () => {
    const nameOf = new Map<string, string>();
    for (const m of matters) {
      expect(m.baseCode).toMatch(/^\d{12}$/);
      expect(nameOf.get(m.baseCode) ?? m.name).toBe(m.name);
      nameOf.set(m.baseCode, m.name);
    }
  });

  test('same-level districts implement a matter with the same materials, steps and days (平级相同) [N11]', () => {
    const county = matters.filter((m) => m.level === 'county');
    const byBase = new Map<string, Matter[]>();
    for (const m of county) byBase.set(m.baseCode, [...(byBase.get(m.baseCode) ?? []), m]);
    for (const group of byBase.values()) {
      const shape = (m: Matter) => ({ materials: m.materials, steps: m.steps, promise: m.promiseDays, legal: m.legalDays, handling: m.handlingDepts.length });
      for (const m of group) expect(shape(m)).toEqual(shape(group[0]));
    }
  });

  test('at least two matters are reviewed by two departments in parallel (分头办理) [N14]', () => {
    expect(matters.filter((m) => m.handlingDepts.length >= 2).length).toBeGreaterThanOrEqual(2);
    const parallel = byCode.get(DEMO_PARALLEL_MATTER_CODE)!;
    expect(parallel.region).toBe('610113');
    expect(parallel.handlingDepts.length).toBeGreaterThanOrEqual(2);
  });

  test('the demo food licence (雁塔区) has at least two required applicant materials and a waivable shared one [H22] [E14]', () => {
    expect(food.region).toBe('610113');
    expect(food.name).toBe('食品经营许可');
    expect(food.materials.filter((x) => x.required && x.source === 'applicant').length).toBeGreaterThanOrEqual(2);
    expect(food.materials.some((x) => x.source === 'shared' && x.waivable)).toBe(true);
  });

  test('identity documents and business licences are never asked of the applicant again (免提交) [E14]', () => {
    for (const m of matters) {
      // an agent's papers (委托) are the applicant's to bring
      for (const x of m.materials.filter((x) => /身份证|营业执照/.test(x.name) && !x.name.includes('委托'))) {
        expect([m.code, x.code, x.source, x.waivable]).toEqual([m.code, x.code, expect.stringMatching(/shared|licence/), true]);
      }
    }
  });

  test('matters do not share mutable arrays', () => {
    const a = matters.find((m) => m.region === '610104' && m.baseCode === food.baseCode)!;
    expect(a.materials).toEqual(food.materials);
    expect(a.materials).not.toBe(food.materials);
  });
});

describe('validateMatter', () => {
  test('a valid matter has no problems', () => {
    expect(validateMatter(sample(), depts)).toEqual([]);
  });

  test('a promise longer than the statutory time limit is refused (承诺时限 ≤ 法定时限)', () => {
    const m = { ...sample(), promiseDays: 11, legalDays: 10 };
    expect(validateMatter(m, depts)).toContain('promiseDays 11 exceeds legalDays 10');
  });

  test('days must be whole numbers ≥ 0', () => {
    const problems = validateMatter({ ...sample(), promiseDays: -1, legalDays: 2.5 }, depts);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('promiseDays -1'), expect.stringContaining('legalDays 2.5')]));
  });

  test('an unknown handling department is refused', () => {
    const m = { ...sample(), handlingDepts: ['610113-XZSP', '610113-NOPE'] };
    expect(validateMatter(m, depts)).toContain('handling department 610113-NOPE is unknown');
  });

  test('a handling department from another region is refused', () => {
    const m = { ...sample(), handlingDepts: ['610113-XZSP', '610104-WJ'] };
    expect(validateMatter(m, depts)).toContain('handling department 610104-WJ is in region 610104, not 610113');
  });

  test('no handling department is refused', () => {
    expect(validateMatter({ ...sample(), handlingDepts: [] }, depts)).toContain('no handling departments');
  });

  test('an accepting department that is unknown or elsewhere is refused', () => {
    expect(validateMatter({ ...sample(), dept: '610113-NOPE' }, depts)).toContain('accepting department 610113-NOPE is unknown');
    const elsewhere = { ...sample(), dept: '610104-XZSP', deptName: '西安市莲湖区行政审批服务局' };
    expect(validateMatter(elsewhere, depts)).toContain('accepting department 610104-XZSP is in region 610104, not 610113');
  });

  test('a region code must have 6 digits', () => {
    expect(validateMatter({ ...sample(), region: '61011' }, depts)).toContain('region "61011" is not a 6-digit region code');
  });

  test('duplicate material codes and an empty material list are refused', () => {
    const m = sample();
    m.materials[1] = { ...m.materials[1], code: 'M01' };
    expect(validateMatter(m, depts)).toContain('material code M01 is used twice');
    expect(validateMatter({ ...sample(), materials: [] }, depts)).toContain('no materials');
  });

  test('a material only the applicant holds cannot be waived [E14]', () => {
    const m = sample();
    m.materials[0] = { ...m.materials[0], waivable: true };
    expect(validateMatter(m, depts)).toContain('material M01 is waivable but only the applicant can supply it');
  });

  test('a licence type is named only on a licence material, and what a matter issues is a well-formed licence type [E14] [E15]', () => {
    const m = sample();
    m.materials[0] = { ...m.materials[0], licenceType: '000109002000' };
    expect(validateMatter(m, depts)).toEqual([expect.stringContaining('material M01 names licence type')]);
    expect(validateMatter({ ...sample(), issues: { code: 'a.b', name: '证' } }, depts)).toEqual([expect.stringContaining('issues is a licence type')]);
    expect(validateMatter({ ...sample(), issues: { code: 'X1', name: '证', validYears: 0 } }, depts)).toEqual([expect.stringContaining('issues is a licence type')]);
    expect(validateMatter({ ...sample(), issues: { code: 'X1', name: '某证', validYears: 5 } }, depts)).toEqual([]);
  });

  test('steps must fit within the promised days, except for a same-day matter', () => {
    const m = sample();
    m.steps = [...m.steps, { name: '现场核查', days: 3 }];
    expect(validateMatter(m, depts)).toContain('steps take 8 working days, more than the 5 promised');
    const sameDay = { ...sample(), promiseDays: 0, steps: [{ name: '受理', days: 0 }, { name: '决定', days: 1 }] };
    expect(validateMatter(sameDay, depts)).toEqual([]);
  });

  test('the service guide must name conditions, legal basis and fees [N20]', () => {
    const m = { ...sample(), name: '', conditions: ' ', legalBasis: '', fees: '' };
    expect(validateMatter(m, depts)).toEqual(
      expect.arrayContaining(['guide field name is missing', 'guide field conditions is missing', 'guide field legalBasis is missing', 'guide field fees is missing']),
    );
  });

  test('every problem is reported at once, not just the first', () => {
    const m = { ...sample(), promiseDays: 30, handlingDepts: ['X'], materials: [] };
    expect(validateMatter(m, depts).length).toBeGreaterThanOrEqual(3);
  });
});
