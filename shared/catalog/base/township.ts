import type { BaseMatter, MatterType } from '../../domain/matter.ts';
import { FREE, ONE, applicant, licence, onTheSpot, shared, steps } from './builders.ts';

/**
 * Township-level matters (乡镇（街道）政务服务事项): what Shaanxi's 乡镇（街道）便民服务站 handle.
 *
 * 《陕西省实体政务大厅管理暂行办法》（2018, here "H"）第十七条: the 便民服务站 "集中办理民政、财政、户籍、
 * 就业、劳动权益保障、社保、工商、税务、农业服务等与群众生产生活密切相关的服务事项，承接县级政府下放事项";
 * 第二十条 makes it the county centre's 延伸窗口 (网上预约、网上申报、上下联办).
 *
 * Each entry either reuses a base matter of the common catalog (part1/part2; the guide is the base's and
 * the township handles a subset of its 办理项), or brings a township-only base matter (levels
 * ['township']) owned by the provincial department whose county counterpart oversees it.
 *
 * role:
 *   - 'implement': the township government decides or completes the matter itself — by law (土地管理法
 *     第六十二条 宅基地; 第十四条 individuals' land disputes), by delegation or entrustment from the county
 *     (林木采伐 for 农村居民自留山, 小额临时救助, 乡村建设规划许可 for 农村村民住宅), or because the
 *     township's own body does it (人民调解, 劳动争议调解, 生育登记).
 *   - 'accept': the 便民服务站 accepts, checks (初审, 入户调查, 公示 where the rules say so) and forwards to
 *     the county department, which decides.
 *   低保审核确认 and 特困人员认定 are 'accept': 《社会救助暂行办法》 and 《陕西省社会救助办法》第四条 give the
 *   township 申请受理、调查审核 and the county 民政局 the decision; 省民政厅's 社会救助审核确认权限下放
 *   实施方案 lets a county hand the decision down, county by county (pilots first), so the province-wide
 *   default stays 'accept' and a delegating county may set its own townships' items to implement.
 *
 * where: 'town' (乡、镇) for matters tied to rural collective land, 承包地, 自留山 and 乡、村庄规划区, which
 * 街道 (in 城市规划区) do not handle; 'street' (街道) for urban matters (居住证 through 社区服务机构,
 * 城镇住房保障); 'both' for the rest — many 街道 also have rural residents, so matters of a person's status
 * (计划生育奖扶, 农村籍退役士兵) stay 'both'.
 *
 * ── Base codes of township-only matters — CONSTRUCTED ─────────────────────────────────────────────
 * 12 digits: `9` + type (2) + owning department number (3) + item (3) + `000`.
 *   type: the codes part 1 and part 2 use (01 行政许可, 05 行政给付, 07 行政确认, 10 其他行政权力, 20 公共服务 …);
 *   department number: the department's number in part 1 (two digits, zero-padded: NYNC 018, ZJ 014,
 *     WSJK 017) or part 2 (MZ 101, RSST 102, SFT 105), so the number names the same department everywhere;
 *   item: numbered within the owning department here.
 * Every part-1 code (`00`+…) and part-2 code (`0`+…) starts with 0; these start with 9, so none can collide.
 *
 * Time limits follow parts 1 and 2: `legalDays` is what a law or regulation sets (劳动争议调解 15 日,
 * 人民调解 一个月); where none does it is a catalog value (marked "no statutory limit"), and 0 for matters
 * done at the window. promiseDays, steps, keywords, maxVisits and onlineDepth are local fields [N10].
 */

export interface TownshipMatter {
  /** the base matter: either the baseCode of an existing part1/part2 matter that townships really implement or accept (then `base` is omitted and its guide is reused), or a full new BaseMatter for township-only matters */
  baseCode: string;
  /** for township-only matters (levels: ['township']); its dept is the owning provincial department key from part1/part2 */
  base?: BaseMatter;
  /** the handling items townships handle (a subset of the base matter's handlingItems, or the new matter's) */
  handlingItems: string[];
  /** 'implement' = the township government decides; 'accept' = the 便民服务站 accepts and forwards to the county department, which decides */
  role: 'implement' | 'accept';
  /** 'town' (乡、镇), 'street' (街道), 'both' */
  where: 'town' | 'street' | 'both';
  /** a short note citing why (the law, the Shaanxi delegation document, or [H17]) */
  basis: string;
}

// ── helpers (as in parts 1 and 2) ───────────────────────────────────────────────────────────────

/** 即办件: accepted, decided and delivered on the spot. */
const ON_THE_SPOT = onTheSpot();

/** H = 《陕西省实体政务大厅管理暂行办法》（陕西省人民政府办公厅 2018年12月29日印发）. */
const H17 = 'H17（便民服务站集中办理与群众生产生活密切相关的服务事项）';

/** Owning departments of township-only matters, with their number in part 1 (2 digits, padded) or part 2. */
export const TOWNSHIP_DEPT_NO = { NYNC: '018', ZJ: '014', WSJK: '017', MZ: '101', RSST: '102', SFT: '105' } as const;
type TownshipDept = keyof typeof TOWNSHIP_DEPT_NO;

export const TOWNSHIP_TYPE_CODE: Record<MatterType, string> = {
  行政许可: '01', 行政征收: '04', 行政给付: '05', 行政确认: '07', 行政奖励: '08', 行政裁决: '09', 其他行政权力: '10', 公共服务: '20',
};

type Data = Omit<BaseMatter, 'baseCode' | 'dept' | 'levels' | 'parallelWith'>;

