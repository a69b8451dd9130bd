import { StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { requireCaller } from '#shared/auth/caller';
import { newCaseId } from '#shared/domain/ids';
import { actorOf, type Receipt, type RoutingInput } from '#shared/domain/intake';
import { CreateCaseRequest } from '#shared/domain/schemas';
import { apiHandler } from '#shared/http/api';
import { parseBody } from '#shared/http/parse';
import { badRequest, conflict, Problem, unprocessable } from '#shared/http/problem';
import { env, sfnClient } from '#shared/storage/clients';
import { problemFromExecution } from '#shared/workflows/step-error';

// N14 统一收件: one intake for every channel. The routing workflow (Express, run synchronously)
// validates, routes and records; this handler only authenticates, parses and keeps retries idempotent.
const persistenceStore = new DynamoDBPersistenceLayer({ tableName: env('IDEMPOTENCY_TABLE') });
const config = new IdempotencyConfig({
  eventKeyJmesPath: 'key',
  // the same key with a different body is refused (API.md: 422)
  payloadValidationJmesPath: 'body',
  expiresAfterSeconds: 24 * 3600,
});

const submit = makeIdempotent(
  async (cmd: { key: string; body: CreateCaseRequest; filer: RoutingInput['filer'] }): Promise<Receipt> => {
    const now = new Date();
    const input: RoutingInput = { caseId: newCaseId(now), submittedAt: now.toISOString(), filer: cmd.filer, request: cmd.body };
    const res = await sfnClient().send(
      new StartSyncExecutionCommand({ stateMachineArn: env('ROUTING_SM_ARN'), name: input.caseId, input: JSON.stringify(input) }),
    );
    if (res.status === 'SUCCEEDED') return JSON.parse(res.output ?? '{}') as Receipt;
    // a refusal throws, so Powertools deletes the in-progress record and a corrected retry can go through
    throw problemFromExecution(res.error, res.cause) ?? new Error(`routing ${res.status}: ${res.error} ${res.cause}`);
  },
  { persistenceStore, config },
);

export const handler = apiHandler(async (req) => {
  // roles are checked before this runs, by the API handler from shared/auth/permissions.ts
  const caller = requireCaller(req.caller);
  const key = req.headers['idempotency-key'];
  if (!key || key.length > 200) throw badRequest('the Idempotency-Key header is required (at most 200 characters)', [{ path: 'Idempotency-Key', message: 'required' }]);
  const body = parseBody(CreateCaseRequest, req.body);
  config.registerLambdaContext(req.context);
  try {
    const filer = { ...actorOf(caller), roles: caller.roles, ...(caller.kiosk ? { kiosk: caller.kiosk } : {}) };
    // keys are per caller: one applicant's key never answers for another
    return { status: 201, body: await submit({ key: `${caller.sub}#${key}`, body, filer }) };
  } catch (err) {
    if (err instanceof Problem) throw err;
    const cause = (err as Error).cause;
    if (cause instanceof Problem) throw cause;
    if (err instanceof IdempotencyValidationError) throw unprocessable('this Idempotency-Key was used with a different request body', undefined, err);
    if (err instanceof IdempotencyAlreadyInProgressError) throw conflict('a request with this Idempotency-Key is still in flight', undefined, err);
    throw err;
  }
});
