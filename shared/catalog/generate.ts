import { createHash } from 'node:crypto';
import type { BaseMatter, Department, Level, Matter, ProvincialDepartment, Step } from '../domain/matter.ts';
import { baseMattersPart1, departmentsPart1 } from './base/part1.ts';
import { baseMattersPart2, departmentsPart2 } from './base/part2.ts';
import { townshipMatters, type TownshipMatter } from './base/township.ts';
import { shaanxiRegions, SHAANXI, type Region } from './regions.ts';
import { departmentUscc } from './uscc.ts';
import { isStreet, TOWNSHIPS, type Township } from './townships.ts';

/**
 * The provincial-scale catalog (事项库) [N8], generated deterministically from the curated common
 * catalog (通用目录: base matters of the provincial departments, `base/`) and the real geography
 * (`regions.ts`, `townships.ts`): every base matter is implemented at the levels where it really
 * applies, in every region of that level, once per handling item (办理项). The common fields come from
 * the base matter; the local fields (承诺时限, 办理地点, 咨询电话, 办理时间) vary by region the way real
 * implementation lists do, from a hash of the item's code, so the same input gives the same catalog.
 */
export interface GeneratedCatalog {
  matters: Matter[];
  departments: Department[];
  stats: { baseMatters: number; provincialDepartments: number; items: number; byLevel: Record<Level, number>; departments: number };
}

export const PROVINCIAL_DEPARTMENTS: ProvincialDepartment[] = [...departmentsPart1, ...departmentsPart2];
export const BASE_MATTERS: BaseMatter[] = [...baseMattersPart1, ...baseMattersPart2];

/** The catalog office's own departments [N9] [N10]: reviewers and each level's service centre. */
function officeDepartments(regions: Region[]): Department[] {
  return [
    { code: `${SHAANXI}-BGT`, name: '陕西省人民政府办公厅', region: SHAANXI },
    { code: `${SHAANXI}-SFT`, name: '陕西省司法厅', region: SHAANXI },
    ...regions.map((r) => ({ code: `${r.code}-ZWFW`, name: `${r.level === 'county' ? cityPrefix(r, regions) : ''}${r.name}政务服务中心`, region: r.code })),
  ].map((d) => ({ ...d, uscc: departmentUscc(d.code, d.region) }));
}

const cityPrefix = (county: Region, regions: Region[]) => {
  // a county-level city (韩城市) is named on its own; a district or county with its city (西安市雁塔区)
  if (county.name.endsWith('市')) return '';
  return regions.find((r) => r.code === county.parent)?.name ?? '';
};

/** The name of a provincial department's counterpart in a region, from its name pattern. */
function counterpartName(d: ProvincialDepartment, region: Region, regions: Region[]): string | undefined {
  if (region.level === 'province') return d.name;
  if (region.level === 'city') return d.cityName?.replaceAll('{city}', region.name);
  if (!d.countyName) return undefined;
  const city = regions.find((r) => r.code === region.parent)!;
  // 韩城市民政局, not 渭南市韩城市民政局: a county-level city stands on its own name
  const cityPart = region.name.endsWith('市') ? '' : city.name;
  return d.countyName.replaceAll('{city}', cityPart).replaceAll('{county}', region.name);
}

/** A stable number in [0, 1) from a string: the generator's only source of variation. */
function unit(s: string): number {
  return createHash('sha256').update(s).digest().readUInt32BE(0) / 2 ** 32;
}

const AREA_CODES: Record<string, string> = {
  '610100': '029',
  '610200': '0919',
  '610300': '0917',
  '610400': '029',
  '610403': '029',
  '610500': '0913',
  '610600': '0911',
  '610700': '0916',
  '610800': '0912',
  '610900': '0915',
  '611000': '0914',
};

/** Local fields (个性要素) [N10]: what a region sets for its own implementation. */
function localFields(b: BaseMatter, code: string, cityCode: string, hall: string): Pick<Matter, 'promiseDays' | 'steps' | 'address' | 'phone' | 'hours'> {
  const u = unit(code);
  // most regions promise the usual days; some compress them (承诺时限 ≤ 法定时限 always holds)
  const cut = b.promiseDays === 0 ? 0 : u < 0.7 ? 0 : u < 0.9 ? 1 : Math.min(2, b.promiseDays - 1);
  const promiseDays = Math.max(b.promiseDays > 0 ? 1 : 0, b.promiseDays - cut);
  const steps = fitSteps(b.steps, promiseDays);
  const phone = `${AREA_CODES[cityCode] ?? '029'}-${String(80000000 + Math.floor(unit(`${code}#phone`) * 9999999)).slice(0, 8)}`;
  const window = 1 + Math.floor(unit(`${code}#window`) * 30);
  return {
    promiseDays,
    steps,
    address: `${hall} ${window} 号综合窗口`,
    phone,
    // [H11] at least 7 hours on working days
    hours: '工作日 9:00–12:00，13:00–17:00（法定节假日除外）',
  };
}