/** A township-only base matter of `dept`, numbered `item` within that department. */
function township(dept: TownshipDept, item: number, data: Data): BaseMatter {
  const baseCode = `9${TOWNSHIP_TYPE_CODE[data.type]}${TOWNSHIP_DEPT_NO[dept]}${String(item).padStart(3, '0')}000`;
  return { baseCode, dept, levels: ['township'], ...data };
}

/** A township item that reuses the base matter `baseCode` of part 1 or part 2. */
const reuse = (baseCode: string, handlingItems: string[], role: TownshipMatter['role'], where: TownshipMatter['where'], basis: string): TownshipMatter => ({
  baseCode, handlingItems, role, where, basis,
});
/** A township item with its own (township-only) base matter; it handles all the matter's 办理项. */
const own = (base: BaseMatter, role: TownshipMatter['role'], where: TownshipMatter['where'], basis: string): TownshipMatter => ({
  baseCode: base.baseCode, base, handlingItems: [...base.handlingItems], role, where, basis,
});

// ━━ township-only base matters ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

// ── NYNC 农业农村 (宅基地管理 has been the 农业农村 departments' since the 2018 reform) ──────────────

const 宅基地审批 = township('NYNC', 1, {
  name: '农村村民宅基地审批',
  type: '行政许可',
  // no limit in the law: the 行政许可法 第四十二条 default
  legalDays: 20,
  promiseDays: 15,
  keywords: ['宅基地', '农村建房', '批宅基地', '农村宅基地批准书'],
  conditions:
    '本集体经济组织成员以户为单位申请，一户只能拥有一处宅基地，面积不超过本省规定的标准；符合国土空间规划（村庄规划）和用途管制要求，尽量使用原有宅基地和村内空闲地；出卖、出租、赠与住宅后再申请宅基地的，不予批准；涉及占用农用地的，依法办理农用地转用审批手续。',
  materials: [
    applicant('M01', '农村宅基地和建房（规划许可）申请表'),
    applicant('M02', '农村宅基地使用承诺书'),
    shared('M03', '申请人居民身份证、户口簿'),
    applicant('M04', '村民小组会议记录及村级组织审查意见'),
    applicant('M05', '住房建设设计图或者选用的通用设计图'),
  ],
  steps: steps(1, 10, 2, 1, '审查（村级审查、部门联审、实地查看）'),
  fees: FREE,
  legalBasis: '《中华人民共和国土地管理法》第六十二条；《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》（农经发〔2019〕6号）',
  handlingItems: ['新建住宅用地审批', '原址改建、扩建、翻建住宅用地审批', '农村住房竣工验收'],
  retention: 'permanent',
  maxVisits: 1,
  onlineDepth: 2,
});

const 土地经营权流转 = township('NYNC', 2, {
  name: '农村土地经营权流转服务',
  type: '公共服务',
  legalDays: 0,
  promiseDays: 0,
  keywords: ['土地流转', '流转合同', '土地经营权', '承包地出租'],
  conditions: '承包方依法自愿采取出租（转包）、入股或者其他方式向他人流转土地经营权，流转双方已达成流转意向；流转不得改变土地所有权性质和农业用途，期限不得超过承包期的剩余期限。',
  materials: [
    applicant('M01', '土地经营权流转合同（统一文本）'),
    shared('M02', '流转双方居民身份证或者主体资格证明'),
    licence('M03', '农村土地承包经营权证或者土地承包合同'),
    applicant('M04', '承包方委托他人流转的，书面委托书', false),
  ],
  steps: ON_THE_SPOT,
  fees: FREE,
  legalBasis: '《中华人民共和国农村土地承包法》第三十六条；《农村土地经营权流转管理办法》（农业农村部令2021年第1号）',
  handlingItems: ['流转合同签订指导', '流转合同备案'],
  retention: '30y',
  maxVisits: 1,
  onlineDepth: 2,
});

const 承包纠纷调解 = township('NYNC', 3, {
  name: '农村土地承包经营纠纷调解',
  type: '其他行政权力',
  // no statutory limit
  legalDays: 30,
  promiseDays: 20,
  keywords: ['土地纠纷', '承包地纠纷', '土地承包', '调解'],
  conditions: '因订立、履行、变更、解除和终止农村土地承包合同，承包地的收回、调整，土地经营权流转等发生纠纷，当事人自行和解不成，书面或者口头向乡（镇）人民政府申请调解的。',
  materials: [
    applicant('M01', '调解申请书（口头申请的，由工作人员记录）'),
    shared('M02', '申请人居民身份证'),
    licence('M03', '农村土地承包经营权证或者土地承包合同', false),
    applicant('M04', '纠纷事实及相关证据材料'),
  ],
  steps: steps(1, 15, 2, 1, '调查、调解'),
  fees: FREE,
  legalBasis: '《中华人民共和国农村土地承包经营纠纷调解仲裁法》第三条；《中华人民共和国农村土地承包法》',
  handlingItems: ONE,
  retention: '10y',
  maxVisits: 1,
  onlineDepth: 2,
});

// ── ZJ 住房和城乡建设 ───────────────────────────────────────────────────────────────────────────

