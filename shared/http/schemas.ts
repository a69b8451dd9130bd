// `zod/mini` through a namespace import: bundles tree-shake it to ~26 kB, where `import { z } from 'zod'`
// pulls in every locale (~450 kB) and doubles a Lambda's cold start.
import * as z from 'zod/mini';
import type { MaterialRef as MaterialRefInput } from '../domain/rules/e14-material-requirements.ts';
import type { TaskDecision as TaskDecisionInput } from '../domain/steps/complete-task.ts';
import type { ApplicationRequest } from '../domain/steps/intake.ts';

/**
 * Request bodies of the public API (API.md), written once at the HTTP edge: the handlers parse with them
 * and the API stack turns them into API Gateway request models (JSON Schema draft 4), so a malformed
 * body is refused at the gateway before any Lambda runs and again by the handler.
 */
const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256'));
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));

export const SingleUpload = z.strictObject({
  fileName: text(1, 200),
  contentType: text(3, 100),
  size: z.int().check(z.minimum(1), z.maximum(50 * 1024 * 1024)),
  sha256,
});
/** one material, or several at once (`files`, up to MAX_UPLOADS_AT_ONCE): one request for a form's materials */
export const MAX_UPLOADS_AT_ONCE = 10;
export const UploadBatch = z.strictObject({ files: z.array(SingleUpload).check(z.minLength(1), z.maxLength(MAX_UPLOADS_AT_ONCE)) });
/** what the document and the gateway's model say; the handler parses with the one of the two the body is, for errors that name the field */
export const UploadRequest = z.union([SingleUpload, UploadBatch]);

export const MaterialRef = z.strictObject({
  code: text(1, 20),
  objectKey: z.optional(text(1, 500)),
  licenceId: z.optional(text(1, 100)),
  /** a signed material's detached signature (an upload) and the signer's certificate chain, signer first [E13] */
  signature: z.optional(z.strictObject({ objectKey: text(1, 500), certificates: z.array(text(100, 16_384)).check(z.minLength(1), z.maxLength(5)) })),
});

export const CreateCaseRequest = z.strictObject({
  matterCode: text(1, 80),
  /** an online or kiosk filing names the filer's own real name [N13]; a clerk or agent names who they file for */
  applicant: z.strictObject({
    type: z.enum(['person', 'org']),
    name: text(1, 200),
    idNumber: text(6, 40),
    /** the document the number is of: by default a person's 公民身份号码, an organisation's 统一社会信用代码 */
    idType: z.optional(z.enum(['resident_id', 'uscc', 'passport', 'other'])),
  }),
  channel: z.enum(['online', 'window', 'agent', 'kiosk']),
  form: z.optional(z.record(z.string(), z.unknown())),
  materials: z.array(MaterialRef).check(z.maxLength(100)),
  onBehalfOf: z.optional(text(1, 200)),
  /** a window filing from the booking its window called [H20] */
  bookingId: z.optional(text(3, 40)),
});

export const CorrectionRequest = z.strictObject({ materials: z.array(MaterialRef).check(z.minLength(1), z.maxLength(100)) });

const reason = text(1, 2000);
export const TaskDecision = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept') }),
  z.strictObject({ decision: z.literal('correction'), missing: z.array(text(1, 20)).check(z.minLength(1)), reason }),
  z.strictObject({ decision: z.literal('reject'), reason }),
  z.strictObject({ decision: z.literal('return'), reason }),
  z.strictObject({ decision: z.literal('approve'), opinion: z.optional(z.string().check(z.maxLength(2000))) }),
  z.strictObject({ decision: z.literal('deny'), reason }),
]);

export const OfflineStepRequest = z.strictObject({
  kind: z.enum(['site_inspection', 'expert_review', 'hearing']),
  startedAt: z.iso.datetime({ offset: true }),
  endedAt: z.optional(z.iso.datetime({ offset: true })),
  result: text(1, 4000),
});

/** 投诉 [N21] [H10]: a complaint about how a case was handled. */
export const ComplaintRequest = z.strictObject({
  category: z.enum(['timeliness', 'attitude', 'legality', 'materials', 'other']),
  text: text(1, 2000),
});
export const ComplaintHandling = z.strictObject({ result: text(1, 2000), upheld: z.boolean() });

