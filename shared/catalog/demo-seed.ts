import type { BaseMatter, Department, LocalField, Matter } from '../domain/matter.ts';
import { steps } from './base/builders.ts';
import { BASE_MATTERS, PROVINCIAL_DEPARTMENTS } from './generate.ts';
import { regionByCode } from './regions.ts';
import { departmentUscc } from './uscc.ts';

/**
 * Demo matter catalog (事项库) [N8]: matters as the province (610000), Xi'an (610100) and two Xi'an
 * districts, 雁塔区 (610113) and 莲湖区 (610104), implement them on 陕西政务服务网.
 *
 * One source of truth: each demo matter is a base matter of the common catalog (通用目录, `base/`) as
 * one department implements it. The common fields (name, type, statutory days, conditions, materials,
 * legal basis, retention) are the base matter's [N9] [N10]; what the demo says itself is only local:
 * which department of which region implements it, which departments review it in parallel, and the
 * local fields (个性要素: promised days, steps, keywords …) where the district sets its own. An
 * implementation code is `<baseCode>-<department code>`, so it is unique per region and department;
 * same-level districts implement a matter the same way (平级相同) [N11].
 */

// ── regions (行政区划代码) ────────────────────────────────────────────────────────────────────

/** Region names and levels come from the generated region list (regions.ts), like the large catalog's. */
const regionOf = (code: string) => {
  const r = regionByCode(code);
  if (!r) throw new Error(`demo seed: unknown region ${code}`);
  return r;
};

// ── departments ──────────────────────────────────────────────────────────────────────────────

const dept = (region: string, abbr: string, name: string): Department => ({ code: `${region}-${abbr}`, name, region, uscc: departmentUscc(`${region}-${abbr}`, region) });

export const departments: Department[] = [
  // 省级: the catalog office [N9] [N10] (the general office and the justice department review common-
  // catalog changes; each level's government service centre, 政务服务中心, applies them), and the
  // provincial departments the demo's provincial matters belong to, as the common catalog names them
  dept('610000', 'BGT', '陕西省人民政府办公厅'),
  dept('610000', 'ZWFW', '陕西省政务服务中心'),
  dept('610100', 'ZWFW', '西安市政务服务中心'),
  dept('610113', 'ZWFW', '西安市雁塔区政务服务中心'),
  dept('610104', 'ZWFW', '西安市莲湖区政务服务中心'),
  ...(['SFT', 'SCJG', 'WSJK', 'ZJ', 'YPJD', 'WHLY', 'MZ'] as const).map((key) => dept('610000', key, provincial(key))),
  // 西安市
  dept('610100', 'SCJG', '西安市市场监督管理局'),
  dept('610100', 'ZRZY', '西安市自然资源和规划局'),
  dept('610100', 'XZSP', '西安市行政审批服务局'),
  dept('610100', 'ZJ', '西安市住房和城乡建设局'),
  dept('610100', 'STHJ', '西安市生态环境局'),
  dept('610100', 'JT', '西安市交通运输局'),
  dept('610100', 'RS', '西安市人力资源和社会保障局'),
  // 雁塔区
  dept('610113', 'XZSP', '西安市雁塔区行政审批服务局'),
  dept('610113', 'SCJG', '西安市雁塔区市场监督管理局'),
  dept('610113', 'MZ', '西安市雁塔区民政局'),
  dept('610113', 'CL', '西安市雁塔区残疾人联合会'),
  dept('610113', 'ZJ', '西安市雁塔区住房和城乡建设局'),
  // the city bureau's district branch: it reviews planning matters for projects in 雁塔区
  dept('610113', 'ZRZY', '西安市自然资源和规划局雁塔分局'),
  dept('610113', 'WJ', '西安市雁塔区卫生健康局'),
  dept('610113', 'RS', '西安市雁塔区人力资源和社会保障局'),
  dept('610113', 'WLTY', '西安市雁塔区文化和旅游体育局'),
  // 莲湖区
  dept('610104', 'XZSP', '西安市莲湖区行政审批服务局'),
  dept('610104', 'MZ', '西安市莲湖区民政局'),
  dept('610104', 'CL', '西安市莲湖区残疾人联合会'),
  dept('610104', 'WJ', '西安市莲湖区卫生健康局'),
  dept('610104', 'RS', '西安市莲湖区人力资源和社会保障局'),
];