const 危房改造 = township('ZJ', 1, {
  name: '农村危房改造补助',
  type: '行政给付',
  // no statutory limit
  legalDays: 20,
  promiseDays: 15,
  keywords: ['危房改造', '农村危房', '住房安全', '危房补助'],
  conditions:
    '农村低收入群体等重点对象（农村易返贫致贫户、低保户、低保边缘家庭、分散供养特困人员以及因病因灾因意外事故等刚性支出较大导致基本生活出现严重困难的家庭等），自有住房经鉴定为C级或者D级危房，且无其他安全住房的。',
  materials: [
    applicant('M01', '农村危房改造申请表'),
    shared('M02', '户主居民身份证、户口簿'),
    shared('M03', '低保、特困等重点对象身份认定信息'),
    applicant('M04', '房屋现状照片', false),
  ],
  steps: steps(2, 10, 2, 1, '审查（村级评议、乡镇审核、房屋安全鉴定）'),
  fees: FREE,
  legalBasis: '《住房和城乡建设部 财政部 民政部 国家乡村振兴局关于做好农村低收入群体等重点对象住房安全保障工作的实施意见》（建村〔2021〕35号）',
  handlingItems: ONE,
  retention: '10y',
  maxVisits: 1,
  onlineDepth: 2,
});

// ── WSJK 卫生健康 (计划生育 and, since the 2018 reform, 老龄工作) ───────────────────────────────

const 生育登记 = township('WSJK', 1, {
  name: '生育登记',
  type: '公共服务',
  legalDays: 0,
  promiseDays: 0,
  keywords: ['生育登记', '生育服务证', '准生证', '三孩'],
  conditions: '依法登记结婚的夫妻生育子女的，由夫妻一方在户籍所在地或者现居住地办理生育登记，可在孕前、孕期或者子女出生后办理。',
  materials: [
    applicant('M01', '生育登记信息表（个人承诺）'),
    shared('M02', '夫妻双方居民身份证'),
    licence('M03', '结婚证'),
    shared('M04', '户口簿', false),
  ],
  steps: ON_THE_SPOT,
  fees: FREE,
  legalBasis: '《中华人民共和国人口与计划生育法》；《陕西省人口与计划生育条例》',
  handlingItems: ONE,
  retention: '30y',
  maxVisits: 0,
  onlineDepth: 4,
});

const 独生子女光荣证 = township('WSJK', 2, {
  name: '独生子女父母光荣证',
  type: '行政确认',
  // no statutory limit
  legalDays: 20,
  promiseDays: 10,
  keywords: ['独生子女证', '光荣证', '独生子女父母', '计划生育'],
  conditions: '在国家提倡一对夫妻生育一个子女期间（2015年12月31日以前），自愿终身只生育一个子女（含依法收养一个子女）的夫妻；原证遗失、损毁的可以申请补发。',
  materials: [
    applicant('M01', '独生子女父母光荣证申请表'),
    shared('M02', '夫妻双方居民身份证、户口簿'),
    licence('M03', '结婚证'),
    licence('M04', '子女出生医学证明或者收养登记证'),
  ],
  steps: steps(1, 5, 2, 1, '审查（村（居）核实）'),
  fees: FREE,
  legalBasis: '《中华人民共和国人口与计划生育法》第二十七条；《陕西省人口与计划生育条例》',
  handlingItems: ['申领', '补发'],
  retention: 'permanent',
  maxVisits: 1,
  onlineDepth: 3,
});

const 老年人优待证 = township('WSJK', 3, {
  name: '老年人优待证办理',
  type: '公共服务',
  // no statutory limit
  legalDays: 10,
  promiseDays: 5,
  keywords: ['老年优待证', '老年证', '优待证', '60岁'],
  conditions: '年满60周岁的本省户籍老年人，以及在本省居住的外省籍老年人，由本人或者委托他人申请。',
  materials: [
    applicant('M01', '老年人优待证申请表'),
    shared('M02', '居民身份证'),
    applicant('M03', '近期免冠照片（电子）'),
  ],
  steps: steps(1, 2, 1, 1, '审查（县级老龄工作机构审核、制证）'),
  fees: FREE,
  legalBasis: '《中华人民共和国老年人权益保障法》（第五章 社会优待）',
  handlingItems: ONE,
  retention: '10y',
  maxVisits: 0,
  onlineDepth: 3,
});

// ── MZ 民政 ─────────────────────────────────────────────────────────────────────────────────────

const 孤儿基本生活费 = township('MZ', 1, {
  name: '孤儿基本生活费给付',
  type: '行政给付',
  // no statutory limit
  legalDays: 20,
  promiseDays: 15,
  keywords: ['孤儿', '孤儿基本生活费', '散居孤儿', '儿童保障'],
  conditions: '具有本地户籍、失去父母或者查找不到生父母的未满18周岁的未成年人，由其监护人向户籍所在地乡镇人民政府（街道办事处）申请社会散居孤儿基本生活费。',
  materials: [
    applicant('M01', '孤儿基本生活费申请表'),
    shared('M02', '儿童居民户口簿'),
    applicant('M03', '父母死亡证明或者人民法院宣告死亡、宣告失踪的法律文书'),
    shared('M04', '监护人居民身份证'),
  ],
  steps: steps(2, 9, 3, 1, '审查（乡镇查验、县级民政部门确认）'),
  fees: FREE,
  legalBasis: '《国务院办公厅关于加强孤儿保障工作的意见》（国办发〔2010〕54号）；《中华人民共和国未成年人保护法》',
  handlingItems: ONE,
  retention: '10y',
  maxVisits: 1,
  onlineDepth: 3,
});