/** 特别程序 (the time they take is not counted in the time limit, 行政许可法 第四十五条) */
export const SpecialProcedureRequest = z.strictObject({
  kind: z.enum(['hearing', 'testing', 'inspection', 'quarantine', 'appraisal', 'expert_review']),
  reason: text(1, 2000),
});
export const SpecialProcedureEnd = z.strictObject({ result: text(1, 2000) });
/** 延长期限 approved by the department head (行政许可法 第四十二条: up to ten working days) */
export const ExtensionRequest = z.strictObject({ days: z.int().check(z.minimum(1), z.maximum(10)), reason: text(1, 2000) });

/** 代办授权 [H26]: the applicant names the agent, the matters (none = all) and until when */
export const AuthorisationRequest = z.strictObject({
  agentSub: text(1, 200),
  matterCodes: z.optional(z.array(text(1, 80)).check(z.maxLength(50))),
  validUntil: z.iso.datetime({ offset: true }),
});

/** AB岗 [H22]: the head records that a member of staff is away until a time, and who backs them up */
export const AbsenceRequest = z.strictObject({ sub: text(1, 200), backup: text(1, 200), until: z.iso.datetime({ offset: true }), reason: text(1, 500) });

/** [N13] the roles a member of staff holds in their department, changed with a reason */
export const StaffRolesRequest = z.strictObject({ roles: z.array(z.enum(['clerk', 'handler', 'head'])).check(z.maxLength(3)), reason: text(1, 500) });

const Score = z.int().check(z.minimum(1), z.maximum(5));
/** 好差评 [N21]: the whole and, if the applicant wishes, each dimension, 1 (非常不满意) to 5 (非常满意) */
export const EvaluationRequest = z.strictObject({
  score: Score,
  dimensions: z.optional(z.strictObject({ guidance: z.optional(Score), convenience: z.optional(Score), attitude: z.optional(Score), timeliness: z.optional(Score), result: z.optional(Score) })),
  comment: z.optional(z.string().check(z.maxLength(1000))),
});
/** 整改 [N21]: what the department did about a 差评, and whether it reached the applicant */
export const FollowUpRequest = z.strictObject({ action: z.string().check(z.minLength(1), z.maxLength(2000)), contacted: z.boolean() });

/** [N10] a catalog change; its patch and items are held against the matter model by the step (catalog-changes.ts). */
export const ChangeProposal = z.strictObject({
  op: z.enum(['add', 'change', 'split', 'merge', 'suspend', 'cancel']),
  codes: z.optional(z.array(text(1, 80)).check(z.maxLength(50))),
  patch: z.optional(z.record(z.string(), z.unknown())),
  matters: z.optional(z.array(z.record(z.string(), z.unknown())).check(z.maxLength(50))),
  reason: text(1, 2000),
});
export const ChangeDecision = z.strictObject({ comment: z.optional(z.string().check(z.maxLength(2000))) });
export const ChangeRejection = z.strictObject({ reason: text(1, 2000) });

/** POST /v1/trust-anchors [E13] */
export const TrustAnchorRequest = z.strictObject({ name: text(1, 200), certificate: text(100, 16_384) });
export const TrustAnchorRevocation = z.strictObject({ reason: text(1, 2000) });

/** POST /v1/archive/checks [E18]: every package or a sample, of a year (of filing) and a region */
export const ArchiveCheckRequest = z.strictObject({
  scope: z.enum(['sample', 'all']),
  year: z.optional(z.string().check(z.regex(/^20\d{2}$/, 'a year such as 2026'))),
  region: z.optional(z.string().check(z.regex(/^61\d{4}$/, 'a Shaanxi region code (610000, 610100, 610113 …)'))),
});

/** POST /v1/archive/transfers [E26]: the permanent packages of a year (of filing) and region */
export const TransferRequest = z.strictObject({
  year: z.string().check(z.regex(/^20\d{2}$/, 'a year such as 2026')),
  region: z.optional(z.string().check(z.regex(/^61\d{4}$/, 'a Shaanxi region code (610000, 610100, 610113 …)'))),
});

/** POST /v1/archive/transfers/{transferId}/receipt [E26]: who at the state archive received the batch */
export const TransferReceipt = z.strictObject({ receivedBy: text(1, 200), note: z.optional(text(1, 2000)) });

