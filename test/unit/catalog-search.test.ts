import { DEMO_FOOD_MATTER_CODE, matters } from '#shared/catalog/demo-seed';
import { searchMatters, visibleRegions } from '#shared/catalog/search';
import type { Matter } from '#shared/domain/matter';

const YANTA = '610113'; // 西安市雁塔区
const LIANHU = '610104'; // 西安市莲湖区
const XIAN = '610100';
const PROVINCE = '610000';

const codes = (ms: Matter[]) => ms.map((m) => m.code);
const regionsOf = (ms: Matter[]) => new Set(ms.map((m) => m.region));

describe('visible regions: a person applies to their county, their city and the province', () => {
  test('a 雁塔区 resident: 雁塔区, 西安市, 陕西省', () => {
    expect(visibleRegions(YANTA)).toEqual([YANTA, XIAN, PROVINCE]);
  });

  test('a city resident sees the city and the province, with no duplicates', () => {
    expect(visibleRegions(XIAN)).toEqual([XIAN, PROVINCE]);
  });

  test('the province sees only itself', () => {
    expect(visibleRegions(PROVINCE)).toEqual([PROVINCE]);
  });

  test('another county is never visible', () => {
    expect(visibleRegions(YANTA)).not.toContain(LIANHU);
  });
});

describe('catalog search (事项库 published, N8)', () => {
  test('食品 经营 finds 食品经营许可 whatever the word order', () => {
    for (const q of ['食品 经营', '经营 食品', '  食品   经营  ']) {
      const hits = searchMatters(matters, { q });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((m) => m.name === '食品经营许可')).toBe(true);
      expect(codes(hits)).toContain(DEMO_FOOD_MATTER_CODE);
    }
  });

  test('every term must match: a term that matches nothing empties the result', () => {
    expect(searchMatters(matters, { q: '食品 护士' })).toEqual([]);
    expect(searchMatters(matters, { q: '不存在的事项' })).toEqual([]);
  });

  test('a keyword finds a matter whose name does not contain it (营业执照 → 企业设立登记, 个体工商户设立登记)', () => {
    const names = new Set(searchMatters(matters, { q: '营业执照' }).map((m) => m.name));
    expect(names).toEqual(new Set(['企业设立登记', '个体工商户设立登记']));
  });

  test('a base code finds the matter in every region that implements it', () => {
    const hits = searchMatters(matters, { q: '000109001000' });
    expect(regionsOf(hits)).toEqual(new Set([YANTA, LIANHU]));
  });

  test('an implementation code finds exactly that item, case-insensitively', () => {
    expect(codes(searchMatters(matters, { q: DEMO_FOOD_MATTER_CODE.toLowerCase() }))).toEqual([DEMO_FOOD_MATTER_CODE]);
  });

  test('a department name is searchable', () => {
    const hits = searchMatters(matters, { q: '雁塔区民政局' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((m) => m.dept === '610113-MZ')).toBe(true);
  });

  test('a county resident sees their county’s, their city’s and the province’s matters but not another county’s', () => {
    const hits = searchMatters(matters, { region: YANTA });
    expect(regionsOf(hits)).toEqual(new Set([YANTA, XIAN, PROVINCE]));
    const expected = matters.filter((m) => [YANTA, XIAN, PROVINCE].includes(m.region));
    expect(hits.length).toBe(expected.length);
  });

  test('a 莲湖区 resident looking for 食品经营许可 gets 莲湖区’s, not 雁塔区’s', () => {
    const hits = searchMatters(matters, { q: '食品经营许可', region: LIANHU });
    expect(hits.map((m) => m.region)).toEqual([LIANHU]);
  });

  test('the exact name ranks first, then names that start with the query, then names containing it, then keyword matches', () => {
    const extra: Matter[] = [
      { ...structuredClone(matters.find((m) => m.code === DEMO_FOOD_MATTER_CODE)!), code: 'X-3', name: '小餐饮食品经营许可备案', keywords: [] },
      { ...structuredClone(matters.find((m) => m.code === DEMO_FOOD_MATTER_CODE)!), code: 'X-1', name: '食品经营许可延续', keywords: [] },
      { ...structuredClone(matters.find((m) => m.code === DEMO_FOOD_MATTER_CODE)!), code: 'X-4', name: '其他事项', keywords: ['食品经营许可'] },
    ];
    const hits = searchMatters([...extra, ...matters], { q: '食品经营许可', region: YANTA });
    expect(codes(hits)).toEqual([DEMO_FOOD_MATTER_CODE, 'X-1', 'X-3', 'X-4']);
  });

  test('within a rank the caller’s own county comes first, then the city, then the province', () => {
    const hits = searchMatters(matters, { q: '医师执业注册', region: YANTA });
    expect(hits.map((m) => m.region)).toEqual([YANTA, PROVINCE]);
    const licences = searchMatters(matters, { q: '施工许可', region: YANTA });
    expect(licences.map((m) => m.region)).toEqual([YANTA, XIAN]);
  });

  test('filters by department and by matter type', () => {
    const byDept = searchMatters(matters, { dept: '610113-RS' });
    expect(byDept.length).toBeGreaterThan(0);
    expect(byDept.every((m) => m.dept === '610113-RS')).toBe(true);
    const byType = searchMatters(matters, { type: '行政给付', region: YANTA });
    expect(byType.length).toBeGreaterThan(0);
    expect(byType.every((m) => m.type === '行政给付' && m.region === YANTA)).toBe(true);
    expect(byType.length).toBe(matters.filter((m) => m.type === '行政给付' && m.region === YANTA).length);
  });

  test('suspended and cancelled matters are not published, so search does not show them (N8 dynamic management)', () => {
    const all = matters.map((m) => (m.code === DEMO_FOOD_MATTER_CODE ? { ...m, status: 'suspended' as const } : m));
    expect(codes(searchMatters(all, { q: '食品经营许可' }))).not.toContain(DEMO_FOOD_MATTER_CODE);
    const cancelled = matters.map((m) => (m.name === '临时救助' ? { ...m, status: 'cancelled' as const } : m));
    expect(searchMatters(cancelled, { q: '临时救助' })).toEqual([]);
  });

  test('an empty query lists every published matter, each once', () => {
    const hits = searchMatters(matters, {});
    expect(hits.length).toBe(matters.length);
    expect(new Set(codes(hits)).size).toBe(matters.length);
  });
});