const 事实无人抚养儿童 = township('MZ', 2, {
  name: '事实无人抚养儿童基本生活补贴',
  type: '行政给付',
  // no statutory limit
  legalDays: 20,
  promiseDays: 15,
  keywords: ['事实无人抚养儿童', '事实孤儿', '基本生活补贴', '困境儿童'],
  conditions:
    '具有本地户籍、未满18周岁，父母双方均符合重残、重病、服刑在押、强制隔离戒毒、被执行其他限制人身自由的措施、失联、被撤销监护资格、被遣送（驱逐）出境情形之一，或者父母一方死亡或者失踪、另一方符合上述情形之一的儿童。',
  materials: [
    applicant('M01', '事实无人抚养儿童基本生活补贴申请表'),
    shared('M02', '儿童居民户口簿或者居民身份证'),
    applicant('M03', '父母重残、重病、服刑在押、失联等情形的证明材料'),
    shared('M04', '监护人或者受委托近亲属的居民身份证'),
  ],
  steps: steps(2, 9, 3, 1, '审查（乡镇查验、县级民政部门确认）'),
  fees: FREE,
  legalBasis: '《民政部等12部门关于进一步加强事实无人抚养儿童保障工作的意见》（民发〔2019〕62号）',
  handlingItems: ONE,
  retention: '10y',
  maxVisits: 1,
  onlineDepth: 3,
});

// ── RSST 人力资源和社会保障 ──────────────────────────────────────────────────────────────────────

const 居保注销 = township('RSST', 1, {
  name: '城乡居民基本养老保险注销登记',
  type: '公共服务',
  // no statutory limit
  legalDays: 5,
  promiseDays: 5,
  keywords: ['居民养老保险注销', '城乡居保注销', '个人账户继承', '参保人死亡'],
  conditions: '参保人员死亡、丧失中华人民共和国国籍或者已享受其他基本养老保障待遇的，由本人、指定受益人或者法定继承人申请注销登记，个人账户余额依法继承或者退还。',
  materials: [
    applicant('M01', '城乡居民基本养老保险注销登记表'),
    shared('M02', '参保人居民身份证或者户口注销信息'),
    applicant('M03', '死亡证明、出国（境）定居证明或者享受其他基本养老保障待遇的证明', false),
    shared('M04', '继承人（受益人）居民身份证', false),
  ],
  steps: steps(1, 2, 1, 1),
  fees: FREE,
  legalBasis: '《中华人民共和国社会保险法》第十四条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）；《城乡居民基本养老保险经办规程》',
  handlingItems: ONE,
  retention: '30y',
  maxVisits: 0,
  onlineDepth: 3,
});

const 居保信息变更 = township('RSST', 2, {
  name: '城乡居民基本养老保险参保信息变更登记',
  type: '公共服务',
  legalDays: 0,
  promiseDays: 0,
  keywords: ['居民养老保险变更', '参保信息变更', '城乡居保', '银行账户变更'],
  conditions: '城乡居民基本养老保险参保人员的姓名、身份证号码、户籍、联系方式、待遇领取账户等登记信息发生变化的。',
  materials: [
    applicant('M01', '城乡居民基本养老保险参保信息变更登记表'),
    shared('M02', '居民身份证'),
    applicant('M03', '变更事项的证明材料', false),
  ],
  steps: ON_THE_SPOT,
  fees: FREE,
  legalBasis: '《中华人民共和国社会保险法》；《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）；《城乡居民基本养老保险经办规程》',
  handlingItems: ONE,
  retention: '30y',
  maxVisits: 0,
  onlineDepth: 4,
});

const 居保转移 = township('RSST', 3, {
  name: '城乡居民基本养老保险关系转移接续',
  type: '公共服务',
  // no statutory limit
  legalDays: 15,
  promiseDays: 15,
  keywords: ['居民养老保险转移', '城乡居保转移', '户籍迁移', '个人账户转移'],
  conditions: '参加城乡居民基本养老保险的人员，在缴费期间户籍迁移、需要跨地区转移城乡居民养老保险关系的，在迁入地申请转移，一次性转移个人账户全部储存额。',
  materials: [
    applicant('M01', '城乡居民基本养老保险关系转入申请表'),
    shared('M02', '居民身份证、户口簿（迁入后）'),
    shared('M03', '转出地参保缴费信息', false),
  ],
  steps: steps(1, 10, 2, 2, '审查（转出地、转入地核对信息）'),
  fees: FREE,
  legalBasis: '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）；《城乡居民基本养老保险经办规程》',
  handlingItems: ONE,
  retention: '30y',
  maxVisits: 0,
  onlineDepth: 3,
});

const 居保资格确认 = township('RSST', 4, {
  name: '城乡居民基本养老保险待遇领取资格确认',
  type: '公共服务',
  legalDays: 0,
  promiseDays: 0,
  keywords: ['资格认证', '生存认证', '养老金认证', '人脸识别'],
  conditions: '领取城乡居民基本养老保险待遇的人员，经数据比对未能确认其待遇领取资格，或者本人到服务窗口、经人脸识别等方式申请确认的。',
  materials: [
    applicant('M01', '待遇领取资格确认信息表'),
    shared('M02', '居民身份证或者社会保障卡'),
  ],
  steps: ON_THE_SPOT,
  fees: FREE,
  legalBasis: '《中华人民共和国社会保险法》；《城乡居民基本养老保险经办规程》',
  handlingItems: ONE,
  retention: '10y',
  maxVisits: 0,
  onlineDepth: 4,
});

const 社保卡状态维护 = township('RSST', 5, {
  name: '社会保障卡应用状态维护',
  type: '公共服务',
  legalDays: 0,
  promiseDays: 0,
  keywords: ['社保卡激活', '社保卡挂失', '社保卡解挂', '社保卡密码'],
  conditions: '持有社会保障卡的人员，需要启用（含银行账户激活）新卡、卡片遗失临时挂失或者解除挂失、修改或者重置密码的。',
  materials: [
    applicant('M01', '社会保障卡业务办理申请表'),
    shared('M02', '居民身份证'),
    shared('M03', '社会保障卡（启用、解除挂失、修改密码的）', false),
  ],
  steps: ON_THE_SPOT,
  fees: FREE,
  legalBasis: '《中华人民共和国社会保险法》第五十八条；《社会保障卡管理办法》',
  handlingItems: ['启用（含银行账户激活）', '临时挂失', '解除挂失', '密码修改与重置'],
  retention: '10y',
  maxVisits: 0,
  onlineDepth: 4,
});