const DEPTS = new Map(departments.map((d) => [d.code, d]));

/** A provincial department's name as the common catalog gives it. */
function provincial(key: string): string {
  const d = PROVINCIAL_DEPARTMENTS.find((x) => x.key === key);
  if (!d) throw new Error(`demo seed: the common catalog has no provincial department ${key}`);
  return d.name;
}

const BASES = new Map<string, BaseMatter>(BASE_MATTERS.map((b) => [b.baseCode, b]));

/** What a region sets for its own implementation [N10]: the local fields, and who reviews it. */
type Local = Partial<Pick<Matter, Exclude<LocalField, 'address' | 'phone' | 'hours'>>> & { handlingDepts?: string[] };

/** Base matter `baseCode` as implemented by `deptCode`: the common fields from the base, the local ones as given. */
function implementation(deptCode: string, baseCode: string, local: Local = {}): Matter {
  const b = BASES.get(baseCode);
  if (!b) throw new Error(`demo seed: the common catalog has no base matter ${baseCode}`);
  const d = DEPTS.get(deptCode);
  if (!d) throw new Error(`demo seed: unknown department ${deptCode}`);
  // a copy: matters that share a guide (平级相同) must not share mutable arrays
  return structuredClone({
    code: `${baseCode}-${deptCode}`,
    baseCode,
    name: b.name,
    type: b.type,
    level: regionOf(d.region).level,
    dept: deptCode,
    deptName: d.name,
    region: d.region,
    regionName: regionOf(d.region).fullName,
    promiseDays: local.promiseDays ?? b.promiseDays,
    legalDays: b.legalDays,
    onlineDepth: local.onlineDepth ?? b.onlineDepth,
    keywords: local.keywords ?? b.keywords,
    conditions: b.conditions,
    materials: b.materials,
    steps: local.steps ?? b.steps,
    fees: local.fees ?? b.fees,
    legalBasis: b.legalBasis,
    ...(b.issues ? { issues: b.issues } : {}),
    handlingDepts: local.handlingDepts ?? [deptCode],
    retention: b.retention,
    maxVisits: local.maxVisits ?? b.maxVisits,
    // [N9]: the provincial department that keeps the base matter in the common catalog
    ownerDept: b.dept,
    version: 1,
    status: 'published' as const,
  });
}

/** Base codes (基本编码) of the common catalog, by the matter's name there. */
const baseCodeOf = (name: string): string => {
  const b = BASE_MATTERS.find((x) => x.name === name);
  if (!b) throw new Error(`demo seed: the common catalog has no base matter named ${name}`);
  return b.baseCode;
};

const BASE = {
  食品经营许可: baseCodeOf('食品经营许可'),
  企业设立登记: baseCodeOf('企业设立登记'),
  企业变更登记: baseCodeOf('企业变更登记'),
  个体工商户设立登记: baseCodeOf('个体工商户设立登记'),
  特种设备使用登记: baseCodeOf('特种设备使用登记'),
  药品批发企业许可: baseCodeOf('药品批发企业许可'),
  药品零售企业许可: baseCodeOf('药品零售企业许可'),
  医师执业注册: baseCodeOf('医师执业注册'),
  护士执业注册: baseCodeOf('护士执业注册'),
  公共场所卫生许可: baseCodeOf('公共场所卫生许可'),
  二级建造师执业资格注册: baseCodeOf('二级建造师执业资格注册'),
  建筑工程施工许可证核发: baseCodeOf('建筑工程施工许可证核发'),
  建设工程规划许可证核发: baseCodeOf('建设工程规划许可证核发'),
  建设用地规划许可证核发: baseCodeOf('建设用地规划许可证核发'),
  排污许可: baseCodeOf('排污许可证核发'),
  道路货物运输经营许可: baseCodeOf('道路货物运输经营许可（危险货物运输除外）'),
  上网服务营业场所设立: baseCodeOf('互联网上网服务营业场所经营单位设立审批'),
  旅行社业务经营许可: baseCodeOf('旅行社业务经营许可'),
  社会团体登记: baseCodeOf('社会团体成立、变更、注销登记及修改章程核准'),
  建设工程竣工验收备案: baseCodeOf('建设工程竣工验收备案'),
  工伤认定: baseCodeOf('工伤认定'),
  最低生活保障审核确认: baseCodeOf('最低生活保障审核确认'),
  残疾人两项补贴: baseCodeOf('困难残疾人生活补贴和重度残疾人护理补贴'),
  高龄老人生活保健补贴: baseCodeOf('高龄老人生活保健补贴'),
  临时救助: baseCodeOf('临时救助'),
  城乡居民基本养老保险参保登记: baseCodeOf('城乡居民基本养老保险参保登记'),
  就业登记: baseCodeOf('就业登记'),
} as const;

