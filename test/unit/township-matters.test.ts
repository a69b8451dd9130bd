import type { BaseMatter, MatterType } from '#shared/domain/matter';
import { TOWNSHIP_DEPT_NO, townshipBaseMatters, townshipMatters } from '#shared/catalog/base/township';
import { baseMattersPart1, departmentsPart1 } from '#shared/catalog/base/part1';
import { baseMattersPart2, departmentsPart2 } from '#shared/catalog/base/part2';

const catalog = [...baseMattersPart1, ...baseMattersPart2];
const byCode = new Map(catalog.map((m) => [m.baseCode, m]));
const deptKeys = new Set([...departmentsPart1, ...departmentsPart2].map((d) => d.key));
const TYPE_CODE: Record<MatterType, string> = {
  行政许可: '01', 行政征收: '04', 行政给付: '05', 行政确认: '07', 行政奖励: '08', 行政裁决: '09', 其他行政权力: '10', 公共服务: '20',
};

/** the base matter a township item stands on: its own, or the reused part-1/part-2 one */
const baseOf = (t: (typeof townshipMatters)[number]): BaseMatter => t.base ?? byCode.get(t.baseCode)!;
const reused = townshipMatters.filter((t) => t.base === undefined);
const own = townshipMatters.filter((t) => t.base !== undefined);
const stepDays = (m: BaseMatter) => m.steps.reduce((sum, s) => sum + s.days, 0);
const totalItems = townshipMatters.reduce((n, t) => n + t.handlingItems.length, 0);

describe('township matters (乡镇（街道）政务服务事项)', () => {
  test('no base code appears twice', () => {
    expect(new Set(townshipMatters.map((t) => t.baseCode)).size).toBe(townshipMatters.length);
  });

  test('between 70 and 100 township handling items in all, from both reused and township-only matters', () => {
    expect(totalItems).toBeGreaterThanOrEqual(70);
    expect(totalItems).toBeLessThanOrEqual(100);
    expect(reused.length).toBeGreaterThan(0);
    expect(own.length).toBeGreaterThan(0);
  });

  test('every item cites its basis, and roles and places are all used', () => {
    for (const t of townshipMatters) expect([t.baseCode, t.basis.trim().length > 0]).toEqual([t.baseCode, true]);
    expect(new Set(townshipMatters.map((t) => t.role))).toEqual(new Set(['implement', 'accept']));
    expect(new Set(townshipMatters.map((t) => t.where))).toEqual(new Set(['town', 'street', 'both']));
  });

  test('handling items are non-empty, unique, and a subset of the base matter’s', () => {
    for (const t of townshipMatters) {
      const base = baseOf(t);
      expect(t.handlingItems.length).toBeGreaterThan(0);
      expect(new Set(t.handlingItems).size).toBe(t.handlingItems.length);
      for (const item of t.handlingItems) expect([base.name, item, base.handlingItems.includes(item)]).toEqual([base.name, item, true]);
    }
  });

  test('reused base codes exist in part 1 or part 2', () => {
    for (const t of reused) expect([t.baseCode, byCode.has(t.baseCode)]).toEqual([t.baseCode, true]);
  });

  test('townshipBaseMatters lists exactly the township-only base matters', () => {
    expect(townshipBaseMatters.map((m) => m.baseCode).sort()).toEqual(own.map((t) => t.baseCode).sort());
  });

  test('rural-land matters are for towns only', () => {
    const whereOf = (name: string) => townshipMatters.find((t) => baseOf(t).name === name)?.where;
    expect(whereOf('农村村民宅基地审批')).toBe('town');
    expect(whereOf('耕地地力保护补贴')).toBe('town');
    expect(whereOf('林木采伐许可证核发')).toBe('town');
  });

  describe.each(own.map((t) => [t.base!.name, t] as const))('township-only: %s', (_name, t) => {
    const m = t.base!;

    test('base code: 9 + type + owning department number + item + 000, colliding with no catalog code', () => {
      expect(m.baseCode).toBe(t.baseCode);
      expect(m.baseCode).toMatch(/^9\d{8}000$/);
      expect(m.baseCode.slice(1, 3)).toBe(TYPE_CODE[m.type]);
      expect(m.baseCode.slice(3, 6)).toBe(TOWNSHIP_DEPT_NO[m.dept as keyof typeof TOWNSHIP_DEPT_NO]);
      expect(byCode.has(m.baseCode)).toBe(false);
    });

    test('is owned by a known provincial department, at township level only, and is not a catalog matter under another code', () => {
      expect(deptKeys.has(m.dept)).toBe(true);
      expect(m.levels).toEqual(['township']);
      expect(catalog.filter((c) => c.name === m.name)).toEqual([]);
    });

    test('promises no more than the law allows, and the steps fit the promise', () => {
      for (const n of [m.legalDays, m.promiseDays, ...m.steps.map((s) => s.days)]) expect(Number.isInteger(n) && n >= 0).toBe(true);
      expect(m.promiseDays).toBeLessThanOrEqual(m.legalDays);
      expect(stepDays(m)).toBeLessThanOrEqual(m.promiseDays);
      if (m.promiseDays === 0) expect(m.steps.every((s) => s.days === 0)).toBe(true);
      expect(m.steps[0]?.name).toBe('申请');
    });

    test('has 2–5 materials with unique codes M01…, waivable only when a store holds them', () => {
      expect(m.materials.length).toBeGreaterThanOrEqual(2);
      expect(m.materials.length).toBeLessThanOrEqual(5);
      expect(m.materials.map((x) => x.code)).toEqual(m.materials.map((_, i) => `M${String(i + 1).padStart(2, '0')}`));
      expect(m.materials.some((x) => x.required)).toBe(true);
      for (const x of m.materials) {
        expect(x.name.trim()).not.toBe('');
        expect(x.waivable).toBe(x.source !== 'applicant');
      }
      // identity documents are never asked of the applicant again (免提交) [E14]
      for (const x of m.materials.filter((y) => /身份证|户口簿/.test(y.name) && !/委托|申请表|登记表|申请书/.test(y.name))) {
        expect([x.code, x.source]).toEqual([x.code, 'shared']);
      }
    });

    test('has the service guide’s fields', () => {
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
});