const 就业困难人员认定 = township('RSST', 6, {
  name: '就业困难人员认定',
  type: '公共服务',
  // no statutory limit
  legalDays: 10,
  promiseDays: 10,
  keywords: ['就业困难人员', '就业援助', '4050', '零就业家庭'],
  conditions: '在法定劳动年龄内、有劳动能力和就业要求、已办理失业登记，因身体状况、技能水平、家庭因素、失去土地等原因难以实现就业，或者连续失业一定时间仍未能实现就业，属于本省规定的就业困难人员范围的。',
  materials: [
    applicant('M01', '就业困难人员认定申请表'),
    shared('M02', '居民身份证'),
    shared('M03', '失业登记信息'),
    applicant('M04', '属于就业困难人员类别的证明材料（共享库可取得的除外）', false),
  ],
  steps: steps(1, 6, 2, 1),
  fees: FREE,
  legalBasis: '《中华人民共和国就业促进法》第五十二条；《就业服务与就业管理规定》',
  handlingItems: ONE,
  retention: '10y',
  maxVisits: 0,
  onlineDepth: 3,
});

const 就业创业证 = township('RSST', 7, {
  name: '就业创业证申领',
  type: '公共服务',
  legalDays: 0,
  promiseDays: 0,
  keywords: ['就业创业证', '就业失业登记证', '失业证', '创业'],
  conditions: '已办理就业登记或者失业登记的劳动者，需要记载就业失业状况、享受就业扶持政策的，申领《就业创业证》；原证遗失、损毁的可以补领。',
  materials: [
    applicant('M01', '就业创业证申领登记表'),
    shared('M02', '居民身份证'),
    applicant('M03', '近期免冠照片（电子）'),
  ],
  steps: ON_THE_SPOT,
  fees: FREE,
  legalBasis: '《中华人民共和国就业促进法》；《就业服务与就业管理规定》',
  handlingItems: ['申领', '补领'],
  retention: '30y',
  maxVisits: 0,
  onlineDepth: 3,
});

const 灵活就业社保补贴 = township('RSST', 8, {
  name: '灵活就业社会保险补贴申领',
  type: '公共服务',
  // no statutory limit
  legalDays: 20,
  promiseDays: 15,
  keywords: ['社保补贴', '灵活就业', '就业困难人员', '高校毕业生'],
  conditions: '就业困难人员灵活就业后缴纳社会保险费的，以及离校2年内未就业高校毕业生灵活就业后缴纳社会保险费的；补贴期限最长不超过3年（距法定退休年龄不足5年的就业困难人员可延长至退休）。',
  materials: [
    applicant('M01', '灵活就业社会保险补贴申请表'),
    shared('M02', '居民身份证'),
    shared('M03', '就业困难人员认定信息或者高校毕业生学历信息'),
    shared('M04', '社会保险缴费记录'),
    applicant('M05', '本人银行账户信息'),
  ],
  steps: steps(2, 9, 3, 1, '审查（含公示）'),
  fees: FREE,
  legalBasis: '《中华人民共和国就业促进法》；《就业补助资金管理办法》（财社〔2017〕164号）',
  handlingItems: ONE,
  retention: '10y',
  maxVisits: 0,
  onlineDepth: 3,
});

const 劳动争议调解 = township('RSST', 9, {
  name: '劳动争议调解',
  type: '公共服务',
  // 调解组织自收到调解申请之日起十五日内未达成调解协议的，当事人可以申请仲裁
  legalDays: 15,
  promiseDays: 15,
  keywords: ['劳动纠纷', '欠薪', '劳动争议', '调解'],
  conditions: '劳动者与用人单位因确认劳动关系、订立履行变更解除终止劳动合同、工作时间、劳动报酬、社会保险、工伤医疗费等发生劳动争议，书面或者口头向乡镇（街道）劳动争议调解组织申请调解的。',
  materials: [
    applicant('M01', '劳动争议调解申请书（口头申请的，由调解员记录）'),
    shared('M02', '申请人居民身份证'),
    applicant('M03', '劳动关系证明及与争议有关的证据材料'),
  ],
  steps: steps(1, 10, 2, 1, '调查、调解'),
  fees: FREE,
  legalBasis: '《中华人民共和国劳动争议调解仲裁法》第十条、第十四条',
  handlingItems: ONE,
  retention: '10y',
  maxVisits: 1,
  onlineDepth: 2,
});

// ── SFT 司法行政 (司法所, 乡镇（街道）公共法律服务工作站) ─────────────────────────────────────────

const 人民调解 = township('SFT', 1, {
  name: '人民调解',
  type: '公共服务',
  // 人民调解委员会调解纠纷，一般在一个月内调结
  legalDays: 30,
  promiseDays: 30,
  keywords: ['纠纷调解', '邻里纠纷', '人民调解', '调解协议'],
  conditions: '公民之间、公民与法人和其他组织之间涉及人身、财产权益和其他日常生活中发生的民间纠纷，当事人向乡镇（街道）人民调解委员会申请调解的；当事人一方明确拒绝调解的，不得调解。',
  materials: [
    applicant('M01', '人民调解申请书（口头申请的，由调解员记录）'),
    shared('M02', '当事人居民身份证'),
    applicant('M03', '与纠纷有关的证据材料', false),
  ],
  steps: steps(1, 20, 5, 2, '调查、调解'),
  fees: '不收费（《中华人民共和国人民调解法》：人民调解委员会调解民间纠纷，不收取任何费用）',
  legalBasis: '《中华人民共和国人民调解法》第十七条；《人民调解工作若干规定》（司法部令第75号）',
  handlingItems: ONE,
  retention: '10y',
  maxVisits: 1,
  onlineDepth: 2,
});

