import { gzipSync } from 'node:zlib';
import {
  buildIndex,
  MIN_CODE_PREFIX,
  normalize,
  queryTerms,
  SearchIndex,
  splitTerm,
  visibleRegions,
  type IndexedItem,
} from '#shared/catalog/search-index';

// ── a synthetic catalog: 50 real-ish names × 110 regions × 3 handling items ≈ 16.5k items ─────────

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// name | department key | type | keywords
const NAMES = `
企业设立登记（营业执照）|SCJG|行政许可|开公司,公司注册,企业开办
个体工商户设立登记|SCJG|行政许可|个体户,营业执照,开店
食品经营许可|SCJG|行政许可|餐饮,超市,便利店,食品经营许可证
食品生产许可|SCJG|行政许可|食品厂,SC证
小餐饮经营许可|SCJG|行政许可|小吃店,餐饮备案
特种设备使用登记|SCJG|行政许可|电梯,锅炉,压力容器
药品零售企业许可|SCJG|行政许可|药店,药房,药品经营许可证
医师执业注册|WJ|行政许可|医生,执业注册
护士执业注册|WJ|行政许可|护士,执业注册
公共场所卫生许可|WJ|行政许可|卫生许可证,宾馆,理发,美容
医疗机构执业登记|WJ|行政许可|诊所,医院
出生医学证明办理|WJ|公共服务|出生证,新生儿
最低生活保障审核确认|MZ|行政确认|低保,社会救助,困难群众
特困人员认定|MZ|行政确认|特困供养,五保
临时救助|MZ|行政给付|急难救助,救助金,社会救助
困难残疾人生活补贴和重度残疾人护理补贴|MZ|行政给付|两项补贴,残疾人,护理补贴
高龄老人生活补贴|MZ|行政给付|高龄津贴,老年人
婚姻登记|MZ|行政确认|结婚证,离婚证
社会团体成立登记|MZ|行政许可|社团,协会,商会
养老机构备案|MZ|其他行政权力|养老院,敬老院
工伤认定|RS|行政确认|工伤保险,因工受伤
就业创业证申领|RS|公共服务|失业登记,就业登记
失业保险金申领|RS|行政给付|失业金
城乡居民基本养老保险参保登记|RS|公共服务|养老保险,城乡居保,社保
社会保障卡申领|RS|公共服务|社保卡
劳动人事争议仲裁|RS|行政裁决|劳动仲裁,讨薪
建筑工程施工许可证核发|ZJ|行政许可|施工许可证,开工,工程建设项目审批
建设工程竣工验收备案|ZJ|其他行政权力|竣工验收,竣工备案
商品房预售许可|ZJ|行政许可|预售许可证,商品房
建设工程消防验收|ZJ|行政许可|消防验收,消防
建设工程规划许可证核发|ZRZY|行政许可|规划许可,工程建设项目审批
建设用地规划许可证核发|ZRZY|行政许可|用地规划许可,规划许可
不动产登记|ZRZY|行政确认|房产证,过户,抵押登记
排污许可（重点管理）|STHJ|行政许可|排污许可证,污染物排放
建设项目环境影响报告表审批|STHJ|行政许可|环评,环境影响评价
道路货物运输经营许可（危险货物运输除外）|JT|行政许可|货运,物流,道路运输
出租汽车经营许可|JT|行政许可|出租车
机动车维修经营备案|JT|其他行政权力|汽修,修车
居民身份证办理|GA|公共服务|身份证,二代证
户口迁移|GA|行政确认|落户,迁户口
无犯罪记录证明开具|GA|公共服务|开证明
教师资格认定|JY|行政许可|教师资格证,教资
民办学校办学许可|JY|行政许可|民办学校,办学许可证
旅行社业务经营许可|WHLY|行政许可|旅行社,旅游
娱乐场所经营许可|WHLY|行政许可|KTV,歌舞厅
农药经营许可|NY|行政许可|农药,农资
林木采伐许可证核发|LY|行政许可|采伐证,砍树
取水许可|SL|行政许可|取水许可证,水资源
危险化学品经营许可|YJGL|行政许可|危化品,危险化学品
基本医疗保险参保登记|YB|公共服务|医保,参保
`;