/** The 雁塔区 food business licence: the end-to-end journey's matter. */
export const DEMO_FOOD_MATTER_CODE = `${BASE.食品经营许可}-610113-XZSP`;
/** 雁塔区's registrations that issue a 营业执照, and its change, which the licence serves (免提交 [E14]). */
export const DEMO_SOLE_TRADER_MATTER_CODE = `${BASE.个体工商户设立登记}-610113-XZSP`;
export const DEMO_COMPANY_MATTER_CODE = `${BASE.企业设立登记}-610113-XZSP`;
export const DEMO_COMPANY_CHANGE_MATTER_CODE = `${BASE.企业变更登记}-610113-XZSP`;
/** The 雁塔区 disability subsidies: reviewed in parallel by the 残联 and the 民政局 (分头办理) [N14]. */
export const DEMO_PARALLEL_MATTER_CODE = `${BASE.残疾人两项补贴}-610113-CL`;

// ── the districts' own keywords and steps (local fields, 个性要素 [N10]) ─────────────────────────

const KEYWORDS = {
  company: ['营业执照', '开公司', '公司注册', '有限责任公司', '企业开办', '注册公司'],
  food: ['食品', '餐饮', '超市', '便利店', '饭店', '小吃', '食品销售', '餐饮服务', '食品经营许可证'],
  soleTrader: ['个体户', '营业执照', '个体经营', '开店', '摊位'],
  hygiene: ['卫生许可证', '宾馆', '酒店', '理发', '美容', '美发', '洗浴', '游泳馆', '商场'],
  disability: ['残疾人两项补贴', '两项补贴', '生活补贴', '护理补贴', '残疾人', '重度残疾'],
};
/** 公共场所卫生许可 at a district's 行政审批服务局, the 卫健局 reviewing on site alongside it */
const HYGIENE = (region: string): Local => ({ steps: steps(1, 2, 1, 1, '审查（现场审查，并联）'), keywords: KEYWORDS.hygiene, handlingDepts: [`${region}-XZSP`, `${region}-WJ`] });
/** 残疾人两项补贴: the 残联 checks the certificate and grade while the 民政局 checks the family's means */
const DISABILITY = (region: string): Local => ({ keywords: KEYWORDS.disability, handlingDepts: [`${region}-CL`, `${region}-MZ`] });

// ── the catalog ──────────────────────────────────────────────────────────────────────────────

