import { assertTransition } from '#shared/domain/lifecycle';
import { Conflict, Forbidden, Invalid } from '#shared/domain/errors';
import { Problem, problemOf } from '#shared/http/problem';

const forbidden = (detail: string) => new Forbidden(detail);
const conflict = (detail: string, extra?: Record<string, unknown>) => new Conflict(detail, { extra });
const unprocessable = (detail: string, errors: { path: string; message: string }[]) => new Invalid(detail, errors);
import { asStep, problemFromExecution } from '#shared/workflows/step-error';

/** What a step throws, as the Lambda runtime reports it: errorType = the error's name, errorMessage = its message. */
async function stepFailure(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await asStep(fn);
  } catch (err) {
    return err as Error;
  }
  throw new Error('the step did not fail');
}

/** The execution's cause on AWS Step Functions: the Lambda error document. */
const awsCause = (e: Error) => JSON.stringify({ errorType: e.name, errorMessage: e.message, trace: ['at step (index.js:1:1)'] });
/** The execution's cause in the local ASL interpreter: the error message itself. */
const localCause = (e: Error) => e.message;

const materialsRefused = unprocessable('the application does not meet the matter’s material requirements', [
  { path: 'materials', message: 'required material M01 (营业执照) is missing' },
  { path: 'materials.1.objectKey', message: 'the bytes do not match the declared sha256 (ab12)' },
]);

describe('a refusal inside a workflow step reaches the caller with its status (API.md: never 500)', () => {
  test('a step that succeeds returns its value untouched', async () => {
    await expect(asStep(async () => ({ caseId: 'ZW1' }))).resolves.toEqual({ caseId: 'ZW1' });
  });

  test('a refusal leaves the step as an error named Problem whose message is the problem document', async () => {
    const e = await stepFailure(async () => {
      throw materialsRefused;
    });
    expect(e).not.toBeInstanceOf(Problem);
    expect(e.name).toBe('Problem');
    expect(JSON.parse(e.message)).toEqual(problemOf(materialsRefused)!.toJSON());
  });

  test('any other error passes through as it is, so the workflow retries or fails it', async () => {
    const boom = new TypeError('dynamo unavailable');
    await expect(stepFailure(async () => Promise.reject(boom))).resolves.toBe(boom);
  });

  test.each([
    ['AWS (cause = {"errorType":"Problem","errorMessage":"<problem json>"})', awsCause],
    ['the local interpreter (cause = the problem json itself)', localCause],
  ])('the 422 listing every material problem comes back from %s', async (_where, cause) => {
    const e = await stepFailure(async () => {
      throw materialsRefused;
    });
    const p = problemFromExecution('Problem', cause(e));
    expect(p).toBeInstanceOf(Problem);
    expect(p!.status).toBe(422);
    expect(p!.title).toBe('Unprocessable Content');
    expect(p!.message).toBe(materialsRefused.message);
    expect(p!.errors).toEqual(materialsRefused.errors);
    expect(p!.toJSON()).toEqual(problemOf(materialsRefused)!.toJSON());
  });

  test.each([['AWS', awsCause], ['local', localCause]])('a 403 keeps its status and type (%s)', async (_where, cause) => {
    const e = await stepFailure(async () => {
      throw forbidden('a citizen files only for themself');
    });
    const p = problemFromExecution('Problem', cause(e))!;
    expect(p.status).toBe(403);
    expect(p.type).toBe('https://zwfw.shaanxi.gov.cn/problems/forbidden');
    expect(p.toJSON()).not.toHaveProperty('errors');
  });

  test.each([['AWS', awsCause], ['local', localCause]])('extra members of the problem survive the trip (%s)', async (_where, cause) => {
    const e = await stepFailure(async () => {
      throw conflict('a duplicate is in flight', { caseId: 'ZW20250501ABCDEFGHJK' });
    });
    const p = problemFromExecution('Problem', cause(e))!;
    expect(p.status).toBe(409);
    expect(p.toJSON()).toMatchObject({ caseId: 'ZW20250501ABCDEFGHJK' });
  });

  test.each([['AWS', awsCause], ['local', localCause]])('a lifecycle refusal raised inside a step comes back as the same 409 (%s)', async (_where, cause) => {
    const e = await stepFailure(async () => assertTransition('completed', 'withdrawn'));
    const p = problemFromExecution('Problem', cause(e))!;
    expect(p.status).toBe(409);
    expect(p.toJSON()).toMatchObject({ status: 409, allowed: [] });
  });

  test.each([
    ['another error name', 'States.TaskFailed', '{"status":422}'],
    ['a Lambda runtime error', 'Runtime.ExitError', '{"errorType":"Runtime.ExitError","errorMessage":"exited"}'],
    ['no error', undefined, undefined],
    ['no cause', 'Problem', undefined],
    ['a cause that is not JSON', 'Problem', 'Task timed out after 30.00 seconds'],
    ['an AWS cause whose message is not JSON', 'Problem', '{"errorType":"Problem","errorMessage":"oops"}'],
    ['a cause that is JSON null', 'Problem', 'null'],
  ])('%s is not read as a problem', (_what, error, cause) => {
    expect(problemFromExecution(error, cause)).toBeUndefined();
  });
});