const 法律咨询 = township('SFT', 2, {
  name: '法律咨询',
  type: '公共服务',
  legalDays: 0,
  promiseDays: 0,
  keywords: ['法律咨询', '公共法律服务', '免费咨询', '司法所'],
  conditions: '公民、法人或者其他组织就日常生产生活中遇到的法律问题，到乡镇（街道）公共法律服务工作站、司法所或者通过12348热线、网络平台咨询的。',
  materials: [
    applicant('M01', '法律咨询登记表'),
    applicant('M02', '与咨询事项有关的材料', false),
  ],
  steps: ON_THE_SPOT,
  fees: FREE,
  legalBasis: '《中华人民共和国法律援助法》；《公共法律服务事项清单》（司法部，2019年）',
  handlingItems: ONE,
  retention: '10y',
  maxVisits: 0,
  onlineDepth: 3,
});

/** The township-only base matters, for the catalog generator. */
export const townshipBaseMatters: BaseMatter[] = [
  宅基地审批, 土地经营权流转, 承包纠纷调解, 危房改造, 生育登记, 独生子女光荣证, 老年人优待证, 孤儿基本生活费, 事实无人抚养儿童,
  居保注销, 居保信息变更, 居保转移, 居保资格确认, 社保卡状态维护, 就业困难人员认定, 就业创业证, 灵活就业社保补贴, 劳动争议调解,
  人民调解, 法律咨询,
];

// ━━ the township list ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