const DEPT_NAMES: Record<string, string> = {
  SCJG: '市场监督管理局', WJ: '卫生健康局', MZ: '民政局', RS: '人力资源和社会保障局', ZJ: '住房和城乡建设局',
  ZRZY: '自然资源局', STHJ: '生态环境局', JT: '交通运输局', GA: '公安局', JY: '教育局', WHLY: '文化和旅游局',
  NY: '农业农村局', LY: '林业局', SL: '水利局', YJGL: '应急管理局', YB: '医疗保障局', XZSP: '行政审批服务局',
};
const CITY_NAMES = ['西安市', '铜川市', '宝鸡市', '咸阳市', '渭南市', '延安市', '汉中市', '榆林市', '安康市'];
const COUNTY_NAMES = ['新城区', '碑林区', '莲湖区', '灞桥区', '未央区', '雁塔区', '阎良区', '临潼区', '长安区', '高陵区', '蓝田县'];
const HANDLING = ['新办', '变更', '注销'];

interface Region { code: string; name: string }
const PROVINCE: Region = { code: '610000', name: '陕西省' };
const REGIONS: Region[] = [PROVINCE];
CITY_NAMES.forEach((city, c) => {
  const cityCode = `61${String(c + 1).padStart(2, '0')}00`;
  REGIONS.push({ code: cityCode, name: city });
  COUNTY_NAMES.forEach((county, k) => REGIONS.push({ code: `61${String(c + 1).padStart(2, '0')}${String(k + 1).padStart(2, '0')}`, name: city + county }));
});
REGIONS.push({ code: '611000', name: '商洛市' }); // a city with no counties in this catalog: 110 regions

const levelOf = (code: string): IndexedItem['level'] => (code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'county');

function catalog(): IndexedItem[] {
  const rnd = prng(42);
  const out: IndexedItem[] = [];
  NAMES.trim().split('\n').forEach((line, b) => {
    const [name, key, type, kw] = line.split('|');
    const baseCode = `00${String(b + 1).padStart(4, '0')}${String(b * 7 + 11).padStart(4, '0')}00`;
    for (const r of REGIONS) {
      // one county in ten has a 行政审批服务局 that implements the 行政许可 matters
      const dk = type === '行政许可' && r.code.endsWith('05') ? 'XZSP' : key;
      HANDLING.forEach((h, hi) => {
        out.push({
          // odd matters put the region first, as codes that embed an organisation code do: the base code is then no prefix
          code: b % 2 ? `${r.code}-${dk}-${baseCode}-${hi + 1}` : `${baseCode}-${r.code}-${dk}-${hi + 1}`,
          baseCode,
          name,
          type,
          level: levelOf(r.code),
          dept: `${r.code}-${dk}`,
          deptName: (r.code === PROVINCE.code ? '陕西省' : r.name) + DEPT_NAMES[dk],
          region: r.code,
          regionName: r.name,
          promiseDays: Math.floor(rnd() * 20),
          legalDays: 20,
          onlineDepth: 1 + Math.floor(rnd() * 4),
          handlingItem: h,
          keywords: rnd() < 0.05 ? [...kw.split(','), '一网通办'] : kw.split(','),
        });
      });
    }
  });
  return out;
}

// ── the naive reference: the documented semantics, item by item ─────────────────────────────────

interface Norm { name: string; full: string; kws: string[]; dn: string; code: string; base: string }
const NORMS = new WeakMap<IndexedItem, Norm>();
const norm = (it: IndexedItem): Norm => {
  let n = NORMS.get(it);
  if (!n) {
    const name = normalize(it.name);
    n = { name, full: name + (it.handlingItem === undefined ? '' : normalize(it.handlingItem)), kws: it.keywords.map(normalize), dn: normalize(it.deptName), code: normalize(it.code), base: normalize(it.baseCode) };
    NORMS.set(it, n);
  }
  return n;
};

