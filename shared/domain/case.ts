import type { Role } from './caller.ts';
import type { RetentionClass } from './matter.ts';

/** Case status (办件状态), DESIGN.md "Lifecycle" [N14]. */
export type CaseStatus =
  | 'submitted'
  | 'correction_required'
  | 'accepted'
  | 'in_review'
  | 'decided'
  | 'completed'
  | 'rejected'
  | 'returned'
  | 'withdrawn';

export type Channel = 'online' | 'window' | 'agent' | 'kiosk';

export interface Applicant {
  type: 'person' | 'org';
  name: string;
  idNumber: string;
  idType?: 'resident_id' | 'uscc' | 'passport' | 'other';
  /** the applicant's own identity (`sub`), also when an agent or clerk files */
  sub: string;
  /**
   * who checked the applicant's documents in person: the window clerk of a walk-in filing [H8]. Online
   * and kiosk filings are in the filer's own real name [N13], an agent's in the name the resident
   * authorised them under [H26], so neither needs one.
   */
  verifiedBy?: { sub: string; name: string; dept?: string; at: string };
}

export interface Actor {
  sub: string;
  name: string;
  role: Role | 'system';
  dept?: string;
}

/** A material as filed: uploaded (objectKey, sha256 checked), from the licence store, or waived (免提交) [E14]. */
export interface CaseMaterial {
  code: string;
  name: string;
  objectKey?: string;
  /** the version of the object intake checked [E12]: the one the case and its archive keep */
  versionId?: string;
  contentType?: string;
  /** the e-licence that served the material (免提交 [E14]) */
  licenceId?: string;
  sha256?: string;
  size?: number;
  waived?: boolean;
  /** a signed material's detached signature as filed, with the chain it was verified through [E13] */
  signature?: { objectKey: string; versionId: string; sha256: string; certificates: string[] };
  /** how the material was checked at filing [E13]: an e-licence, a verified signature, or neither */
  verification?: { kind: 'licence' | 'signed' | 'unsigned'; valid?: boolean; signer?: string; algorithm?: string; anchor?: string; checkedAt: string };
}

/** 办件 */
export interface Case {
  caseId: string;
  /** 接收回执 number */
  receiptNo: string;
  matterCode: string;
  matterVersion: number;
  matterName: string;
  /** the matter's type (行政许可, 公共服务 …) as filed: a low-cardinality dimension of the metrics [N20] */
  matterType?: string;
  region: string;
  /** the accepting department (受理部门) */
  acceptingDept: string;
  /** the departments that review (转递部门, 分头办理) */
  handlingDepts: string[];
  promiseDays: number;
  retention: RetentionClass;
  applicant: Applicant;
  filedBy: Actor;
  channel: Channel;
  /** where an offline filing was made: the hall of the window [H8], or the self-service kiosk [H11] */
  /** where it was filed: the hall (and the booking it was filed from [H20]) or the kiosk */
  filedAt?: { hall?: string; kiosk?: string; booking?: string };
  form: Record<string, unknown>;
  materials: CaseMaterial[];
  status: CaseStatus;
  submittedAt: string;
  /** last day for the acceptance decision: 5 working days from receipt */
  acceptBy: string;
  acceptedAt?: string;
  /** while a correction is asked for: the last day to answer it, after which the case is closed */
  correctionDue?: string;
  /** last working day of the promised time limit (Asia/Shanghai date) */
  deadline?: string;
  deadlineProvisional?: boolean;
  completedAt?: string;
  result?: CaseResult;
  archive?: ArchiveRecord;
  /** destroyed after appraisal [E18]: the package is gone, the case and its audit trail stay, and say so */
  destroyed?: { at: string; appraisalId: string };
  /** optimistic lock: every write is conditioned on it */
  version: number;
  /** the number of audit events and the hash of the last ([H9]: every step traceable) */
  eventSeq: number;
  lastEventHash: string;
  /** a workflow that must run next; cleared by it (the sweeper re-drives what is left) */
  pendingWorkflow?: 'forwarding' | 'unified_return';
  /** since when that workflow has been owed: the sweeper's index key, unchanged by the workflow's own steps */
  pendingSince?: string;
  /** time of the last step (its audit event) */
  updatedAt?: string;
  /** 首问负责 [H10] [H22]: the first clerk who acted on the case answers for it */
  responsible?: Actor;
  /** the clock's adjustments: special procedures (paused) and extensions approved by the head */
  clockAdjustments?: ClockAdjustments;
  /** 好差评 [N21] [H10]: one evaluation by the applicant once the case is completed */
  evaluation?: Evaluation;
}

