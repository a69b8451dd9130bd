import * as z from 'zod/mini';

/**
 * What the routes citizen apps and window software use most answer with, as JSON Schemas in the OpenAPI
 * document (so the typed client types answers as well as requests). Loose objects: each names what a
 * client may rely on and allows what a later version adds. The handlers do not parse their own answers;
 * test/e2e/openapi.test.ts holds live answers to these schemas, so the document cannot drift from them.
 */
const text = z.string();
const time = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T/));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/));
const nullable = <T extends z.ZodMiniType>(t: T) => z.nullable(t);
const page = <T extends z.ZodMiniType>(item: T) => z.looseObject({ items: z.array(item), nextCursor: nullable(text) });

const UploadLink = z.looseObject({ objectKey: text, url: text, headers: z.record(z.string(), z.string()), expiresAt: time });

const Matter = z.looseObject({ code: text, name: text, type: text, dept: text, deptName: text, region: text, regionName: text, promiseDays: z.number(), legalDays: z.number() });

const CaseTask = z.looseObject({ taskId: text, kind: text, dept: text, status: z.enum(['open', 'done']), deadline: text, decision: nullable(text), completedAt: nullable(time) });

const NoticeDocument = z.union([
  z.looseObject({ status: z.literal('ready'), contentType: z.literal('application/pdf'), sha256: hex64, bytes: z.number(), pages: z.number(), renderedAt: time }),
  z.looseObject({ status: z.literal('rendering') }),
]);

export const RESPONSE_SCHEMAS = {
  UploadLinks: z.union([UploadLink, z.looseObject({ uploads: z.array(UploadLink) })]),
  MatterPage: z.extend(page(Matter), { total: z.optional(z.number()) }),
  Receipt: z.looseObject({
    caseId: text,
    receiptNo: text,
    status: z.literal('submitted'),
    submittedAt: time,
    receipt: z.looseObject({ noticeId: text, title: text, sha256: text, acceptBy: day, matterName: text, acceptingDept: text }),
  }),
  CaseView: z.looseObject({
    caseId: text,
    receiptNo: text,
    matterCode: text,
    matterName: text,
    status: text,
    applicant: z.looseObject({ type: z.enum(['person', 'org']), name: text }),
    channel: text,
    submittedAt: time,
    acceptedAt: nullable(time),
    deadline: nullable(day),
    tasks: z.array(CaseTask),
    notices: z.array(z.looseObject({ noticeId: text, kind: text, title: text, issuedAt: time, sha256: hex64, document: NoticeDocument })),
    timeline: z.array(z.looseObject({ seq: z.number(), at: time, action: text, from: nullable(text), to: text })),
    result: z.optional(z.looseObject({ outcome: text })),
  }),
  TaskPage: page(z.looseObject({ taskId: text, caseId: text, kind: text, dept: text, region: text, deadline: text, matterCode: text, createdAt: time })),
  TaskOutcome: z.looseObject({ caseId: text, status: text, taskId: text }),
  ArchiveRecord: z.looseObject({
    bucket: text,
    key: text,
    versionId: text,
    sha256: hex64,
    retention: text,
    retainUntil: time,
    mode: z.enum(['COMPLIANCE', 'GOVERNANCE']),
    legalHold: z.boolean(),
    manifest: z.looseObject({ key: text, versionId: text, sha256: hex64 }),
  }),
} as const;
export type ResponseSchemaName = keyof typeof RESPONSE_SCHEMAS;

/** The answers' JSON Schemas (OpenAPI 3.0), by name. */
export function responseSchemas(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(RESPONSE_SCHEMAS).map(([name, schema]) => {
      const { $schema, ...json } = z.toJSONSchema(schema, { target: 'openapi-3.0' }) as Record<string, unknown>;
      void $schema;
      return [name, json];
    }),
  );
}