function naive(items: IndexedItem[], q: { q?: string; region?: string; dept?: string; type?: string }): IndexedItem[] {
  const typed = queryTerms(q.q);
  const whole = typed.join('');
  const vis = q.region ? visibleRegions(q.region) : null;
  const hits: { it: IndexedItem; rank: number; cls: number; nc: string }[] = [];
  const somewhere = (t: string) =>
    items.some((it) => {
      const n = norm(it);
      return [n.full, ...n.kws, n.dn].some((x) => x.includes(t)) || [n.code, n.base].some((c) => (t.length >= MIN_CODE_PREFIX ? c.startsWith(t) : c === t));
    });
  // a term found nowhere is split into words, each of which must be found somewhere
  const terms: string[] = [];
  for (const t of typed) {
    if (somewhere(t)) terms.push(t);
    else {
      const words = splitTerm(t);
      if (!words.length || (words.length === 1 && words[0] === t) || !words.every(somewhere)) return [];
      terms.push(...words);
    }
  }
  for (const it of items) {
    const cls = vis ? vis.indexOf(it.region) : 0;
    if (cls < 0) continue;
    if (q.dept && it.dept !== q.dept) continue;
    if (q.type && it.type !== q.type) continue;
    const { name, full, kws, dn, code, base } = norm(it);
    const inFull = (t: string) => full.includes(t);
    const own = (t: string) => inFull(t) || kws.some((k) => k.includes(t));
    const codeHit = (t: string) => (t.length >= MIN_CODE_PREFIX ? code.startsWith(t) || base.startsWith(t) : code === t || base === t);
    if (!terms.every((t) => own(t) || dn.includes(t) || codeHit(t))) continue;
    const rank = !terms.length ? 0 : !terms.every(own) ? 4 : !terms.every(inFull) ? 3 : full === whole || name === whole ? 0 : full.startsWith(whole) ? 1 : 2;
    hits.push({ it, rank, cls, nc: code });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return hits.sort((a, b) => a.rank - b.rank || a.cls - b.cls || cmp(a.nc, b.nc) || cmp(a.it.code, b.it.code)).map((h) => h.it);
}

// ── fixtures ────────────────────────────────────────────────────────────────────────────────────

const ITEMS = catalog();
const BYTES = buildIndex(ITEMS);
const index = SearchIndex.load(BYTES);

const YANTA = '610106'; // 西安市雁塔区 in this synthetic layout
const XIAN = '610100';
const ALL = 1_000_000;
const codes = (xs: IndexedItem[]) => xs.map((x) => x.code);
const all = (ix: SearchIndex, q: { q?: string; region?: string; dept?: string; type?: string }) => ix.search({ ...q, limit: ALL });

describe('the synthetic catalog', () => {
  test('is the advertised shape: 50 names × 110 regions × 3 handling items', () => {
    expect(REGIONS).toHaveLength(110);
    expect(ITEMS).toHaveLength(50 * 110 * 3);
    expect(index.size).toBe(ITEMS.length);
    expect(REGIONS.find((r) => r.code === YANTA)?.name).toBe('西安市雁塔区');
  });
});

describe('normalisation and visible regions', () => {
  test('NFKC, lower case, punctuation removed; queries split on spaces and list separators', () => {
    expect(normalize('企业设立登记（营业执照）')).toBe('企业设立登记营业执照');
    expect(normalize('ＳＣ证·Ａ－１')).toBe('sc证a1');
    expect(queryTerms('  食品\u3000经营，许可、 ')).toEqual(['食品', '经营', '许可']);
    expect(queryTerms(undefined)).toEqual([]);
  });

  test('a county sees itself, its city and the province, as in search.ts', () => {
    expect(visibleRegions(YANTA)).toEqual([YANTA, XIAN, '610000']);
    expect(visibleRegions(XIAN)).toEqual([XIAN, '610000']);
    expect(visibleRegions('610000')).toEqual(['610000']);
  });
});

describe('matching', () => {
  test('营业执照 is found inside 企业设立登记（营业执照）, and via keywords elsewhere', () => {
    const { items, total } = all(index, { q: '营业执照', region: YANTA });
    const names = new Set(items.map((m) => m.name));
    expect(names).toEqual(new Set(['企业设立登记（营业执照）', '个体工商户设立登记']));
    expect(total).toBe(2 * 3 * 3); // 2 matters × 3 regions × 3 handling items
    // the name match ranks before the keyword match
    expect(items.slice(0, 9).every((m) => m.name === '企业设立登记（营业执照）')).toBe(true);
  });

  test('word order does not matter: 食品 经营 and 经营 食品 find the same items', () => {
    const a = all(index, { q: '食品 经营' });
    const b = all(index, { q: '经营 食品' });
    expect(a.total).toBeGreaterThan(0);
    expect(new Set(codes(a.items))).toEqual(new Set(codes(b.items)));
    expect(a.items.every((m) => /食品/.test(m.name + m.keywords.join()) && /经营/.test(m.name + m.keywords.join()))).toBe(true);
    // full-width space and comma separate terms too
    expect(codes(all(index, { q: '食品\u3000经营' }).items)).toEqual(codes(a.items));
    expect(codes(all(index, { q: '食品，经营' }).items)).toEqual(codes(a.items));
  });

  test('every term must match: one that matches nothing empties the result', () => {
    expect(all(index, { q: '食品 护士' }).total).toBe(0);
    expect(all(index, { q: '不存在的事项' })).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  test('a term found nowhere is split into words: 护士注册, 经营食品许可, 办理营业执照', () => {
    expect(splitTerm('护士注册')).toEqual(['护士', '注册']);
    expect(splitTerm('经营食品许可')).toEqual(['经营', '食品', '许可']);
    expect(splitTerm('办理营业执照')).toEqual(['营业', '执照']);
    const names = (q: string) => new Set(all(index, { q, region: YANTA }).items.map((m) => m.name));
    expect(names('护士注册')).toEqual(new Set(['护士执业注册']));
    expect(names('经营食品许可')).toEqual(new Set(['食品经营许可']));
    expect(names('办理营业执照')).toEqual(names('营业执照'));
    // a term that matches as typed is never split: 食品经营 stays one substring
    expect(names('食品经营')).toEqual(new Set(['食品经营许可']));
    // and a split whose words do not all match still finds nothing
    expect(all(index, { q: '护士营业执照' }).total).toBe(0);
  });

  test('the handling item is part of the name: 食品经营许可变更 finds the 变更 items only', () => {
    const { items } = all(index, { q: '食品经营许可变更', region: YANTA });
    expect(items.map((m) => m.handlingItem)).toEqual(['变更', '变更', '变更']);
  });

  test('a one-character term works', () => {
    const { items } = all(index, { q: '药', region: YANTA });
    expect(new Set(items.map((m) => m.name))).toEqual(new Set(['药品零售企业许可', '农药经营许可']));
  });

  test('department names are searchable', () => {
    const { items } = all(index, { q: '西安市雁塔区民政局' });
    expect(items.length).toBe(8 * 3); // the 8 民政 matters, 3 handling items each
    expect(items.every((m) => m.dept === `${YANTA}-MZ`)).toBe(true);
    // every synthetic city has a 雁塔区 here, so the short form finds all nine
    expect(new Set(all(index, { q: '雁塔区民政局' }).items.map((m) => m.region)).size).toBe(9);
  });

  test('codes: an implementation code finds that item; a base code its items everywhere; a prefix, case- and width-insensitively', () => {
    const one = ITEMS.filter((m) => m.code.startsWith(m.baseCode))[1234];
    expect(codes(all(index, { q: one.code }).items)).toEqual([one.code]);
    expect(codes(all(index, { q: one.code.toLowerCase() }).items)).toEqual([one.code]);
    const full = one.code.replace(/[0-9A-Z-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)); // full-width
    expect(codes(all(index, { q: full }).items)).toEqual([one.code]);
    const base = all(index, { q: one.baseCode });
    expect(base.total).toBe(110 * 3);
    expect(base.items.every((m) => m.baseCode === one.baseCode)).toBe(true);
    const prefix = one.baseCode.slice(0, 6); // 00 + the matter number: the same ten-ish base codes
    const byPrefix = all(index, { q: prefix });
    expect(byPrefix.total).toBe(ITEMS.filter((m) => m.baseCode.startsWith(prefix)).length);
    expect(all(index, { q: `${one.baseCode}-${one.region}` }).total).toBe(3);
    // too short to be a prefix: matches no code
    expect(all(index, { q: one.baseCode.slice(0, MIN_CODE_PREFIX - 1) }).total).toBe(0);
    // a base code that is not a prefix of the implementation codes still finds its items
    const other = ITEMS.find((m) => !m.code.startsWith(m.baseCode))!;
    expect(all(index, { q: other.baseCode }).items.every((m) => m.baseCode === other.baseCode)).toBe(true);
    expect(all(index, { q: other.baseCode }).total).toBe(110 * 3);
  });
});

describe('filters', () => {
  test('a county sees its own, its city’s and the province’s items, nothing else', () => {
    const { items, total } = all(index, { region: YANTA });
    expect(new Set(items.map((m) => m.region))).toEqual(new Set([YANTA, XIAN, '610000']));
    expect(total).toBe(3 * 50 * 3);
    const hits = all(index, { q: '临时救助', region: YANTA }).items;
    expect(hits.map((m) => m.region)).toEqual([YANTA, YANTA, YANTA, XIAN, XIAN, XIAN, '610000', '610000', '610000']);
  });

  test('a city sees itself and the province; an unknown region only the province', () => {
    expect(new Set(all(index, { region: XIAN }).items.map((m) => m.region))).toEqual(new Set([XIAN, '610000']));
    expect(new Set(all(index, { region: '619999' }).items.map((m) => m.region))).toEqual(new Set(['610000']));
  });

  test('department and type filters', () => {
    const byDept = all(index, { dept: `${YANTA}-RS` });
    expect(byDept.total).toBe(6 * 3);
    expect(byDept.items.every((m) => m.dept === `${YANTA}-RS`)).toBe(true);
    const byType = all(index, { type: '行政给付', region: YANTA });
    expect(byType.total).toBe(ITEMS.filter((m) => m.type === '行政给付' && [YANTA, XIAN, '610000'].includes(m.region)).length);
    expect(byType.items.every((m) => m.type === '行政给付')).toBe(true);
    expect(all(index, { dept: `${YANTA}-RS`, type: '行政给付', q: '失业' }).items.map((m) => m.name)).toEqual(['失业保险金申领', '失业保险金申领', '失业保险金申领']);
    expect(all(index, { dept: 'no-such-dept' }).total).toBe(0);
    expect(all(index, { type: '不存在' }).total).toBe(0);
  });
});

describe('ranking', () => {
  const proto = ITEMS.find((m) => m.region === YANTA && m.name === '食品经营许可' && m.handlingItem === '新办')!;
  const variant = (code: string, over: Partial<IndexedItem>): IndexedItem => ({ ...proto, keywords: [], ...over, code });
  const extra = [
    variant('X-contains', { name: '小餐饮食品经营许可备案', handlingItem: undefined }),
    variant('X-prefix', { name: '食品经营许可证补办', handlingItem: undefined }),
    variant('X-keyword', { name: '其他事项', keywords: ['食品经营许可'] }),
    variant('X-dept', { name: '其他事项', deptName: '食品经营许可服务中心', dept: `${YANTA}-FOOD` }),
    variant('X-exact-province', { name: '食品经营许可', handlingItem: undefined, region: '610000', regionName: '陕西省', level: 'province' }),
    variant('X-exact-city', { name: '食品经营许可', handlingItem: undefined, region: XIAN, regionName: '西安市', level: 'city' }),
    variant('X-exact-county', { name: '食品经营许可', handlingItem: undefined }),
  ];
  const ix = SearchIndex.load(buildIndex([...extra, ...ITEMS]));

  test('exact name, then starts with, then contains, then keyword, then department; own level first within each', () => {
    const generic = (region: string) => codes(ITEMS.filter((m) => m.name === '食品经营许可' && m.region === region)).sort();
    expect(codes(all(ix, { q: '食品经营许可', region: YANTA }).items)).toEqual([
      // rank 0, the exact name (here the generic items with handling items too): county, city, province; by code within
      ...generic(YANTA), 'X-exact-county',
      ...generic(XIAN), 'X-exact-city',
      ...generic('610000'), 'X-exact-province',
      'X-prefix', // 1: starts with
      'X-contains', // 2: contains
      'X-keyword', // 3: only a keyword
      'X-dept', // 4: only the department name
    ]);
  });

  test('the whole query typed as the full name (name + handling item) counts as exact', () => {
    const got = all(ix, { q: '食品经营许可 新办', region: YANTA }).items;
    expect(got[0].handlingItem).toBe('新办');
    expect(got[0].region).toBe(YANTA);
  });
});

describe('paging with cursors', () => {
  test('pages return every hit once, in the order of one big page, with the same total', () => {
    const q = { q: '许可', region: YANTA };
    const whole = all(index, q);
    expect(whole.total).toBeGreaterThan(50);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = index.search({ ...q, limit: 7, cursor });
      expect(page.total).toBe(whole.total);
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...codes(page.items));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(whole.total / 7));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(codes(whole.items));
  });

  test('the last page has no next cursor; a limit that fits all has none either', () => {
    const r = index.search({ q: '临时救助', region: YANTA, limit: 9 });
    expect(r.items).toHaveLength(9);
    expect(r.nextCursor).toBeNull();
  });

  test('a cursor from another query, or not from us, is rejected with BadCursor', () => {
    const { nextCursor } = index.search({ q: '许可', region: YANTA, limit: 5 });
    expect(nextCursor).toEqual(expect.any(String));
    const reject = (q: Parameters<SearchIndex['search']>[0]) => {
      try {
        index.search(q);
      } catch (e) {
        return (e as Error).name;
      }
      return 'accepted';
    };
    expect(reject({ q: '许可', region: YANTA, limit: 5, cursor: nextCursor! })).toBe('accepted');
    expect(reject({ q: '许可  ', region: YANTA, limit: 10, cursor: nextCursor! })).toBe('accepted'); // same terms; the limit may change
    expect(reject({ q: '登记', region: YANTA, limit: 5, cursor: nextCursor! })).toBe('BadCursor');
    expect(reject({ q: '许可', region: XIAN, limit: 5, cursor: nextCursor! })).toBe('BadCursor');
    expect(reject({ q: '许可', region: YANTA, type: '行政许可', limit: 5, cursor: nextCursor! })).toBe('BadCursor');
    expect(reject({ q: '许可', region: YANTA, limit: 5, cursor: 'NQ' })).toBe('BadCursor');
    expect(reject({ q: '许可', region: YANTA, limit: 5, cursor: `${nextCursor}x` })).toBe('BadCursor');
  });
});

describe('serialisation', () => {
  test('deterministic: the same items give the same bytes, in any order', () => {
    expect(Buffer.from(buildIndex(ITEMS)).equals(Buffer.from(BYTES))).toBe(true);
    const shuffled = [...ITEMS];
    const rnd = prng(7);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    expect(Buffer.from(buildIndex(shuffled)).equals(Buffer.from(BYTES))).toBe(true);
  });

  test('items come back exactly as they went in; gzipped and unaligned bytes load too', () => {
    const byCode = new Map(ITEMS.map((m) => [m.code, m]));
    for (const m of all(index, { region: YANTA }).items) expect(m).toEqual(byCode.get(m.code));
    const gz = SearchIndex.load(gzipSync(BYTES));
    expect(codes(all(gz, { q: '救助' }).items)).toEqual(codes(all(index, { q: '救助' }).items));
    const shifted = new Uint8Array(BYTES.length + 1).subarray(1);
    shifted.set(BYTES);
    expect(SearchIndex.load(shifted).search({ q: '低保', limit: 3 })).toEqual(index.search({ q: '低保', limit: 3 }));
  });

  test('rejects a duplicate code, a bad level, and bytes that are not an index', () => {
    expect(() => buildIndex([ITEMS[0], { ...ITEMS[1], code: ITEMS[0].code }])).toThrow(/duplicate item code/);
    expect(() => buildIndex([{ ...ITEMS[0], level: 'town' as IndexedItem['level'] }])).toThrow(/level/);
    expect(() => SearchIndex.load(new Uint8Array([1, 2, 3, 4, 5]))).toThrow(/not a search index/);
    expect(() => SearchIndex.load(BYTES.subarray(0, BYTES.length - 10))).toThrow();
  });

  test('an empty catalog builds and finds nothing', () => {
    const empty = SearchIndex.load(buildIndex([]));
    expect(empty.size).toBe(0);
    expect(empty.search({ q: '许可', limit: 10 })).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});

describe('build → load gives the same results as the naive reference', () => {
  const rnd = prng(2024);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const sub = (s: string) => {
    const n = normalize(s);
    const len = 1 + Math.floor(rnd() * Math.min(5, n.length));
    const at = Math.floor(rnd() * (n.length - len + 1));
    return n.slice(at, at + len);
  };
  const texts = [...new Set(ITEMS.flatMap((m) => [m.name, ...m.keywords, m.deptName]).map(normalize))];
  /** Two texts' bigrams spliced on a shared character: both bigrams are indexed, the trigram (usually) is in no text. */
  const splice = (): string => {
    for (;;) {
      const a = pick(texts);
      const i = Math.floor(rnd() * (a.length - 1));
      const b = texts.find((t) => t !== a && t.indexOf(a[i + 1]) >= 0 && t.indexOf(a[i + 1]) < t.length - 1);
      if (b) return a[i] + a[i + 1] + b[b.indexOf(a[i + 1]) + 1];
    }
  };
  const term = (from: IndexedItem): string => {
    const it = rnd() < 0.75 ? from : pick(ITEMS);
    const r = rnd();
    if (r < 0.05) return splice();
    if (r < 0.15) return normalize(it.name).slice(0, 2 + Math.floor(rnd() * 4)); // a prefix of the name
    if (r < 0.35) return sub(it.name);
    if (r < 0.5) return pick(it.keywords);
    if (r < 0.6) return sub(it.deptName);
    if (r < 0.65) return it.handlingItem!;
    if (r < 0.72) return it.code.slice(0, 2 + Math.floor(rnd() * it.code.length)).toLowerCase();
    if (r < 0.77) return it.baseCode;
    if (r < 0.82) return pick(['证', '许可', '登记 变更', '营业执照', '（重点管理）', '救助金', '一网通办', 'ktv', 'ＫＴＶ', '无此词']);
    return sub(pick(ITEMS).name) + sub(it.name);
  };
  const queries = Array.from({ length: 200 }, () => {
    const it = pick(ITEMS);
    const terms = Array.from({ length: Math.floor(rnd() * 4) }, () => term(it));
    const q: { q?: string; region?: string; dept?: string; type?: string } = {};
    if (terms.length) q.q = terms.join(rnd() < 0.8 ? ' ' : '，');
    const r = rnd();
    if (r < 0.6) q.region = pick(REGIONS).code;
    else if (r < 0.65) q.region = '619999';
    if (rnd() < 0.15) q.dept = rnd() < 0.8 ? it.dept : `${pick(REGIONS).code}-${pick(Object.keys(DEPT_NAMES))}`;
    if (rnd() < 0.15) q.type = it.type;
    return q;
  });

  test('200 random queries: same items, same order, same total', () => {
    let nonEmpty = 0;
    for (const q of queries) {
      const want = naive(ITEMS, q);
      const got = all(index, q);
      if (want.length) nonEmpty++;
      expect({ q, total: got.total, codes: codes(got.items) }).toEqual({ q, total: want.length, codes: codes(want) });
    }
    expect(nonEmpty).toBeGreaterThan(80); // the comparison is not vacuous
  });

  test('and page by page (limit 20) for the first 30 of them', () => {
    for (const q of queries.slice(0, 30)) {
      const want = codes(naive(ITEMS, q));
      const got: string[] = [];
      let cursor: string | undefined;
      do {
        const page = index.search({ ...q, limit: 20, cursor });
        got.push(...codes(page.items));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(got).toEqual(want);
    }
  });
});
