/**
 * Matter (政务服务事项): a service a department provides on application, as implemented by one
 * department in one region (实施清单). The catalog (事项库) is kept per N8–N11.
 */

/** 事项类型: administrative-power matters and public services (N7). */
export type MatterType =
  | '行政许可'
  | '行政确认'
  | '行政给付'
  | '行政奖励'
  | '行政裁决'
  | '行政征收'
  | '其他行政权力'
  | '公共服务';

export type Level = 'province' | 'city' | 'county';

/** 保管期限 (E22): how long the case's e-files are kept locked. */
export type RetentionClass = 'permanent' | '30y' | '10y';

/** Where a material comes from: the applicant uploads it, or the shared store (E14, 免提交) or the licence store holds it. */
export type MaterialSource = 'applicant' | 'shared' | 'licence';

export interface Material {
  /** stable within the matter, e.g. "M01" */
  code: string;
  name: string;
  required: boolean;
  source: MaterialSource;
  /** 免提交: the shared store can supply it, so the applicant need not (E14) */
  waivable: boolean;
  /** accepted file types, e.g. ["application/pdf", "image/jpeg"] */
  formats?: string[];
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
  /** 6-digit 行政区划代码 */
  region: string;
  regionName: string;
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
  /** codes of the departments that review; more than one means parallel handling (分头办理) */
  handlingDepts: string[];
  retention: RetentionClass;
  /** 最多跑几次 */
  maxVisits: number;
  version: number;
  status: 'published' | 'suspended' | 'cancelled';
}
