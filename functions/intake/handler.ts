import { StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { IdempotencyAlreadyInProgressError, IdempotencyConfig, IdempotencyValidationError, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { env } from '#shared/adapters/env';
import { sfnClient } from '#shared/adapters/sfn/client';
import type { Caller } from '#shared/domain/caller';
import { Conflict, Invalid } from '#shared/domain/errors';
import { newCaseId } from '#shared/domain/ids';
import { assertFormWithinLimits } from '#shared/domain/rules/n15-application-form';
import type { ApplicationRequest, Receipt, RoutingInput } from '#shared/domain/steps/intake';
import { apiHandler } from '#shared/http/handler';
import { idempotencyKey, parseBody } from '#shared/http/parse';
import { problemOf } from '#shared/http/problem';
import { CreateCaseRequest } from '#shared/http/schemas';
import { problemFromExecution } from '#shared/workflows/step-error';

// [N14] 统一收件: one intake for every channel. The routing workflow (Express, run synchronously)
// validates, routes and records; this handler only parses and keeps retries idempotent.
const persistenceStore = new DynamoDBPersistenceLayer({ tableName: env('IDEMPOTENCY_TABLE') });
const config = new IdempotencyConfig({
  eventKeyJmesPath: 'key',
  // the same key with a different body is refused (API.md: 422)
  payloadValidationJmesPath: 'body',
  expiresAfterSeconds: 24 * 3600,
});

const submit = makeIdempotent(
  async (cmd: { key: string; body: ApplicationRequest; filer: Caller }): Promise<Receipt> => {
    const now = new Date();
    const input: RoutingInput = { caseId: newCaseId(now), submittedAt: now.toISOString(), filer: cmd.filer, request: cmd.body };
    const res = await sfnClient().send(new StartSyncExecutionCommand({ stateMachineArn: env('ROUTING_SM_ARN'), name: input.caseId, input: JSON.stringify(input) }));
    if (res.status === 'SUCCEEDED') return JSON.parse(res.output ?? '{}') as Receipt;
    // a refusal throws, so Powertools deletes the in-progress record and a corrected retry can go through
    throw problemFromExecution(res.error, res.cause) ?? new Error(`routing ${res.status}: ${res.error} ${res.cause}`);
  },
  { persistenceStore, config },
);

export const handler = apiHandler('intake', {
  'POST /v1/cases': async ({ caller, headers, body, context }) => {
    const key = idempotencyKey(headers);
    const request = parseBody(CreateCaseRequest, body);
    // a form beyond its bounds is refused here, before it is a workflow's input
    assertFormWithinLimits(request.form);
    config.registerLambdaContext(context);
    try {
      // keys are per caller: one filer's key never answers for another
      return { status: 201, body: await submit({ key: `${caller.sub}#${key}`, body: request, filer: caller }) };
    } catch (err) {
      if (problemOf(err)) throw err;
      const cause = (err as Error).cause;
      if (problemOf(cause)) throw cause;
      if (err instanceof IdempotencyValidationError) throw new Invalid('this Idempotency-Key was used with a different request body', [], { cause: err });
      if (err instanceof IdempotencyAlreadyInProgressError) throw new Conflict('a request with this Idempotency-Key is still in flight', { cause: err });
      throw err;
    }
  },
});
