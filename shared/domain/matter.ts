/**
 * Matter (政务服务事项): a service a department provides on application, as implemented by one
 * department in one region (实施清单). The catalog (事项库) is kept as [N8] [N9] [N10] [N11] say.
 */

/** 事项类型: administrative-power matters and public services [N7]. */
export type MatterType =
  | '行政许可'
  | '行政确认'
  | '行政给付'
  | '行政奖励'
  | '行政裁决'
  | '行政征收'
  | '其他行政权力'
  | '公共服务';

/** township = 乡镇（街道）: the 便民服务站 [H16], which implements the county matters handed down to it [H17] */
export type Level = 'province' | 'city' | 'county' | 'township';

/** 保管期限 [E22]: how long the case's e-files are kept locked. */
/**
 * 保管期限 [E22]. `dev` is kept for seconds, and exists only where the deployment is a development one
 * (its settings name the seconds): no catalog change can give it to a matter (n8-matter-validity), and
 * an archive step meeting it elsewhere fails rather than lock anything for seconds.
 */
export type RetentionClass = 'permanent' | '30y' | '10y' | 'dev';

/** Where a material comes from: the applicant uploads it, or the shared store ([E14], 免提交) or the licence store holds it. */
export type MaterialSource = 'applicant' | 'shared' | 'licence';

export interface Material {
  /** stable within the matter, e.g. "M01" */
  code: string;
  name: string;
  required: boolean;
  source: MaterialSource;
  /** 免提交: the shared store can supply it, so the applicant need not [E14] */
  waivable: boolean;
  /** accepted file types, e.g. ["application/pdf", "image/jpeg"] */
  formats?: string[];
  /** for a material the licence store holds: the type (证照类型代码) of the e-licence that serves it [E14] */
  licenceType?: string;
}

/** A type of e-licence (证照类型) [E15]: its code, its name, and how long one is valid (none: until revoked). */
export interface LicenceType {
  code: string;
  name: string;
  validYears?: number;
}

export interface Step {
  name: string;
  /** working days this step may take */
  days: number;
}

export interface Department {
  /** code, e.g. "610113-SCJG" */
  code: string;
  name: string;
  region: string;
  /** the department's 统一社会信用代码 (GB 32100): it names the issuer in the id of every licence it issues [E15] */
  uscc?: string;
}

export interface Matter {
  /** 实施编码: unique per region and implementing department */
  code: string;
  /** 基本编码: the matter's code in the common catalog */
  baseCode: string;
  name: string;
  type: MatterType;
  level: Level;
  /** implementing (accepting) department code */
  dept: string;
  deptName: string;
  /** 6-digit 行政区划代码 (for a township item: its county) */
  region: string;
  regionName: string;
  /** township items only: the 9-digit 乡镇（街道） code and name */
  township?: string;
  townshipName?: string;
  /** 承诺时限 in working days; 0 = 即办件 (same-day) */
  promiseDays: number;
  /** 法定时限 in working days */
  legalDays: number;
  /** 网上办理深度: 1 information only … 4 fully online (全程网办) */
  onlineDepth: 1 | 2 | 3 | 4;
  /** search keywords beyond the name */
  keywords: string[];
  /** 受理条件 */
  conditions: string;
  materials: Material[];
  steps: Step[];
  fees: string;
  legalBasis: string;
  /** the e-licence an approval issues [E15]; absent: the matter's own approval document (licenceTypeOf) */
  issues?: LicenceType;
  /** codes of the departments that review; more than one means parallel handling (分头办理) */
  handlingDepts: string[];
  retention: RetentionClass;
  /** 最多跑几次 */
  maxVisits: number;
  /** [N9] key of the provincial department that keeps this base matter in the common catalog (e.g. SCJG) */
  ownerDept?: string;
  /** 办理项: the variant of the base matter this item implements (新办, 变更, 延续, 注销 …); absent when the matter has one */
  handlingItem?: string;
  /** 办理地点 (local field) */
  address?: string;
  /** 咨询电话 (local field) */
  phone?: string;
  /** 办理时间 (local field) */
  hours?: string;
  version: number;
  status: 'published' | 'suspended' | 'cancelled';
  /** the catalog change that wrote this version, and when [N10] (absent on a seeded version) */
  changedBy?: string;
  changedAt?: string;
}