export const townshipMatters: TownshipMatter[] = [
  // ── 民政 ([H17] 民政): social assistance is applied for at the township, which investigates and publicises ──
  reuse('000706001000', ONE, 'accept', 'both',
    '《社会救助暂行办法》第十一条、《陕西省社会救助办法》第四条：乡镇人民政府（街道办事处）受理申请、入户调查、提出初审意见，县级民政部门审核确认；县级按省民政厅社会救助审核确认权限下放实施方案下放的，由乡镇（街道）确认'),
  reuse('007101008000', ONE, 'accept', 'both',
    '《社会救助暂行办法》第十六条、《特困人员认定办法》（民发〔2021〕43号）：乡镇（街道）受理、调查核实、公示，县级民政部门认定；权限下放的县由乡镇（街道）认定'),
  reuse('000506003000', ONE, 'implement', 'both',
    '《社会救助暂行办法》第四十八条：救助金额较小的，县级民政部门可以委托乡镇人民政府、街道办事处审批；较大金额的由乡镇审核后报县级审批（国发〔2014〕47号）'),
  reuse('005101010000', ONE, 'accept', 'both',
    `${H17}；高龄老人向户籍所在地乡镇（街道）申请，乡镇（街道）初审后报县级民政部门审批发放`),
  own(孤儿基本生活费, 'accept', 'both',
    '国办发〔2010〕54号：社会散居孤儿由监护人向户籍所在地乡镇人民政府（街道办事处）申请，乡镇（街道）查验后报县级民政部门审核确认'),
  own(事实无人抚养儿童, 'accept', 'both',
    '民发〔2019〕62号：监护人或者受委托近亲属向儿童户籍所在地乡镇人民政府（街道办事处）申请，乡镇（街道）查验，县级民政部门确认'),

  // ── 残联 (乡镇（街道）残联专职委员, 残疾人专职委员) ──
  reuse('000540001000', ONE, 'accept', 'both',
    '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）：向户籍所在地乡镇人民政府（街道办事处）提出申请，乡镇（街道）初审后报县级残联、民政部门审核审定'),
  reuse('007111001000', ['新办', '换领', '迁移', '挂失补办', '注销'], 'accept', 'both',
    `${H17}；乡镇（街道）残联受理残疾人证申请并转县级残联，评残、审核、发证在县级`),
  reuse('020111004000', ONE, 'accept', 'both',
    `${H17}；乡镇（街道）残疾人专职委员受理辅助器具适配申请，县级残联组织评估适配`),

  // ── 应急管理 (自然灾害救助: 村（居）评议、乡镇（街道）审核、县级审批) ──
  reuse('000523001000', ONE, 'accept', 'both',
    '《自然灾害救助条例》：村（居）民委员会民主评议、公示后提交乡镇人民政府、街道办事处审核，报县级人民政府应急管理等部门审批'),
  reuse('000523002000', ONE, 'accept', 'both',
    '《自然灾害救助条例》：倒损住房受灾人员经村（居）评议、乡镇（街道）审核，报县级应急管理部门审批过渡期生活救助'),

  // ── 就业、劳动权益保障 ([H17] 就业、劳动权益保障; 乡镇（街道）人力资源和社会保障服务所) ──
  reuse('020102001000', ONE, 'accept', 'both',
    `${H17}；《就业服务与就业管理规定》：基层公共就业服务平台受理就业登记，录入全省公共就业服务信息系统，由县级公共就业服务机构确认`),
  reuse('020102002000', ONE, 'accept', 'both',
    `${H17}；《就业服务与就业管理规定》：劳动者可在常住地基层公共就业服务平台办理失业登记，由县级公共就业服务机构确认`),
  own(就业困难人员认定, 'accept', 'both',
    `${H17}；《中华人民共和国就业促进法》第五十二条：乡镇（街道）受理并初审，县级公共就业服务机构认定`),
  own(就业创业证, 'accept', 'both',
    `${H17}；乡镇（街道）基层公共就业服务平台受理，县级公共就业服务机构制发`),
  own(灵活就业社保补贴, 'accept', 'both',
    `${H17}；《就业补助资金管理办法》（财社〔2017〕164号）：乡镇（街道）受理并初审，县级人力资源社会保障部门审核、公示后拨付`),
  own(劳动争议调解, 'implement', 'both',
    '《中华人民共和国劳动争议调解仲裁法》第十条：当事人可以到在乡镇、街道设立的具有劳动争议调解职能的组织申请调解；第十四条：十五日内未达成协议的可以申请仲裁'),

  // ── 社保 ([H17] 社保): 城乡居民养老保险由乡镇（街道）事务所经办初审、县级社保经办机构复核 ──
  reuse('020102004000', ['首次申领', '补领', '换领'], 'accept', 'both',
    `${H17}；乡镇（街道）社保服务窗口受理社会保障卡申领、补领、换领，由市级社会保障卡服务机构制卡`),
  own(社保卡状态维护, 'accept', 'both',
    `${H17}；乡镇（街道）社保服务窗口在社会保障卡信息系统中办理启用、挂失、解挂、密码重置`),
  reuse('002011001000', ONE, 'accept', 'both',
    '国发〔2014〕8号、《城乡居民基本养老保险经办规程》：参保人在户籍所在地村（居）或者乡镇（街道）事务所办理，乡镇（街道）初审录入，县级社会保险经办机构复核'),
  reuse('020102006000', ONE, 'accept', 'both',
    '《城乡居民基本养老保险经办规程》：符合领取条件的参保人向乡镇（街道）事务所申请，乡镇（街道）初审，县级社会保险经办机构审核'),
  own(居保注销, 'accept', 'both',
    '《城乡居民基本养老保险经办规程》：由继承人或者指定受益人向乡镇（街道）事务所申请，县级社会保险经办机构审核后注销并支付个人账户余额'),
  own(居保信息变更, 'accept', 'both',
    '《城乡居民基本养老保险经办规程》：参保信息变更由乡镇（街道）事务所受理录入，县级社会保险经办机构复核'),
  own(居保转移, 'accept', 'both',
    '国发〔2014〕8号：户籍迁移的参保人在迁入地申请转移，乡镇（街道）事务所受理，县级社会保险经办机构办理转移接续'),
  own(居保资格确认, 'accept', 'both',
    `${H17}；乡镇（街道）事务所协助开展待遇领取资格确认，结果由县级社会保险经办机构确认`),

  // ── 医疗保障 (医保经办服务下沉乡镇（街道）: 参保登记、信息变更、异地就医备案、门诊慢特病、零星报销、转移接续) ──
  reuse('020110001000', ONE, 'accept', 'both',
    `${H17}；城乡居民在户籍地或者居住地乡镇（街道）办理参保登记，由县级医疗保障经办机构确认`),
  reuse('020110002000', ['个人信息变更'], 'accept', 'both',
    `${H17}；医保经办服务下沉乡镇（街道），个人参保信息变更在便民服务站受理`),
  reuse('020110003000', ['异地长期居住人员备案', '临时外出就医人员备案'], 'accept', 'both',
    `${H17}；医保发〔2022〕22号要求拓宽异地就医备案渠道，乡镇（街道）便民服务站代办备案`),
  reuse('020110005000', ONE, 'accept', 'both',
    `${H17}；乡镇（街道）受理门诊慢特病待遇认定申请，县级医疗保障经办机构组织认定`),
  reuse('020110004000', ONE, 'accept', 'both',
    `${H17}；乡镇（街道）收取报销材料并转县级医疗保障经办机构审核支付`),
  reuse('020110009000', ONE, 'accept', 'both',
    `${H17}；乡镇（街道）受理医保关系转入申请，县级医疗保障经办机构办理转移接续`),
  reuse('005110006000', ['门诊救助', '住院救助'], 'accept', 'both',
    '《社会救助暂行办法》、国办发〔2021〕42号：救助对象向乡镇人民政府（街道办事处）提出申请，经审核、公示后由县级医疗保障部门审批'),

  // ── 卫生健康 (计划生育、老龄) ──
  own(生育登记, 'implement', 'both',
    '《陕西省人口与计划生育条例》实行生育登记服务制度：由夫妻一方户籍所在地或者现居住地乡镇人民政府（街道办事处）办理，可网上办理'),
  own(独生子女光荣证, 'implement', 'both',
    '《中华人民共和国人口与计划生育法》第二十七条；由户籍所在地乡镇人民政府（街道办事处）发给或者补发'),
  reuse('000517001000', ONE, 'accept', 'both',
    '国办发〔2004〕21号：本人申请，村级评议公示，乡（镇）人民政府初审，县级卫生健康部门审批'),
  reuse('000517002000', ONE, 'accept', 'both',
    '国人口发〔2007〕78号：本人申请，乡（镇）人民政府（街道办事处）初审，县级卫生健康部门审批'),
  own(老年人优待证, 'accept', 'both',
    `${H17}；《中华人民共和国老年人权益保障法》社会优待；乡镇（街道）受理，县级老龄工作机构审核制证`),

  // ── 退役军人 (乡镇（街道）退役军人服务站) ──
  reuse('020109008000', ONE, 'accept', 'both',
    '《退役军人、其他优抚对象优待证管理办法（试行）》：乡镇（街道）退役军人服务站受理信息采集，县级退役军人事务部门审核，制证发放'),
  reuse('020109009000', ONE, 'accept', 'both',
    '《为烈属、军属和退役军人等家庭悬挂光荣牌工作实施办法》：县级退役军人事务部门审核，乡镇（街道）、村（社区）组织悬挂'),
  reuse('005109007000', ONE, 'accept', 'both',
    '民发〔2011〕110号：本人向户籍所在地乡镇人民政府（街道办事处）申请，乡镇（街道）审核后报县级退役军人事务部门审批'),
  reuse('005109006000', ONE, 'accept', 'both',
    '《军人抚恤优待条例》：乡镇（街道）退役军人服务站受理、初审，县级退役军人事务部门审批'),
  reuse('005109005000', ONE, 'accept', 'both',
    '《军人抚恤优待条例》：乡镇（街道）退役军人服务站受理、初审，县级退役军人事务部门审批'),
  reuse('005109011000', ONE, 'accept', 'both',
    '《中华人民共和国兵役法》《军人抚恤优待条例》：乡镇（街道）受理并核实入伍信息，县级人民政府发给优待金'),
  reuse('005109003000', ONE, 'accept', 'both',
    '《军人抚恤优待条例》：遗属向户籍所在地乡镇（街道）退役军人服务站申请，县级退役军人事务部门审核发放'),

  // ── 司法行政 (司法所, 公共法律服务工作站) ──
  reuse('020105003000', ONE, 'accept', 'both',
    '《中华人民共和国法律援助法》：乡镇（街道）公共法律服务工作站、司法所代为接收法律援助申请，转交县级法律援助机构审查决定'),
  own(人民调解, 'implement', 'both',
    '《中华人民共和国人民调解法》：乡镇、街道设立人民调解委员会调解民间纠纷，司法所指导'),
  own(法律咨询, 'implement', 'both',
    '司法部《公共法律服务事项清单》：乡镇（街道）公共法律服务工作站提供法律咨询'),

  // ── 公安 (居住证: 受公安机关委托的社区服务机构) ──
  reuse('007104005000', ['申领', '签注'], 'accept', 'street',
    '《居住证暂行条例》第九条、第十条：向居住地公安派出所或者受公安机关委托的社区服务机构申领、签注，县级公安机关签发'),

  // ── 工商 ([H17] 工商): 便民服务站受理，市场监管所（县级市场监管部门派出机构）登记 ──
  reuse('000109003000', ONE, 'accept', 'both',
    `${H17}；《促进个体工商户发展条例》《中华人民共和国市场主体登记管理条例》：便民服务站受理，县级市场监管部门或者其派出的市场监管所登记`),
  reuse('000109008000', ['一般注销', '简易注销'], 'accept', 'both',
    `${H17}；《中华人民共和国市场主体登记管理条例》：便民服务站受理，县级市场监管部门或者其派出的市场监管所办理注销登记`),

  // ── 住房 ──
  own(危房改造, 'accept', 'town',
    '建村〔2021〕35号：农户申请，村级评议，乡镇审核，县级住房和城乡建设部门审批'),
  reuse('000514001000', ONE, 'accept', 'street',
    '《公共租赁住房管理办法》（住房和城乡建设部令第11号）及各市实施办法：城镇住房保障申请向户籍（居住）所在街道办事处提出，街道初审后报县级住房保障部门审核'),

  // ── 农业服务、自然资源、林业 ([H17] 农业服务; rural collective land, so towns only) ──
  own(宅基地审批, 'implement', 'town',
    '《中华人民共和国土地管理法》第六十二条：农村村民住宅用地，由乡（镇）人民政府审核批准；农经发〔2019〕6号：乡镇一个窗口受理、联审联办，出具《农村宅基地批准书》'),
  reuse('000113003000', ONE, 'implement', 'town',
    '《中华人民共和国城乡规划法》第四十一条；农经发〔2019〕6号：鼓励将农村村民住宅的乡村建设规划许可证由乡镇一并发放（县级委托乡镇核发的）'),
  reuse('000518002000', ONE, 'accept', 'town',
    '财农〔2016〕26号：乡镇组织村级申报、核实面积、公示，县级农业农村和财政部门审核，通过惠民惠农“一卡通”发放'),
  own(土地经营权流转, 'implement', 'town',
    '《农村土地经营权流转管理办法》（农业农村部令2021年第1号）：乡（镇）人民政府农村土地承包管理部门提供统一文本并指导签订流转合同，接收发包方备案报告，建立流转台账'),
  own(承包纠纷调解, 'implement', 'town',
    '《中华人民共和国农村土地承包经营纠纷调解仲裁法》第三条：当事人可以请求村民委员会、乡（镇）人民政府等调解'),
  reuse('000126001000', ONE, 'implement', 'town',
    '《中华人民共和国森林法》第五十七条：农村居民采伐自留山和个人承包集体林地上的林木，由县级林业主管部门或者其委托的乡镇人民政府核发采伐许可证'),
  reuse('000913001000', ONE, 'implement', 'town',
    '《中华人民共和国土地管理法》第十四条：个人之间、个人与单位之间的土地所有权和使用权争议，由乡级人民政府或者县级以上人民政府处理'),
  reuse('000926001000', ONE, 'implement', 'town',
    '《中华人民共和国森林法》第二十二条：个人之间、个人与单位之间发生的林木所有权和林地使用权争议，由乡镇人民政府或者县级以上人民政府依法处理'),
];
