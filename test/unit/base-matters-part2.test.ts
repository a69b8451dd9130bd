import type { BaseMatter, Level, MatterType } from '#shared/domain/matter';
import { DEMO_BASE_CODES, baseMattersPart2 as matters, departmentsPart2 as departments } from '#shared/catalog/base/part2';
import { matters as demoMatters } from '#shared/catalog/demo-seed';

const PART2_KEYS = ['MZ', 'RSST', 'JYT', 'GAT', 'SFT', 'CZT', 'SWT', 'TYJ', 'TYJR', 'YBJ', 'CL', 'FGW', 'SWJ'];
/** the type codes of the base-code layout, as the demo seed uses them */
const TYPE_CODE: Record<MatterType, string> = {
  行政许可: '01', 行政征收: '04', 行政给付: '05', 行政确认: '07', 行政奖励: '08', 行政裁决: '09', 其他行政权力: '10', 公共服务: '20',
};

const deptByKey = new Map(departments.map((d) => [d.key, d]));
const rows = matters.map((m) => [`${m.dept} ${m.name}`, m] as const);
const stepDays = (m: BaseMatter) => m.steps.reduce((sum, s) => sum + s.days, 0);

describe('common catalog part 2: provincial departments', () => {
  test('exactly the part-2 departments, each with a unique key and name', () => {
    expect(departments.map((d) => d.key).sort()).toEqual([...PART2_KEYS].sort());
    expect(new Set(departments.map((d) => d.name)).size).toBe(departments.length);
  });

  test('city and county counterparts are name patterns with {city} and {county}', () => {
    for (const d of departments) {
      if (d.cityName !== undefined) {
        expect(d.cityName).toContain('{city}');
        expect(d.cityName).not.toContain('{county}');
      }
      if (d.countyName !== undefined) expect(d.countyName).toContain('{county}');
    }
  });
});