export const matters: Matter[] = [
  // ━━ 陕西省 (610000) ━━
  implementation('610000-SCJG', BASE.企业设立登记, { keywords: KEYWORDS.company }),
  implementation('610000-WSJK', BASE.医师执业注册, { keywords: ['医师', '医生', '执业注册', '医师执业证书', '电子化注册'] }),
  implementation('610000-WSJK', BASE.护士执业注册, { keywords: ['护士', '护士执业证书', '执业注册', '电子化注册'] }),
  implementation('610000-ZJ', BASE.二级建造师执业资格注册, { keywords: ['二建', '建造师', '注册建造师', '初始注册', '执业资格'] }),
  implementation('610000-YPJD', BASE.药品批发企业许可, { keywords: ['药品经营许可证', '药品批发', '医药公司', '药品'] }),
  implementation('610000-WHLY', BASE.旅行社业务经营许可, { keywords: ['旅行社', '旅游', '国内旅游业务', '入境旅游业务', '旅行社业务经营许可证'] }),
  implementation('610000-MZ', BASE.社会团体登记),

  // ━━ 西安市 (610100) ━━
  implementation('610100-ZRZY', BASE.建设工程规划许可证核发, { keywords: ['规划许可', '工程规划许可证', '建设工程', '工程建设项目审批', '规划'] }),
  implementation('610100-ZRZY', BASE.建设用地规划许可证核发, { keywords: ['用地规划许可', '建设用地', '规划许可', '工程建设项目审批', '土地出让'] }),
  implementation('610100-ZJ', BASE.建筑工程施工许可证核发, { keywords: ['施工许可证', '施工许可', '开工', '建筑工程', '工程建设项目审批'] }),
  implementation('610100-ZJ', BASE.建设工程竣工验收备案, { keywords: ['竣工验收', '竣工备案', '备案', '房屋建筑', '市政基础设施'] }),
  implementation('610100-STHJ', BASE.排污许可, { keywords: ['排污许可证', '排污', '污染物排放', '环保', '重点管理'] }),
  implementation('610100-SCJG', BASE.药品零售企业许可, { keywords: ['药店', '药房', '药品经营许可证', '药品零售', '药品'] }),
  implementation('610100-SCJG', BASE.特种设备使用登记, { keywords: ['特种设备', '电梯', '锅炉', '压力容器', '起重机械', '使用登记证'] }),
  implementation('610100-JT', BASE.道路货物运输经营许可, { keywords: ['道路运输经营许可证', '货运', '物流', '道路运输', '运输经营'] }),
  implementation('610100-RS', BASE.工伤认定),

  // ━━ 雁塔区 (610113) ━━
  implementation('610113-XZSP', BASE.食品经营许可, { keywords: KEYWORDS.food }),
  implementation('610113-XZSP', BASE.企业设立登记, { keywords: KEYWORDS.company }),
  // 免提交 [E14]: the 营业执照 the 设立 issued serves its 变更, which issues the licence's next version
  implementation('610113-XZSP', BASE.企业变更登记),
  implementation('610113-XZSP', BASE.个体工商户设立登记, { keywords: KEYWORDS.soleTrader }),
  implementation('610113-XZSP', BASE.公共场所卫生许可, HYGIENE('610113')),
  // the planning branch checks the project against its planning permit while 住建 reviews the rest
  implementation('610113-ZJ', BASE.建筑工程施工许可证核发, { promiseDays: 5, steps: steps(1, 2, 1, 1, '审查（住建、规划并联审查）'), keywords: ['施工许可证', '施工许可', '开工', '建筑工程', '工程建设项目审批'], handlingDepts: ['610113-ZJ', '610113-ZRZY'] }),
  implementation('610113-WJ', BASE.医师执业注册, { keywords: ['医师', '医生', '执业注册', '医师执业证书', '电子化注册'] }),
  implementation('610113-WLTY', BASE.上网服务营业场所设立),
  implementation('610113-CL', BASE.残疾人两项补贴, DISABILITY('610113')),
  implementation('610113-MZ', BASE.最低生活保障审核确认),
  implementation('610113-MZ', BASE.高龄老人生活保健补贴),
  implementation('610113-RS', BASE.城乡居民基本养老保险参保登记),
  implementation('610113-RS', BASE.就业登记),

  // ━━ 莲湖区 (610104) ━━
  implementation('610104-XZSP', BASE.食品经营许可, { keywords: KEYWORDS.food }),
  implementation('610104-XZSP', BASE.企业设立登记, { keywords: KEYWORDS.company }),
  implementation('610104-XZSP', BASE.个体工商户设立登记, { keywords: KEYWORDS.soleTrader }),
  implementation('610104-XZSP', BASE.公共场所卫生许可, HYGIENE('610104')),
  implementation('610104-CL', BASE.残疾人两项补贴, DISABILITY('610104')),
  implementation('610104-MZ', BASE.最低生活保障审核确认),
  implementation('610104-MZ', BASE.临时救助, { keywords: ['临时救助', '社会救助', '急难救助', '困难群众', '救助金'] }),
  implementation('610104-RS', BASE.城乡居民基本养老保险参保登记),
];