/** Every field of a matter, checked against the interface both ways, so a proposal can be held against the model. */
export const MATTER_FIELDS = [
  'code', 'baseCode', 'name', 'type', 'level', 'dept', 'deptName', 'region', 'regionName', 'township', 'townshipName',
  'promiseDays', 'legalDays', 'onlineDepth', 'keywords', 'conditions', 'materials', 'steps', 'fees', 'legalBasis',
  'issues', 'handlingDepts', 'retention', 'maxVisits', 'ownerDept', 'handlingItem', 'address', 'phone', 'hours', 'version',
  'status', 'changedBy', 'changedAt',
] as const satisfies readonly (keyof Matter)[];
type Exhaustive<T extends readonly PropertyKey[], K extends PropertyKey> = [Exclude<K, T[number]>] extends [never] ? true : never;
const matterFieldsExhaustive: Exhaustive<typeof MATTER_FIELDS, keyof Matter> = true;
void matterFieldsExhaustive;

/** What the catalog itself sets on a version; a proposal that echoes them from a guide has them ignored. */
export const READ_ONLY_MATTER_FIELDS = ['version', 'status', 'changedBy', 'changedAt'] as const satisfies readonly (keyof Matter)[];

/**
 * [N10] the common catalog (通用目录) fields are set province-wide by the provincial department and
 * changed only through the 省政府办公厅 → 省司法厅 chain; local fields (个性要素) are set by the city or
 * county service centre for its own implementation.
 */
export const COMMON_FIELDS = ['baseCode', 'name', 'type', 'legalDays', 'conditions', 'materials', 'legalBasis', 'issues', 'handlingItem', 'retention', 'handlingDepts'] as const;
export const LOCAL_FIELDS = ['promiseDays', 'steps', 'fees', 'maxVisits', 'onlineDepth', 'keywords', 'address', 'phone', 'hours'] as const;
export type CommonField = (typeof COMMON_FIELDS)[number];
export type LocalField = (typeof LOCAL_FIELDS)[number];

/** A provincial department (省级部门) and what its counterparts are called at city and county level. */
export interface ProvincialDepartment {
  /** short key used in department codes, e.g. "SCJG" → "610113-SCJG" */
  key: string;
  /** e.g. 陕西省市场监督管理局 */
  name: string;
  /** the city-level counterpart with `{city}` for the city's name, e.g. "{city}市场监督管理局"; absent if none */
  cityName?: string;
  /** whether townships (乡镇（街道）) implement some of its matters, through their own government */
  township?: boolean;
  /** the county-level counterpart with `{city}` and `{county}`, e.g. "{city}{county}市场监督管理局"; absent if none */
  countyName?: string;
}

/** A base matter of the common catalog (通用目录), from which regions' implementation items are made. */
export interface BaseMatter {
  /** 基本编码 */
  baseCode: string;
  name: string;
  type: MatterType;
  /** the provincial department key that owns it */
  dept: string;
  /** the levels at which it is really implemented */
  levels: Level[];
  legalDays: number;
  /** the usual promised days (each region may promise fewer) */
  promiseDays: number;
  keywords: string[];
  conditions: string;
  materials: Material[];
  steps: Step[];
  fees: string;
  legalBasis: string;
  /** 办理项: variants with their own guide (新办, 变更, 延续, 注销 …); one item when there are none */
  handlingItems: string[];
  retention: RetentionClass;
  maxVisits: number;
  onlineDepth: 1 | 2 | 3 | 4;
  /** keys of other departments that review in parallel (分头办理) at the same level */
  parallelWith?: string[];
  /** the e-licence an approval issues [E15] */
  issues?: LicenceType;
}

/**
 * The type of e-licence an approval of `m` issues [E15]: the one the catalog names, else the matter's
 * own approval document, typed by its base code (the same matter issues the same type everywhere [N9]).
 */
export function licenceTypeOf(m: Pick<Matter, 'issues' | 'baseCode' | 'name' | 'type'>): LicenceType {
  if (m.issues) return m.issues;
  const name = m.type === '行政许可' ? `准予${m.name}决定书` : m.type === '行政确认' ? `${m.name}确认书` : `${m.name}决定书`;
  return { code: m.baseCode, name };
}
