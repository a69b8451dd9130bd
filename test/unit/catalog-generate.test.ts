import { createHash } from 'node:crypto';
import { generateCatalog } from '#shared/catalog/generate';
import { validateMatter } from '#shared/domain/rules/n8-matter-validity';
import { missingGuideFields } from '#shared/domain/rules/n20-guide-completeness';
import { sameLevelDifferences } from '#shared/domain/rules/n11-same-level-consistency';
import { countiesOf } from '#shared/catalog/regions';

/** The provincial-scale catalog (issue 3): ≥100,000 implementation items from ≥200 real base matters of ≥20 departments. */
const catalog = generateCatalog();
const { matters, departments, stats } = catalog;

describe('the generated provincial catalog (事项库) [N8]', () => {
  test('is at provincial scale, from the curated common catalog', () => {
    expect(stats.items).toBeGreaterThanOrEqual(100_000);
    expect(stats.baseMatters).toBeGreaterThanOrEqual(200);
    expect(stats.provincialDepartments).toBeGreaterThanOrEqual(20);
    expect(Object.values(stats.byLevel).every((n) => n > 0)).toBe(true);
  });

  test('is deterministic: the same input gives the same catalog, byte for byte', () => {
    const hash = (c: ReturnType<typeof generateCatalog>) => createHash('sha256').update(JSON.stringify(c.matters)).digest('hex');
    expect(hash(generateCatalog())).toBe(hash(catalog));
  });

  test('every item passes the catalog rules and has a complete guide; implementation codes are unique', () => {
    const depts = new Map(departments.map((d) => [d.code, d]));
    const bad = matters.flatMap((m) => validateMatter(m, depts).map((p) => `${m.code}: ${p}`));
    expect(bad.slice(0, 5)).toEqual([]);
    expect(matters.filter((m) => missingGuideFields(m).length).length).toBe(0);
    expect(new Set(matters.map((m) => m.code)).size).toBe(matters.length);
  });

  test('雁塔区 implements county matters through its own departments, and its 街道 the township ones, each at the hall of its level [H2]', () => {
    const yanta = matters.filter((m) => m.region === '610113');
    expect(yanta.some((m) => m.level === 'county' && m.name === '食品经营许可' && m.deptName === '雁塔区市场监督管理局')).toBe(true);
    const street = yanta.find((m) => m.township === '610113001');
    expect(street?.level).toBe('township');
    expect(street?.deptName).toMatch(/街道办事处$/);
    // the hall is the county's 政务服务中心, or the township's 便民服务站
    expect(yanta.find((m) => m.level === 'county')?.address).toContain('雁塔区政务服务中心');
    expect(street?.address).toContain('便民服务站');
  });

  test('same-level regions keep the same matters, steps and materials [N11]: only promised days vary locally', () => {
    const xian = countiesOf('610100').map((r) => r.code);
    const kinds = new Set(sameLevelDifferences(xian, matters.filter((m) => m.level === 'county' && xian.includes(m.region))).map((d) => d.kind));
    expect([...kinds].filter((k) => k !== 'promiseDays' && k !== 'steps')).toEqual([]);
  });
});
