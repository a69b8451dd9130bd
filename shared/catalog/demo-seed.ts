import type { Department, Matter } from '../domain/matter.ts';
import { regionByCode } from './regions.ts';
import { FREE, applicant, licence, onTheSpot, shared, steps } from './base/builders.ts';

/**
 * Demo matter catalog (事项库) [N8]: matters as the province (610000), Xi'an (610100) and two Xi'an
 * districts, 雁塔区 (610113) and 莲湖区 (610104), implement them on 陕西政务服务网.
 *
 * Names, departments, conditions, materials and legal bases follow the published service guides
 * (办事指南). The base codes (基本编码) follow the 12-digit layout of the common catalog
 * (00 + matter type + department + main item + sub-item) but are demo values, not copied from the
 * live catalog; an implementation code is `<baseCode>-<department code>`, so it is unique per region
 * and department. The same matter keeps one base code in every region (通用目录) [N9], and same-level
 * districts implement it with the same materials and steps (平级相同) [N11].
 */

// ── regions (行政区划代码) ────────────────────────────────────────────────────────────────────

/** Region names and levels come from the generated region list (regions.ts), like the large catalog's. */
const regionOf = (code: string) => {
  const r = regionByCode(code);
  if (!r) throw new Error(`demo seed: unknown region ${code}`);
  return r;
};

// ── departments ──────────────────────────────────────────────────────────────────────────────

const dept = (region: string, abbr: string, name: string): Department => ({ code: `${region}-${abbr}`, name, region });