/** POST /v1/archive/appraisals [E18]: packages whose retention passed before a date (or instant) */
export const AppraisalRequest = z.strictObject({
  before: z.string().check(z.regex(/^2\d{3}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/, 'a date (2057-01-01) or UTC instant')),
  region: z.optional(z.string().check(z.regex(/^61\d{4}$/, 'a Shaanxi region code (610000, 610100, 610113 …)'))),
});

/** POST /v1/archive/appraisals/{appraisalId}/reject [E18] */
export const AppraisalRejection = z.strictObject({ reason: text(1, 2000) });

/** POST /v1/archive/retention-schedule/{baseCode} [E22]: a class a catalog may give (never `dev`), and why */
export const ScheduleEntryRequest = z.strictObject({ retention: z.enum(['permanent', '30y', '10y']), basis: text(1, 500) });

/** POST /v1/licences/{licenceId}/revoke [E16] */
export const LicenceRevocation = z.strictObject({ reason: text(1, 2000) });

// what the edge parses is what the steps take: a schema that drifts from its step's input fails to compile
type Fits<Step, Parsed extends Step> = Parsed;
export type StepInputs = [
  Fits<ApplicationRequest, z.infer<typeof CreateCaseRequest>>,
  Fits<TaskDecisionInput, z.infer<typeof TaskDecision>>,
  Fits<{ materials: MaterialRefInput[] }, z.infer<typeof CorrectionRequest>>,
];

/** The request bodies the route table names (./routes.ts), by name: the gateway's request models and the OpenAPI document are made from them. */
/** 网上预约 [H20]: a slot the hall offers (GET /v1/halls/{hallId}/slots) and the matter it is for. */
export const BookingRequest = z.strictObject({
  slotId: z.string().check(z.regex(/^\d{6}(\d{3})?\.W\d{2}\.\d{8}T\d{4}$/, 'a slot id from GET /v1/halls/{hallId}/slots')),
  matterCode: text(1, 80),
});

const hhmm = z.string().check(z.regex(/^\d{2}:\d{2}$/, 'HH:MM'));
const sessions = z.array(z.strictObject({ start: hhmm, end: hhmm })).check(z.maxLength(6));
/** A hall's windows, hours and daily limit, as its head sets them [H8] [H11] [H21]. */
export const HallConfiguration = z.strictObject({
  version: z.int().check(z.minimum(1)),
  windows: z
    .array(
      z.strictObject({
        windowId: text(3, 3),
        name: text(1, 60),
        comprehensive: z.boolean(),
        matters: z.array(text(1, 80)).check(z.maxLength(500)),
        capacity: z.int(),
        slotMinutes: z.int(),
        /** the window's clerk (A岗) [H22] */
        clerk: z.optional(z.strictObject({ sub: text(1, 200), name: z.optional(text(1, 60)), dept: text(3, 40) })),
      }),
    )
    .check(z.minLength(1), z.maxLength(60)),
  hours: z.strictObject({ working: sessions.check(z.minLength(1)), extended: z.optional(sessions), weekend: z.optional(sessions), holiday: z.optional(sessions) }),
  dailyLimit: z.int(),
});

/** A booking's check-in at the hall, with the code its notice carries [H20]. */
export const CheckInRequest = z.strictObject({ checkInCode: z.string().check(z.regex(/^\d{6}$/, 'six digits')) });

export const REQUEST_SCHEMAS = { BookingRequest, CheckInRequest, HallConfiguration, ScheduleEntryRequest, AppraisalRequest, AppraisalRejection, ArchiveCheckRequest, TransferRequest, TransferReceipt, LicenceRevocation, TrustAnchorRequest, TrustAnchorRevocation, AbsenceRequest, AuthorisationRequest, ChangeDecision, ChangeProposal, ChangeRejection, ComplaintHandling, ComplaintRequest, CorrectionRequest, CreateCaseRequest, EvaluationRequest, ExtensionRequest, FollowUpRequest, OfflineStepRequest, SpecialProcedureEnd, SpecialProcedureRequest, StaffRolesRequest, TaskDecision, UploadRequest } as const;
export type RequestSchemaName = keyof typeof REQUEST_SCHEMAS;
