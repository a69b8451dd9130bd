import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { callerToContext } from '#shared/auth/context';
import { NotFound } from '#shared/domain/errors';
import { MAX_BODY_BYTES, routeHandler as apiHandler } from '#shared/http/api';

/**
 * The HTTP edge, without the engines: what it refuses before any step runs, and how a step's refusal
 * becomes problem+json (API.md Conventions).
 */
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const now = () => Math.floor(Date.now() / 1000);
const caller = { sub: 'c-1', name: '王', roles: ['citizen' as const], idNumber: '610113199001011230' };
const event = (over: Partial<APIGatewayProxyEvent> & { exp?: number } = {}): APIGatewayProxyEvent =>
  ({
    httpMethod: 'GET',
    resource: '/v1/cases/{caseId}',
    path: '/v1/cases/ZW1',
    headers: {},
    pathParameters: { caseId: 'ZW20260101AAAAAAAAAA' },
    queryStringParameters: null,
    body: null,
    isBase64Encoded: false,
    requestContext: { authorizer: callerToContext(caller, over.exp ?? now() + 600) },
    ...over,
  }) as unknown as APIGatewayProxyEvent;
const context = { functionName: 'cases', awsRequestId: 'r' } as Context;

const seen: unknown[] = [];
const handler = apiHandler('cases', {
  'GET /v1/cases': async () => ({ body: [] }),
  'GET /v1/cases/{caseId}': async (req) => {
    seen.push(req.path);
    throw new NotFound(`there is no case ${req.path.caseId}`);
  },
  'GET /v1/cases/{caseId}/notices/{noticeId}': async () => ({}),
  'GET /v1/cases/{caseId}/audit/verify': async () => ({}),
  'POST /v1/cases/{caseId}/corrections': async () => ({}),
  'POST /v1/cases/{caseId}/withdraw': async (req) => ({ body: req.body }),
  'POST /v1/cases/{caseId}/evaluation': async () => ({}),
  'POST /v1/cases/{caseId}/complaints': async () => ({}),
});
const answer = async (e: APIGatewayProxyEvent) => {
  const res = await handler(e, context);
  return { status: res.statusCode, type: res.headers?.['content-type'], body: res.body ? JSON.parse(res.body) : undefined };
};

describe('the API edge', () => {
  test('a step’s refusal is problem+json with the status its type names (NotFound → 404)', async () => {
    expect(await answer(event())).toMatchObject({ status: 404, type: 'application/problem+json', body: { status: 404, detail: 'there is no case ZW20260101AAAAAAAAAA' } });
  });

  test('a token past its expiry is refused even while the authorizer’s answer is cached (401)', async () => {
    expect(await answer(event({ exp: now() - 120 }))).toMatchObject({ status: 401, body: { detail: 'the token has expired' } });
    // within the clock-skew leeway it still counts
    expect((await answer(event({ exp: now() - 5 }))).status).toBe(404);
  });

  test('a role the route’s action does not admit is 403 before the step runs', async () => {
    const staff = event({ requestContext: { authorizer: callerToContext({ sub: 's', name: 's', roles: ['operator'] }, now() + 600) } } as never);
    seen.length = 0;
    expect(await answer(staff)).toMatchObject({ status: 403, body: { detail: expect.stringContaining('needs one of the roles') } });
    expect(seen).toEqual([]);
  });

  test('path parameters are handed over as the gateway decoded them, once; one that was not valid UTF-8 is 400', async () => {
    seen.length = 0;
    await answer(event({ pathParameters: { caseId: '%25' } }));
    expect(seen).toEqual([{ caseId: '%25' }]);
    expect(await answer(event({ pathParameters: { caseId: 'ZW\uFFFD' } }))).toMatchObject({ status: 400, body: { errors: [{ path: 'caseId', message: 'invalid encoding' }] } });
  });

  test('a body over the limit is 413; one that is not UTF-8 or not JSON is 400', async () => {
    const post = (body: string, isBase64Encoded = false) => event({ httpMethod: 'POST', resource: '/v1/cases/{caseId}/withdraw', body, isBase64Encoded });
    expect((await answer(post('x'.repeat(MAX_BODY_BYTES + 1)))).status).toBe(413);
    expect((await answer(post(Buffer.from([0x7b, 0xe4, 0xb8, 0x7d]).toString('base64'), true))).body).toMatchObject({ status: 400, errors: [{ path: '(body)', message: 'invalid UTF-8' }] });
    expect((await answer(post('{"a":"\uFFFD"}'))).status).toBe(400);
    expect((await answer(post('{nope'))).body).toMatchObject({ status: 400, detail: 'the request body is not valid JSON' });
    expect(await answer(post('{"ok":true}'))).toMatchObject({ status: 200, body: { ok: true } });
  });

  test('a handler must implement every route of its function: a missing one fails when the module loads', () => {
    expect(() => apiHandler('cases', {} as never)).toThrow(/does not implement GET \/v1\/cases/);
  });
});