export interface ClockAdjustments {
  /** working days spent in finished special procedures (特别程序: 听证、检验、检测、鉴定、专家评审 …) */
  pausedDays: number;
  /** the special procedure under way, if any: the clock does not run */
  pause?: { kind: string; reason: string; startedAt: string; taskId: string };
  extensions: { days: number; reason: string; approvedBy: string; at: string }[];
}

export interface CaseResult {
  outcome: 'approved' | 'denied';
  decidedAt: string;
  /** one opinion per handling department */
  opinions: { dept: string; deptName?: string; decision: 'approve' | 'deny'; opinion?: string; reason?: string }[];
  licenceId?: string;
}

/** A case's archive package [E24]: one object, its version and hash, and the lock the store reported on it. */
export interface ArchiveRecord {
  bucket: string;
  key: string;
  versionId: string;
  sha256: string;
  bytes: number;
  /** how many parts it holds (absent when an earlier attempt's package was adopted) */
  parts?: number;
  format: 'DA/T 48';
  /** 档号 */
  archivalCode: string;
  retention: RetentionClass;
  retainUntil: string;
  mode: 'COMPLIANCE';
  legalHold: boolean;
  archivedAt: string;
}

export type TaskKind = 'acceptance' | 'review';

export interface Task {
  taskId: string;
  caseId: string;
  kind: TaskKind;
  dept: string;
  region: string;
  matterCode: string;
  status: 'open' | 'done';
  deadline: string;
  /** a review task's own limit: the last working day of the matter's 审查 step from forwarding, never after the case's deadline [N20] */
  stepDue?: string;
  createdAt: string;
  decision?: string;
  reason?: string;
  opinion?: string;
  missing?: string[];
  completedBy?: Actor;
  /** who took the task (AB岗: only they, their recorded backup or the head complete it) */
  assignee?: Actor;
  completedAt?: string;
  offlineSteps?: OfflineStep[];
}

/** 现场踏勘 / 专家评审 / 听证 recorded on a review task [N17]. */
export interface OfflineStep {
  kind: 'site_inspection' | 'expert_review' | 'hearing';
  startedAt: string;
  endedAt?: string;
  result: string;
  recordedBy: Actor;
  recordedAt: string;
}

export type NoticeKind = 'receipt' | 'acceptance' | 'correction' | 'rejection' | 'return' | 'decision' | 'withdrawal' | 'extension' | 'special_procedure' | 'delivery';

/** 文书 */
export interface Notice {
  noticeId: string;
  kind: NoticeKind;
  title: string;
  issuedAt: string;
  body: Record<string, unknown>;
  sha256: string;
  /** the notice as a document (PDF), once rendered */
  pdf?: NoticeDocument;
}

/** A notice's PDF in the documents bucket: its own hash, so a downloaded copy can be checked. */
export interface NoticeDocument {
  bucket: string;
  key: string;
  versionId: string;
  sha256: string;
  bytes: number;
  pages: number;
  renderedAt: string;
  /** characters the typeface lacks (printed as U+XXXX); empty when every character printed */
  missing: string[];
}

/** An audit event [H9] [E17]: who, what, when, from-state, to-state, chained by hash. */
export interface AuditEvent {
  seq: number;
  at: string;
  actor: Actor;
  action: string;
  from: CaseStatus | null;
  to: CaseStatus;
  detail?: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** What the `byApplicant` index holds of a case: the fields of its summary (GET /v1/cases?mine=true). */
export const CASE_SUMMARY_FIELDS = ['caseId', 'receiptNo', 'matterCode', 'matterName', 'status', 'submittedAt', 'deadline'] as const;
export type CaseSummary = Pick<Case, (typeof CASE_SUMMARY_FIELDS)[number]>;

/** What an applicant rates [N21], each 1–5 as the whole is (GB/T 39735's five levels). */
export const EVALUATION_DIMENSIONS = ['guidance', 'convenience', 'attitude', 'timeliness', 'result'] as const;
export type EvaluationDimension = (typeof EVALUATION_DIMENSIONS)[number];

/** 好差评 [N21] [H10]: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意; 1 and 2 are 差评 and are followed up. */
export interface Evaluation {
  evaluationId: string;
  score: number;
  dimensions?: Partial<Record<EvaluationDimension, number>>;
  comment?: string;
  at: string;
  by: string;
  /** 整改: a 差评 is answered by the accepting department within the configured working days */
  followUp?: FollowUp;
}

export interface FollowUp {
  status: 'open' | 'answered';
  dept: string;
  /** the last working day to answer by */
  due: string;
  action?: string;
  /** whether the department reached the applicant (回访) */
  contacted?: boolean;
  answeredAt?: string;
  answeredBy?: Actor;
}
