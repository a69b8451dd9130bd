import { z } from 'zod';

/**
 * Request bodies of the public API (API.md), written once: the handlers parse with them and the API
 * stack turns them into API Gateway request models (JSON Schema draft 4), so a malformed body is
 * refused at the gateway before any Lambda runs and again by the handler.
 */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256');

export const UploadRequest = z
  .object({
    fileName: z.string().min(1).max(200),
    contentType: z.string().min(3).max(100),
    size: z.number().int().min(1).max(50 * 1024 * 1024),
    sha256,
  })
  .strict();

export const MaterialRef = z
  .object({
    code: z.string().min(1).max(20),
    objectKey: z.string().min(1).max(500).optional(),
    licenceId: z.string().min(1).max(100).optional(),
  })
  .strict();

export const CreateCaseRequest = z
  .object({
    matterCode: z.string().min(1).max(80),
    applicant: z
      .object({
        type: z.enum(['person', 'org']),
        name: z.string().min(1).max(200),
        idNumber: z.string().min(6).max(40),
      })
      .strict(),
    channel: z.enum(['online', 'window', 'agent', 'kiosk']),
    form: z.record(z.string(), z.unknown()).optional(),
    materials: z.array(MaterialRef).max(100),
    onBehalfOf: z.string().min(1).max(200).optional(),
  })
  .strict();

export const CorrectionRequest = z.object({ materials: z.array(MaterialRef).min(1).max(100) }).strict();

export const TaskDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept') }).strict(),
  z.object({ decision: z.literal('correction'), missing: z.array(z.string().min(1)).min(1), reason: z.string().min(1).max(2000) }).strict(),
  z.object({ decision: z.literal('reject'), reason: z.string().min(1).max(2000) }).strict(),
  z.object({ decision: z.literal('return'), reason: z.string().min(1).max(2000) }).strict(),
  z.object({ decision: z.literal('approve'), opinion: z.string().max(2000).optional() }).strict(),
  z.object({ decision: z.literal('deny'), reason: z.string().min(1).max(2000) }).strict(),
]);

export const OfflineStepRequest = z
  .object({
    kind: z.enum(['site_inspection', 'expert_review', 'hearing']),
    startedAt: z.iso.datetime({ offset: true }),
    endedAt: z.iso.datetime({ offset: true }).optional(),
    result: z.string().min(1).max(4000),
  })
  .strict();

export const EvaluationRequest = z.object({ score: z.number().int().min(1).max(5), comment: z.string().max(1000).optional() }).strict();

export type CreateCaseRequest = z.infer<typeof CreateCaseRequest>;
export type TaskDecision = z.infer<typeof TaskDecision>;