/** Shortens the steps to the promise, taking days from the longest step first. */
function fitSteps(steps: Step[], promise: number): Step[] {
  const out = steps.map((s) => ({ ...s }));
  let total = out.reduce((n, s) => n + s.days, 0);
  while (promise > 0 && total > promise) {
    const longest = out.reduce((a, s) => (s.days > a.days ? s : a), out[0]);
    longest.days--;
    total--;
  }
  if (promise === 0) for (const s of out) s.days = 0;
  return out;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function generateCatalog(opts: { townships?: TownshipMatter[] } = {}): GeneratedCatalog {
  const regions = shaanxiRegions();
  const byLevel: Record<'province' | 'city' | 'county', Region[]> = {
    province: regions.filter((r) => r.level === 'province'),
    city: regions.filter((r) => r.level === 'city'),
    county: regions.filter((r) => r.level === 'county'),
  };
  const cityOfRegion = (r: Region) => (r.level === 'county' ? r.parent! : r.code);
  const depts = new Map<string, Department>(officeDepartments(regions).map((d) => [d.code, d]));
  const provincial = new Map(PROVINCIAL_DEPARTMENTS.map((d) => [d.key, d]));
  const deptIn = (key: string, region: Region): Department | undefined => {
    const code = `${region.code}-${key}`;
    if (depts.has(code)) return depts.get(code);
    const p = provincial.get(key);
    const name = p && counterpartName(p, region, regions);
    if (!name) return undefined;
    const d = { code, name, region: region.code, uscc: departmentUscc(code, region.code) };
    depts.set(code, d);
    return d;
  };

  const matters: Matter[] = [];
  const counts: Record<Level, number> = { province: 0, city: 0, county: 0, township: 0 };
  for (const b of BASE_MATTERS) {
    for (const level of b.levels) {
      if (level === 'township') continue;
      for (const region of byLevel[level]) {
        const d = deptIn(b.dept, region);
        if (!d) continue;
        const parallel = (b.parallelWith ?? []).map((k) => deptIn(k, region)).filter((x): x is Department => !!x);
        b.handlingItems.forEach((item, i) => {
          const code = `${b.baseCode}${pad2(i + 1)}-${region.code}-${b.dept}`;
          matters.push(implement(b, item, code, region, d, parallel, cityOfRegion(region)));
          counts[level]++;
        });
      }
    }
  }

  // 乡镇（街道）: the township government takes the matters the county hands down [H16] [H17]
  const bases = new Map(BASE_MATTERS.map((b) => [b.baseCode, b]));
  const countyByCode = new Map(byLevel.county.concat(byLevel.city).map((r) => [r.code, r]));
  for (const t of opts.townships ?? townshipMatters) {
    const b = t.base ?? bases.get(t.baseCode);
    if (!b) throw new Error(`township matter ${t.baseCode} names no base matter`);
    for (const town of TOWNSHIPS) {
      if ((t.where === 'town' && isStreet(town)) || (t.where === 'street' && !isStreet(town))) continue;
      const county = countyByCode.get(town.county);
      if (!county) continue;
      const gov = townshipGovernment(town, county, regions, depts);
      // 'accept': the station takes the application, the county department decides
      const decider = t.role === 'accept' ? deptIn(b.dept, county) : gov;
      if (!decider) continue;
      t.handlingItems.forEach((item) => {
        const i = b.handlingItems.indexOf(item);
        const code = `${b.baseCode}${pad2(i + 1)}-${town.code}`;
        const m = implement(b, item, code, county, gov, [], cityOfRegion(county), town);
        m.handlingDepts = [decider.code];
        matters.push(m);
        counts.township++;
      });
    }
  }

  matters.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const departments = [...depts.values()].sort((a, b) => a.code.localeCompare(b.code));
  return {
    matters,
    departments,
    stats: { baseMatters: BASE_MATTERS.length + (opts.townships ?? townshipMatters).filter((t) => t.base).length, provincialDepartments: PROVINCIAL_DEPARTMENTS.length, items: matters.length, byLevel: counts, departments: departments.length },
  };
}

/** 乡镇人民政府 / 街道办事处: the township's implementing body, a department of the county region. */
function townshipGovernment(town: Township, county: Region, regions: Region[], depts: Map<string, Department>): Department {
  const code = `${town.code}-ZF`;
  let d = depts.get(code);
  if (!d) {
    const prefix = county.level === 'county' ? `${cityPrefix(county, regions)}${county.name}` : county.name;
    d = { code, name: `${prefix}${town.name}${isStreet(town) ? '办事处' : '人民政府'}`, region: county.code, uscc: departmentUscc(code, county.code) };
    depts.set(code, d);
  }
  return d;
}

function implement(b: BaseMatter, item: string, code: string, region: Region, d: Department, parallel: Department[], cityCode: string, town?: Township): Matter {
  // [H2] the service hall of the level, or the township's 便民服务站
  const hall = town ? `${region.name}${town.name}便民服务站` : `${region.level === 'province' ? '陕西省' : region.name}政务服务中心`;
  const single = b.handlingItems.length === 1;
  return {
    code,
    baseCode: b.baseCode,
    name: b.name,
    ...(single ? {} : { handlingItem: item }),
    type: b.type,
    level: town ? 'township' : (region.level as Level),
    dept: d.code,
    deptName: d.name,
    region: region.code,
    regionName: region.fullName,
    ...(town ? { township: town.code, townshipName: town.name } : {}),
    legalDays: b.legalDays,
    onlineDepth: b.onlineDepth,
    keywords: b.keywords,
    conditions: b.conditions,
    materials: b.materials,
    fees: b.fees,
    legalBasis: b.legalBasis,
    // a 注销 (cancellation) item ends a licence; it issues none of the type
    ...(b.issues && !item.includes('注销') ? { issues: b.issues } : {}),
    handlingDepts: [d.code, ...parallel.map((p) => p.code)],
    retention: b.retention,
    maxVisits: b.maxVisits,
    ownerDept: b.dept,
    version: 1,
    status: 'published',
    ...localFields(b, code, cityCode, hall),
  };
}