describe('common catalog part 2: base matters (通用目录) [N9]', () => {
  test('at least 110 matters across at least 11 departments', () => {
    expect(matters.length).toBeGreaterThanOrEqual(110);
    expect(new Set(matters.map((m) => m.dept)).size).toBeGreaterThanOrEqual(11);
  });

  test('every department has matters', () => {
    for (const key of PART2_KEYS) expect(matters.filter((m) => m.dept === key).length).toBeGreaterThan(0);
  });

  test('base codes are unique 12-digit codes: 0 + type + department number (100–199) + item + 000', () => {
    expect(new Set(matters.map((m) => m.baseCode)).size).toBe(matters.length);
    const numberOf = new Map<string, string>();
    for (const m of matters.filter((x) => !(x.name in DEMO_BASE_CODES))) {
      expect(m.baseCode).toMatch(/^0\d{2}1\d{2}\d{3}000$/);
      expect(m.baseCode.slice(1, 3)).toBe(TYPE_CODE[m.type]);
      const deptNo = m.baseCode.slice(3, 6);
      // one number per department, and no two departments share one
      expect(numberOf.get(m.dept) ?? deptNo).toBe(deptNo);
      numberOf.set(m.dept, deptNo);
    }
    expect(new Set(numberOf.values()).size).toBe(numberOf.size);
  });

  test('a matter the demo seed has keeps the demo’s base code, and no other matter takes a demo code [N9]', () => {
    const demoCodeOf = new Map(demoMatters.map((d) => [d.name, d.baseCode]));
    const demoNameOf = new Map(demoMatters.map((d) => [d.baseCode, d.name]));
    for (const [name, code] of Object.entries(DEMO_BASE_CODES)) {
      expect([name, demoCodeOf.get(name)]).toEqual([name, code]);
      expect(matters.filter((m) => m.name === name).map((m) => m.baseCode)).toEqual([code]);
    }
    for (const m of matters) {
      if (demoCodeOf.has(m.name)) expect([m.name, m.baseCode]).toEqual([m.name, demoCodeOf.get(m.name)]);
      if (demoNameOf.has(m.baseCode)) expect([m.baseCode, m.name]).toEqual([m.baseCode, demoNameOf.get(m.baseCode)]);
    }
  });

  test('names are unique within a department', () => {
    for (const key of PART2_KEYS) {
      const names = matters.filter((m) => m.dept === key).map((m) => m.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  test('mixes matter types and retention classes', () => {
    const types = new Set(matters.map((m) => m.type));
    for (const t of ['行政许可', '行政确认', '行政给付', '公共服务', '其他行政权力', '行政裁决', '行政奖励'] as const) expect(types).toContain(t);
    expect(new Set(matters.map((m) => m.retention))).toEqual(new Set(['permanent', '30y', '10y']));
  });

  describe.each(rows)('%s', (_label, m) => {
    test('belongs to a part-2 department; parallel reviewers are other part-2 departments', () => {
      expect(deptByKey.has(m.dept)).toBe(true);
      for (const p of m.parallelWith ?? []) {
        expect(deptByKey.has(p)).toBe(true);
        expect(p).not.toBe(m.dept);
      }
      expect(new Set(m.parallelWith ?? []).size).toBe((m.parallelWith ?? []).length);
    });

    test('is implemented only at levels where its department has a counterpart', () => {
      const d = deptByKey.get(m.dept)!;
      expect(m.levels.length).toBeGreaterThan(0);
      expect(new Set(m.levels).size).toBe(m.levels.length);
      for (const level of m.levels) expect(['province', 'city', 'county'] satisfies Level[]).toContain(level);
      if (m.levels.includes('city')) expect(d.cityName).toBeDefined();
      if (m.levels.includes('county')) expect(d.countyName).toBeDefined();
    });

    test('promises no more than the law allows, and the steps fit the promise [N20]', () => {
      for (const n of [m.legalDays, m.promiseDays, ...m.steps.map((s) => s.days)]) {
        expect(Number.isInteger(n) && n >= 0).toBe(true);
      }
      expect(m.promiseDays).toBeLessThanOrEqual(m.legalDays);
      expect(stepDays(m)).toBeLessThanOrEqual(m.promiseDays);
      // a same-day matter (即办件) has no step that takes a day
      if (m.promiseDays === 0) expect(m.steps.every((s) => s.days === 0)).toBe(true);
      expect(m.steps.map((s) => s.name)[0]).toBe('申请');
    });

    test('has 2–6 materials with unique codes M01…, waivable only when a store holds them [E14] [H22]', () => {
      expect(m.materials.length).toBeGreaterThanOrEqual(2);
      expect(m.materials.length).toBeLessThanOrEqual(6);
      expect(m.materials.map((x) => x.code)).toEqual(m.materials.map((_, i) => `M${String(i + 1).padStart(2, '0')}`));
      expect(m.materials.some((x) => x.required)).toBe(true);
      for (const x of m.materials) {
        expect(x.name.trim()).not.toBe('');
        if (x.waivable) expect(x.source).not.toBe('applicant');
        if (x.source !== 'applicant') expect(x.waivable).toBe(true);
      }
    });

    test('identity documents and business licences are never asked of the applicant again (免提交) [E14]', () => {
      // forms named after the document (申领登记表) and an agent's papers (委托) are the applicant's
      const heldByStore = m.materials.filter((x) => /身份证|营业执照|户口簿/.test(x.name) && !/委托|申请表|登记表|申请书/.test(x.name));
      for (const x of heldByStore) expect([x.code, x.source, x.waivable]).toEqual([x.code, expect.stringMatching(/shared|licence/), true]);
    });

    test('has handling items, keywords and the service guide’s required fields', () => {
      expect(m.handlingItems.length).toBeGreaterThan(0);
      expect(new Set(m.handlingItems).size).toBe(m.handlingItems.length);
      expect(m.keywords.length).toBeGreaterThanOrEqual(2);
      expect(m.keywords.length).toBeLessThanOrEqual(5);
      for (const field of [m.name, m.conditions, m.fees, m.legalBasis]) expect(field.trim()).not.toBe('');
      expect(m.legalBasis).toMatch(/《.+》/);
      expect([0, 1]).toContain(m.maxVisits);
      expect([1, 2, 3, 4]).toContain(m.onlineDepth);
    });
  });

  test('the disability subsidies are reviewed by the 残联 and the 民政局 in parallel (分头办理) [N14]', () => {
    const subsidies = matters.find((m) => m.name === '困难残疾人生活补贴和重度残疾人护理补贴')!;
    expect(subsidies.dept).toBe('CL');
    expect(subsidies.parallelWith).toEqual(['MZ']);
  });
});