export const departments: Department[] = [
  // 省级
  // the catalog office [N9] [N10]: the general office and the justice department review common-catalog
  // changes; each level's government service centre (政务服务中心) applies them
  dept('610000', 'BGT', '陕西省人民政府办公厅'),
  dept('610000', 'SFT', '陕西省司法厅'),
  dept('610000', 'ZWFW', '陕西省政务服务中心'),
  dept('610100', 'ZWFW', '西安市政务服务中心'),
  dept('610113', 'ZWFW', '西安市雁塔区政务服务中心'),
  dept('610104', 'ZWFW', '西安市莲湖区政务服务中心'),
  dept('610000', 'SCJG', '陕西省市场监督管理局'),
  dept('610000', 'WJW', '陕西省卫生健康委员会'),
  dept('610000', 'ZJT', '陕西省住房和城乡建设厅'),
  dept('610000', 'YJJ', '陕西省药品监督管理局'),
  dept('610000', 'WHLY', '陕西省文化和旅游厅'),
  dept('610000', 'MZT', '陕西省民政厅'),
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

// ── helpers ──────────────────────────────────────────────────────────────────────────────────

/** 即办件: accepted, decided and delivered on the spot. */
const ON_THE_SPOT = onTheSpot();

type MatterData = Omit<Matter, 'code' | 'dept' | 'deptName' | 'region' | 'regionName' | 'level' | 'handlingDepts' | 'version' | 'status'> & {
  /** defaults to the accepting department alone */
  handlingDepts?: string[];
};

/** One matter as implemented by `deptCode`; region, names and level come from the department. */
function matter(deptCode: string, data: MatterData): Matter {
  const d = DEPTS.get(deptCode);
  if (!d) throw new Error(`demo seed: unknown department ${deptCode}`);
  // a copy: matters that share a guide (平级相同) must not share mutable arrays
  return {
    ...structuredClone(data),
    code: `${data.baseCode}-${deptCode}`,
    dept: deptCode,
    deptName: d.name,
    region: d.region,
    regionName: regionOf(d.region).fullName,
    level: regionOf(d.region).level,
    handlingDepts: data.handlingDepts ?? [deptCode],
    ownerDept: OWNER[data.baseCode],
    version: 1,
    status: 'published',
  };
}

// ── base codes (基本编码), one per matter in the common catalog ──────────────────────────────

const BASE = {
  食品经营许可: '000109001000',
  企业设立登记: '000109002000',
  个体工商户设立登记: '000109003000',
  特种设备使用登记: '000109004000',
  药品批发企业许可: '000108001000',
  药品零售企业许可: '000108002000',
  医师执业注册: '000117001000',
  护士执业注册: '000117002000',
  公共场所卫生许可: '000117003000',
  二级建造师执业资格注册: '000114001000',
  建筑工程施工许可证核发: '000114002000',
  建设工程规划许可证核发: '000113001000',
  建设用地规划许可证核发: '000113002000',
  排污许可: '000112001000',
  道路货物运输经营许可: '000115001000',
  出版物零售业务经营许可: '000135001000',
  旅行社业务经营许可: '000120001000',
  社会团体成立登记: '000106001000',
  建设工程竣工验收备案: '001014001000',
  工伤认定: '000711001000',
  最低生活保障审核确认: '000706001000',
  残疾人两项补贴: '000540001000',
  高龄老人生活补贴: '000506002000',
  临时救助: '000506003000',
  城乡居民基本养老保险参保登记: '002011001000',
  就业创业证申领: '002011002000',
} as const;

/** [N9] the provincial department (610000-<key>) that keeps each base matter in the common catalog. */
const OWNER: Record<string, string> = {
  [BASE.食品经营许可]: 'SCJG',
  [BASE.企业设立登记]: 'SCJG',
  [BASE.个体工商户设立登记]: 'SCJG',
  [BASE.特种设备使用登记]: 'SCJG',
  [BASE.药品批发企业许可]: 'YJJ',
  [BASE.药品零售企业许可]: 'YJJ',
  [BASE.医师执业注册]: 'WJW',
  [BASE.护士执业注册]: 'WJW',
  [BASE.公共场所卫生许可]: 'WJW',
  [BASE.二级建造师执业资格注册]: 'ZJT',
  [BASE.建筑工程施工许可证核发]: 'ZJT',
  [BASE.建设工程规划许可证核发]: 'ZRZYT',
  [BASE.建设用地规划许可证核发]: 'ZRZYT',
  [BASE.排污许可]: 'STHJT',
  [BASE.道路货物运输经营许可]: 'JTT',
  [BASE.出版物零售业务经营许可]: 'XWCB',
  [BASE.旅行社业务经营许可]: 'WHLY',
  [BASE.社会团体成立登记]: 'MZT',
  [BASE.建设工程竣工验收备案]: 'ZJT',
  [BASE.工伤认定]: 'RST',
  [BASE.最低生活保障审核确认]: 'MZT',
  [BASE.残疾人两项补贴]: 'CL',
  [BASE.高龄老人生活补贴]: 'MZT',
  [BASE.临时救助]: 'MZT',
  [BASE.城乡居民基本养老保险参保登记]: 'RST',
  [BASE.就业创业证申领]: 'RST',
};

/** The 雁塔区 food business licence: the end-to-end journey's matter. */
export const DEMO_FOOD_MATTER_CODE = `${BASE.食品经营许可}-610113-XZSP`;
/** The 雁塔区 disability subsidies: reviewed in parallel by the 残联 and the 民政局 (分头办理) [N14]. */
export const DEMO_PARALLEL_MATTER_CODE = `${BASE.残疾人两项补贴}-610113-CL`;

// ── matters implemented the same way in every district (平级相同) [N11] ─────────────────────────

const FOOD_LICENCE: MatterData = {
  baseCode: BASE.食品经营许可,
  name: '食品经营许可',
  type: '行政许可',
  promiseDays: 5,
  legalDays: 10,
  onlineDepth: 4,
  keywords: ['食品', '餐饮', '超市', '便利店', '饭店', '小吃', '食品销售', '餐饮服务', '食品经营许可证'],
  conditions:
    '具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所及设备设施，有专职或者兼职的食品安全管理人员和保证食品安全的规章制度；申请人已取得营业执照等合法主体资格。',
  materials: [
    applicant('M01', '食品经营许可申请书'),
    licence('M02', '营业执照或者其他主体资格证明文件'),
    shared('M03', '法定代表人（负责人）身份证明'),
    applicant('M04', '与食品经营相适应的主要设备设施、经营布局、操作流程等文件'),
    applicant('M05', '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录清单'),
    applicant('M06', '委托他人办理的，授权委托书及代理人身份证明', false),
  ],
  steps: steps(1, 2, 1, 1, '审查（含现场核查）'),
  fees: FREE,
  legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）',
  retention: '30y',
  maxVisits: 0,
};

const COMPANY_REGISTRATION: MatterData = {
  baseCode: BASE.企业设立登记,
  name: '企业设立登记',
  type: '行政许可',
  promiseDays: 1,
  legalDays: 3,
  onlineDepth: 4,
  keywords: ['营业执照', '开公司', '公司注册', '有限责任公司', '企业开办', '注册公司'],
  conditions: '申请人具备设立企业的主体资格，企业名称、住所、经营范围、出资等符合《中华人民共和国公司法》《中华人民共和国市场主体登记管理条例》的规定，申请材料齐全、符合法定形式。',
  materials: [
    applicant('M01', '公司登记（备案）申请书'),
    applicant('M02', '公司章程'),
    shared('M03', '股东、法定代表人、董事、监事和经理的身份证明'),
    applicant('M04', '法定代表人、董事、监事和经理的任职文件'),
    licence('M05', '住所（经营场所）使用证明（不动产权证书）'),
  ],
  steps: steps(0, 1, 0, 0, '审查（形式审查）'),
  fees: FREE,
  legalBasis: '《中华人民共和国公司法》第二十九条；《中华人民共和国市场主体登记管理条例》第十九条',
  retention: 'permanent',
  maxVisits: 0,
};

const SOLE_TRADER_REGISTRATION: MatterData = {
  baseCode: BASE.个体工商户设立登记,
  name: '个体工商户设立登记',
  type: '行政许可',
  promiseDays: 0,
  legalDays: 3,
  onlineDepth: 4,
  keywords: ['个体户', '营业执照', '个体经营', '开店', '摊位'],
  conditions: '有经营能力的自然人，经营场所、经营范围符合规定，申请材料齐全、符合法定形式的，予以当场登记。',
  materials: [
    applicant('M01', '个体工商户登记（备案）申请书'),
    shared('M02', '经营者身份证明'),
    applicant('M03', '经营场所使用证明'),
  ],
  steps: ON_THE_SPOT,
  fees: FREE,
  legalBasis: '《促进个体工商户发展条例》；《中华人民共和国市场主体登记管理条例》第二条、第十九条',
  retention: '30y',
  maxVisits: 0,
};

/** Accepted by the district 行政审批服务局; the 卫生健康局 reviews the premises at the same time. */
const PUBLIC_VENUE_HYGIENE = (region: string): MatterData => ({
  baseCode: BASE.公共场所卫生许可,
  name: '公共场所卫生许可',
  type: '行政许可',
  promiseDays: 5,
  legalDays: 20,
  onlineDepth: 3,
  keywords: ['卫生许可证', '宾馆', '酒店', '理发', '美容', '美发', '洗浴', '游泳馆', '商场'],
  conditions: '住宿、沐浴、美容美发、游泳等公共场所的经营单位，场所选址、布局、卫生设施和卫生管理制度符合《公共场所卫生管理条例》及其实施细则和国家卫生标准。',
  materials: [
    applicant('M01', '公共场所卫生许可申请表'),
    licence('M02', '营业执照'),
    shared('M03', '法定代表人或者负责人身份证明'),
    applicant('M04', '公共场所地址方位示意图、平面图和卫生设施平面布局图'),
    applicant('M05', '公共场所卫生检测或者评价报告'),
    applicant('M06', '公共场所卫生管理制度'),
  ],
  steps: steps(1, 2, 1, 1, '审查（现场审查，并联）'),
  fees: FREE,
  legalBasis: '《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》（卫生部令第80号）第二十二条',
  handlingDepts: [`${region}-XZSP`, `${region}-WJ`],
  retention: '30y',
  maxVisits: 1,
});

/** Reviewed in parallel: the 残联 checks the disability certificate and grade, the 民政局 the family's means. */
const DISABILITY_SUBSIDIES = (region: string): MatterData => ({
  baseCode: BASE.残疾人两项补贴,
  name: '困难残疾人生活补贴和重度残疾人护理补贴',
  type: '行政给付',
  promiseDays: 15,
  legalDays: 20,
  onlineDepth: 4,
  keywords: ['残疾人两项补贴', '两项补贴', '生活补贴', '护理补贴', '残疾人', '重度残疾'],
  conditions:
    '具有本区户籍、持有第二代《中华人民共和国残疾人证》：困难残疾人生活补贴对象为最低生活保障家庭中的残疾人；重度残疾人护理补贴对象为残疾等级为一级、二级且需要长期照护的重度残疾人。',
  materials: [
    applicant('M01', '残疾人两项补贴申请审批表'),
    licence('M02', '第二代《中华人民共和国残疾人证》'),
    shared('M03', '申请人居民身份证、户口簿'),
    shared('M04', '最低生活保障证明（申请困难残疾人生活补贴的）', false),
  ],
  steps: steps(2, 10, 2, 1, '审查（残联、民政并联审核）'),
  fees: FREE,
  legalBasis: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
  handlingDepts: [`${region}-CL`, `${region}-MZ`],
  retention: '10y',
  maxVisits: 0,
});

const SUBSISTENCE_ALLOWANCE: MatterData = {
  baseCode: BASE.最低生活保障审核确认,
  name: '最低生活保障审核确认',
  type: '行政确认',
  promiseDays: 20,
  legalDays: 30,
  onlineDepth: 3,
  keywords: ['低保', '最低生活保障', '社会救助', '困难群众'],
  conditions: '共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合当地规定的城乡居民家庭。',
  materials: [
    applicant('M01', '最低生活保障申请书'),
    shared('M02', '家庭成员居民身份证、户口簿'),
    applicant('M03', '家庭经济状况核对授权书'),
    applicant('M04', '家庭成员收入证明', false),
    licence('M05', '残疾人证（家庭成员有残疾的）', false),
  ],
  steps: steps(3, 12, 3, 2, '审查（入户调查、经济状况核对、公示）'),
  fees: FREE,
  legalBasis: '《社会救助暂行办法》第九条、第十一条；《最低生活保障审核确认办法》（民发〔2021〕57号）',
  retention: '10y',
  maxVisits: 1,
};

const RESIDENT_PENSION_ENROLMENT: MatterData = {
  baseCode: BASE.城乡居民基本养老保险参保登记,
  name: '城乡居民基本养老保险参保登记',
  type: '公共服务',
  promiseDays: 0,
  legalDays: 0,
  onlineDepth: 4,
  keywords: ['养老保险', '城乡居保', '居民养老', '参保', '社保'],
  conditions: '年满16周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险覆盖范围的城乡居民，在户籍地参保。',
  materials: [
    applicant('M01', '城乡居民基本养老保险参保登记表'),
    shared('M02', '居民身份证'),
    shared('M03', '户口簿', false),
  ],
  steps: ON_THE_SPOT,
  fees: FREE,
  legalBasis: '《中华人民共和国社会保险法》第二十条、第二十二条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
  retention: '30y',
  maxVisits: 0,
};

const PHYSICIAN_REGISTRATION: MatterData = {
  baseCode: BASE.医师执业注册,
  name: '医师执业注册',
  type: '行政许可',
  promiseDays: 5,
  legalDays: 20,
  onlineDepth: 4,
  keywords: ['医师', '医生', '执业注册', '医师执业证书', '电子化注册'],
  conditions: '取得医师资格，拟在本行政机关登记或备案的医疗卫生机构执业，且无《中华人民共和国医师法》第十六条规定不予注册情形。',
  materials: [
    applicant('M01', '医师执业注册申请审核表'),
    applicant('M02', '近6个月2寸白底免冠正面半身照片'),
    applicant('M03', '医疗卫生机构的聘用证明'),
    licence('M04', '医师资格证书'),
    shared('M05', '居民身份证'),
  ],
  steps: steps(1, 2, 1, 1),
  fees: FREE,
  legalBasis: '《中华人民共和国医师法》第十三条；《医师执业注册管理办法》（国家卫生和计划生育委员会令第13号）',
  retention: '30y',
  maxVisits: 0,
};

// ── the catalog ──────────────────────────────────────────────────────────────────────────────

export const matters: Matter[] = [
  // ━━ 陕西省 (610000) ━━
  matter('610000-SCJG', {
    ...COMPANY_REGISTRATION,
    conditions: `由省级登记机关登记管辖的企业。${COMPANY_REGISTRATION.conditions}`,
  }),
  matter('610000-WJW', {
    ...PHYSICIAN_REGISTRATION,
    conditions: '取得医师资格，拟在省卫生健康委员会登记或备案的医疗卫生机构执业，且无《中华人民共和国医师法》第十六条规定不予注册情形。',
  }),
  matter('610000-WJW', {
    baseCode: BASE.护士执业注册,
    name: '护士执业注册',
    type: '行政许可',
    promiseDays: 5,
    legalDays: 20,
    onlineDepth: 4,
    keywords: ['护士', '护士执业证书', '执业注册', '电子化注册'],
    conditions: '具有完全民事行为能力，取得规定学历并通过国务院卫生主管部门组织的护士执业资格考试，符合健康标准，拟在省卫生健康委员会登记或备案的医疗卫生机构执业。',
    materials: [
      applicant('M01', '护士执业注册申请审核表'),
      shared('M02', '护士执业资格考试成绩合格证明'),
      applicant('M03', '申请人6个月内在县级以上医疗卫生机构的健康体检证明'),
      applicant('M04', '医疗卫生机构拟聘用的相关材料'),
      shared('M05', '居民身份证'),
    ],
    steps: steps(1, 2, 1, 1),
    fees: FREE,
    legalBasis: '《护士条例》第七条、第八条；《护士执业注册管理办法》',
    retention: '30y',
    maxVisits: 0,
  }),
  matter('610000-ZJT', {
    baseCode: BASE.二级建造师执业资格注册,
    name: '二级建造师执业资格注册',
    type: '行政许可',
    promiseDays: 10,
    legalDays: 20,
    onlineDepth: 4,
    keywords: ['二建', '建造师', '注册建造师', '初始注册', '执业资格'],
    conditions: '取得二级建造师资格证书，受聘于本省一个具有建设工程勘察、设计、施工、监理、招标代理、造价咨询等资质的单位，且无不予注册情形。',
    materials: [
      applicant('M01', '二级建造师初始注册申请表'),
      licence('M02', '二级建造师资格证书'),
      shared('M03', '居民身份证'),
      applicant('M04', '与聘用单位签订的劳动合同'),
      shared('M05', '聘用单位为申请人缴纳的社会保险证明'),
    ],
    steps: steps(2, 5, 2, 1),
    fees: FREE,
    legalBasis: '《中华人民共和国建筑法》第十四条；《注册建造师管理规定》（建设部令第153号）',
    retention: '30y',
    maxVisits: 0,
  }),
  matter('610000-YJJ', {
    baseCode: BASE.药品批发企业许可,
    name: '药品批发企业许可',
    type: '行政许可',
    promiseDays: 15,
    legalDays: 20,
    onlineDepth: 3,
    keywords: ['药品经营许可证', '药品批发', '医药公司', '药品'],
    conditions: '有依法经过资格认定的药师或者其他药学技术人员，有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境，有与所经营药品相适应的质量管理机构或者人员，有保证药品质量的规章制度，符合药品经营质量管理规范要求。',
    materials: [
      applicant('M01', '药品经营许可证申请表'),
      licence('M02', '营业执照'),
      licence('M03', '企业负责人、质量负责人的执业药师注册证或专业技术职称证书'),
      applicant('M04', '经营场所和仓库的平面布局图及房屋产权或者使用权证明'),
      applicant('M05', '药品质量管理制度文件目录及质量管理组织机构图'),
    ],
    steps: steps(2, 10, 2, 1, '审查（含现场检查）'),
    fees: FREE,
    legalBasis: '《中华人民共和国药品管理法》第五十一条、第五十二条；《药品经营和使用质量监督管理办法》（国家市场监督管理总局令第84号）',
    retention: '30y',
    maxVisits: 1,
  }),
  matter('610000-WHLY', {
    baseCode: BASE.旅行社业务经营许可,
    name: '旅行社业务经营许可',
    type: '行政许可',
    promiseDays: 10,
    legalDays: 20,
    onlineDepth: 4,
    keywords: ['旅行社', '旅游', '国内旅游业务', '入境旅游业务', '旅行社业务经营许可证'],
    conditions: '申请经营国内旅游业务和入境旅游业务的，应当取得企业法人资格，有固定的经营场所和必要的营业设施，注册资本不少于30万元。',
    materials: [
      applicant('M01', '旅行社业务经营许可申请书'),
      licence('M02', '营业执照'),
      shared('M03', '法定代表人身份证明'),
      applicant('M04', '经营场所证明'),
      applicant('M05', '营业设施、设备的证明或者说明'),
    ],
    steps: steps(2, 5, 2, 1),
    fees: FREE,
    legalBasis: '《旅行社条例》第六条',
    retention: '30y',
    maxVisits: 0,
  }),
  matter('610000-MZT', {
    baseCode: BASE.社会团体成立登记,
    name: '社会团体成立登记',
    type: '行政许可',
    promiseDays: 20,
    legalDays: 30,
    onlineDepth: 3,
    keywords: ['社团', '协会', '学会', '商会', '社会组织', '社会团体登记证书'],
    conditions: '经业务主管单位审查同意，有50个以上的个人会员或者30个以上的单位会员，有规范的名称和相应的组织机构、固定的住所、专职工作人员，地方性社会团体有3万元以上活动资金。',
    materials: [
      applicant('M01', '社会团体法人登记申请表'),
      applicant('M02', '业务主管单位的批准文件'),
      applicant('M03', '章程草案'),
      applicant('M04', '验资报告和住所使用权证明'),
      shared('M05', '发起人和拟任负责人的基本情况、身份证明'),
    ],
    steps: steps(3, 12, 3, 2),
    fees: FREE,
    legalBasis: '《社会团体登记管理条例》第三条、第十条',
    retention: 'permanent',
    maxVisits: 1,
  }),

  // ━━ 西安市 (610100) ━━
  matter('610100-ZRZY', {
    baseCode: BASE.建设工程规划许可证核发,
    name: '建设工程规划许可证核发',
    type: '行政许可',
    promiseDays: 7,
    legalDays: 20,
    onlineDepth: 4,
    keywords: ['规划许可', '工程规划许可证', '建设工程', '工程建设项目审批', '规划'],
    conditions: '建设单位已取得建设用地规划许可证或者不动产权证书，建设工程设计方案符合控制性详细规划和规划条件。',
    materials: [
      applicant('M01', '建设工程规划许可申请表'),
      licence('M02', '建设用地规划许可证或不动产权证书'),
      applicant('M03', '建设工程设计方案（总平面图、建筑单体平面、立面、剖面图）'),
      licence('M04', '建设单位营业执照或法人证书'),
      applicant('M05', '授权委托书（委托办理的）', false),
    ],
    steps: steps(1, 4, 1, 1),
    fees: FREE,
    legalBasis: '《中华人民共和国城乡规划法》第四十条',
    retention: 'permanent',
    maxVisits: 0,
  }),
  matter('610100-ZRZY', {
    baseCode: BASE.建设用地规划许可证核发,
    name: '建设用地规划许可证核发',
    type: '行政许可',
    promiseDays: 5,
    legalDays: 20,
    onlineDepth: 4,
    keywords: ['用地规划许可', '建设用地', '规划许可', '工程建设项目审批', '土地出让'],
    conditions: '以出让方式取得国有土地使用权的，已签订国有建设用地使用权出让合同；以划拨方式取得的，已取得建设项目用地预审与选址意见书。',
    materials: [
      applicant('M01', '建设用地规划许可申请表'),
      applicant('M02', '国有建设用地使用权出让合同或划拨决定书'),
      licence('M03', '建设项目用地预审与选址意见书（划拨项目）', false),
      licence('M04', '建设单位营业执照或法人证书'),
    ],
    steps: steps(1, 2, 1, 1),
    fees: FREE,
    legalBasis: '《中华人民共和国城乡规划法》第三十七条、第三十八条',
    retention: 'permanent',
    maxVisits: 0,
  }),
  matter('610100-ZJ', {
    baseCode: BASE.建筑工程施工许可证核发,
    name: '建筑工程施工许可证核发',
    type: '行政许可',
    promiseDays: 3,
    legalDays: 7,
    onlineDepth: 4,
    keywords: ['施工许可证', '施工许可', '开工', '建筑工程', '工程建设项目审批'],
    conditions: '已办理用地批准手续，依法应当办理建设工程规划许可证的已取得规划许可证，已确定施工企业，有满足施工需要的技术资料和保证工程质量安全的具体措施。',
    materials: [
      applicant('M01', '建筑工程施工许可申请表'),
      licence('M02', '建设工程规划许可证'),
      applicant('M03', '中标通知书及施工合同'),
      shared('M04', '施工图设计文件审查合格书'),
      applicant('M05', '建设单位资金到位承诺书'),
    ],
    steps: steps(1, 1, 1, 0),
    fees: FREE,
    legalBasis: '《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）',
    retention: 'permanent',
    maxVisits: 0,
  }),
  matter('610100-ZJ', {
    baseCode: BASE.建设工程竣工验收备案,
    name: '建设工程竣工验收备案',
    type: '其他行政权力',
    promiseDays: 0,
    legalDays: 5,
    onlineDepth: 4,
    keywords: ['竣工验收', '竣工备案', '备案', '房屋建筑', '市政基础设施'],
    conditions: '房屋建筑和市政基础设施工程已竣工验收合格，建设单位自竣工验收合格之日起15日内报送备案。',
    materials: [
      applicant('M01', '房屋建筑和市政基础设施工程竣工验收备案表'),
      applicant('M02', '工程竣工验收报告'),
      licence('M03', '建设工程规划核实意见及消防验收意见等认可文件'),
      applicant('M04', '施工单位签署的工程质量保修书'),
    ],
    steps: ON_THE_SPOT,
    fees: FREE,
    legalBasis: '《建设工程质量管理条例》第四十九条；《房屋建筑和市政基础设施工程竣工验收备案管理办法》',
    retention: 'permanent',
    maxVisits: 0,
  }),
  matter('610100-STHJ', {
    baseCode: BASE.排污许可,
    name: '排污许可（重点管理）',
    type: '行政许可',
    promiseDays: 15,
    legalDays: 30,
    onlineDepth: 4,
    keywords: ['排污许可证', '排污', '污染物排放', '环保', '重点管理'],
    conditions: '依法取得建设项目环境影响评价文件审批意见或者按规定备案，污染物排放符合国家和地方污染物排放标准及重点污染物排放总量控制要求，有符合规定的自行监测方案。',
    materials: [
      applicant('M01', '排污许可证申请表'),
      applicant('M02', '自行监测方案'),
      applicant('M03', '守法承诺书'),
      licence('M04', '建设项目环境影响评价批复文件'),
      licence('M05', '营业执照'),
    ],
    steps: steps(2, 10, 2, 1, '审查（含技术评估）'),
    fees: FREE,
    legalBasis: '《中华人民共和国环境保护法》第四十五条；《排污许可管理条例》（国务院令第736号）',
    retention: '30y',
    maxVisits: 0,
  }),
  matter('610100-SCJG', {
    baseCode: BASE.药品零售企业许可,
    name: '药品零售企业许可',
    type: '行政许可',
    promiseDays: 10,
    legalDays: 20,
    onlineDepth: 3,
    keywords: ['药店', '药房', '药品经营许可证', '药品零售', '药品'],
    conditions: '有依法经过资格认定的药师或者其他药学技术人员，有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境，有保证药品质量的规章制度，符合药品经营质量管理规范要求。',
    materials: [
      applicant('M01', '药品经营许可证申请表'),
      licence('M02', '营业执照'),
      licence('M03', '执业药师注册证'),
      applicant('M04', '经营场所平面布局图及房屋产权或者使用权证明'),
      applicant('M05', '药品质量管理制度文件目录'),
    ],
    steps: steps(1, 7, 1, 1, '审查（含现场检查）'),
    fees: FREE,
    legalBasis: '《中华人民共和国药品管理法》第五十一条、第五十二条；《药品经营和使用质量监督管理办法》（国家市场监督管理总局令第84号）',
    retention: '30y',
    maxVisits: 1,
  }),
  matter('610100-SCJG', {
    baseCode: BASE.特种设备使用登记,
    name: '特种设备使用登记',
    type: '行政许可',
    promiseDays: 3,
    legalDays: 15,
    onlineDepth: 4,
    keywords: ['特种设备', '电梯', '锅炉', '压力容器', '起重机械', '使用登记证'],
    conditions: '特种设备经监督检验合格，使用单位在特种设备投入使用前或者投入使用后三十日内申请办理使用登记。',
    materials: [
      applicant('M01', '特种设备使用登记表'),
      applicant('M02', '特种设备产品合格证及监督检验证明'),
      licence('M03', '使用单位营业执照'),
      shared('M04', '经办人身份证明'),
    ],
    steps: steps(1, 1, 1, 0),
    fees: FREE,
    legalBasis: '《中华人民共和国特种设备安全法》第三十三条；《特种设备使用管理规则》（TSG 08）',
    retention: '30y',
    maxVisits: 0,
  }),
  matter('610100-JT', {
    baseCode: BASE.道路货物运输经营许可,
    name: '道路货物运输经营许可（危险货物运输除外）',
    type: '行政许可',
    promiseDays: 5,
    legalDays: 20,
    onlineDepth: 4,
    keywords: ['道路运输经营许可证', '货运', '物流', '道路运输', '运输经营'],
    conditions: '有与其经营业务相适应并经检测合格的车辆，有符合条件的驾驶人员，有健全的安全生产管理制度。',
    materials: [
      applicant('M01', '道路货物运输经营申请表'),
      shared('M02', '负责人身份证明'),
      licence('M03', '机动车行驶证'),
      licence('M04', '驾驶人员的机动车驾驶证和从业资格证'),
      applicant('M05', '安全生产管理制度文本'),
    ],
    steps: steps(1, 2, 1, 1),
    fees: FREE,
    legalBasis: '《中华人民共和国道路运输条例》第二十一条、第二十四条；《道路货物运输及站场管理规定》',
    retention: '30y',
    maxVisits: 0,
  }),
  matter('610100-RS', {
    baseCode: BASE.工伤认定,
    name: '工伤认定',
    type: '行政确认',
    promiseDays: 30,
    legalDays: 60,
    onlineDepth: 3,
    keywords: ['工伤', '工伤保险', '职业病', '因工受伤', '工伤认定决定书'],
    conditions: '职工发生事故伤害或者被诊断、鉴定为职业病，用人单位自事故伤害发生之日或者被诊断、鉴定为职业病之日起30日内提出申请；用人单位未提出的，职工或者其近亲属、工会组织可在1年内提出。',
    materials: [
      applicant('M01', '工伤认定申请表'),
      applicant('M02', '与用人单位存在劳动关系（包括事实劳动关系）的证明材料'),
      applicant('M03', '医疗诊断证明或者职业病诊断证明书（或者职业病诊断鉴定书）'),
      shared('M04', '受伤害职工居民身份证'),
      licence('M05', '用人单位营业执照', false),
    ],
    steps: steps(5, 20, 3, 2, '审查（调查核实）'),
    fees: FREE,
    legalBasis: '《工伤保险条例》第十七条、第十八条、第二十条',
    retention: '30y',
    maxVisits: 1,
  }),

  // ━━ 雁塔区 (610113) ━━
  matter('610113-XZSP', FOOD_LICENCE),
  matter('610113-XZSP', COMPANY_REGISTRATION),
  matter('610113-XZSP', SOLE_TRADER_REGISTRATION),
  matter('610113-XZSP', PUBLIC_VENUE_HYGIENE('610113')),
  matter('610113-ZJ', {
    baseCode: BASE.建筑工程施工许可证核发,
    name: '建筑工程施工许可证核发',
    type: '行政许可',
    promiseDays: 5,
    legalDays: 7,
    onlineDepth: 4,
    keywords: ['施工许可证', '施工许可', '开工', '建筑工程', '工程建设项目审批'],
    conditions: '已办理用地批准手续，依法应当办理建设工程规划许可证的已取得规划许可证，已确定施工企业，有满足施工需要的技术资料和保证工程质量安全的具体措施。',
    materials: [
      applicant('M01', '建筑工程施工许可申请表'),
      licence('M02', '建设工程规划许可证'),
      applicant('M03', '中标通知书及施工合同'),
      shared('M04', '施工图设计文件审查合格书'),
      applicant('M05', '建设单位资金到位承诺书'),
    ],
    steps: steps(1, 2, 1, 1, '审查（住建、规划并联审查）'),
    fees: FREE,
    legalBasis: '《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）',
    // the planning branch checks the project against its planning permit while 住建 reviews the rest
    handlingDepts: ['610113-ZJ', '610113-ZRZY'],
    retention: 'permanent',
    maxVisits: 0,
  }),
  matter('610113-WJ', PHYSICIAN_REGISTRATION),
  matter('610113-WLTY', {
    baseCode: BASE.出版物零售业务经营许可,
    name: '出版物零售业务经营许可',
    type: '行政许可',
    promiseDays: 10,
    legalDays: 20,
    onlineDepth: 4,
    keywords: ['出版物经营许可证', '书店', '图书', '报刊', '音像制品', '出版物'],
    conditions: '单位和个体工商户从事出版物零售业务，有确定的企业名称和经营范围，有固定的经营场所，经营者具备相应的业务能力。',
    materials: [
      applicant('M01', '出版物零售业务经营许可申请书'),
      licence('M02', '营业执照'),
      shared('M03', '经营者（负责人）身份证明'),
      applicant('M04', '经营场所使用证明'),
    ],
    steps: steps(2, 5, 2, 1),
    fees: FREE,
    legalBasis: '《出版管理条例》第三十五条；《出版物市场管理规定》',
    retention: '30y',
    maxVisits: 0,
  }),
  matter('610113-CL', DISABILITY_SUBSIDIES('610113')),
  matter('610113-MZ', SUBSISTENCE_ALLOWANCE),
  matter('610113-MZ', {
    baseCode: BASE.高龄老人生活补贴,
    name: '高龄老人生活补贴',
    type: '行政给付',
    promiseDays: 10,
    legalDays: 20,
    onlineDepth: 4,
    keywords: ['高龄补贴', '高龄津贴', '老年人', '养老', '补贴'],
    conditions: '具有本区户籍、达到陕西省高龄老人生活补贴发放年龄的老年人。',
    materials: [
      applicant('M01', '高龄老人生活补贴申请表'),
      shared('M02', '老年人居民身份证、户口簿'),
      shared('M03', '本人社会保障卡或银行账户信息', false),
    ],
    steps: steps(2, 5, 2, 1),
    fees: FREE,
    legalBasis: '《中华人民共和国老年人权益保障法》第三十三条',
    retention: '10y',
    maxVisits: 0,
  }),
  matter('610113-RS', RESIDENT_PENSION_ENROLMENT),
  matter('610113-RS', {
    baseCode: BASE.就业创业证申领,
    name: '就业创业证申领',
    type: '公共服务',
    promiseDays: 0,
    legalDays: 0,
    onlineDepth: 4,
    keywords: ['就业创业证', '就业失业登记', '失业登记', '就业登记', '创业'],
    conditions: '法定劳动年龄内、有劳动能力和就业要求，在常住地进行就业失业登记的劳动者。',
    materials: [
      applicant('M01', '就业失业登记申请表'),
      shared('M02', '居民身份证'),
      applicant('M03', '近期免冠照片', false),
    ],
    steps: ON_THE_SPOT,
    fees: FREE,
    legalBasis: '《中华人民共和国就业促进法》；《就业服务与就业管理规定》（劳动和社会保障部令第28号）',
    retention: '10y',
    maxVisits: 0,
  }),

  // ━━ 莲湖区 (610104) ━━
  matter('610104-XZSP', FOOD_LICENCE),
  matter('610104-XZSP', COMPANY_REGISTRATION),
  matter('610104-XZSP', SOLE_TRADER_REGISTRATION),
  matter('610104-XZSP', PUBLIC_VENUE_HYGIENE('610104')),
  matter('610104-CL', DISABILITY_SUBSIDIES('610104')),
  matter('610104-MZ', SUBSISTENCE_ALLOWANCE),
  matter('610104-MZ', {
    baseCode: BASE.临时救助,
    name: '临时救助',
    type: '行政给付',
    promiseDays: 10,
    legalDays: 15,
    onlineDepth: 3,
    keywords: ['临时救助', '社会救助', '急难救助', '困难群众', '救助金'],
    conditions: '因火灾、交通事故等意外事件，家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭或个人。',
    materials: [
      applicant('M01', '临时救助申请书'),
      shared('M02', '申请人居民身份证、户口簿'),
      applicant('M03', '遭遇困难的相关证明（医疗费用票据、事故证明等）'),
      applicant('M04', '家庭经济状况核对授权书'),
    ],
    steps: steps(2, 5, 2, 1, '审查（调查核实、公示）'),
    fees: FREE,
    legalBasis: '《社会救助暂行办法》第四十七条、第四十八条',
    retention: '10y',
    maxVisits: 1,
  }),
  matter('610104-RS', RESIDENT_PENSION_ENROLMENT),
];
