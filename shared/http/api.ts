import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { mayAsk } from '../domain/access/gate.ts';
import type { Caller } from '../domain/caller.ts';
import { logger } from '../adapters/observability.ts';
import { callerFromEvent, tokenExpired } from '../auth/context.ts';
import { badRequest, payloadTooLarge, Problem, PROBLEM_JSON, problemOf, unauthorized } from './problem.ts';
import { isPublic, routeKey, ROUTES, type FunctionName, type RoutesOf, type RouteSpec } from './routes.ts';
import { firstMediaType } from './media.ts';

export interface ApiRequest {
  /** the caller the authorizer verified; present on every route that is not public */
  caller: Caller;
  body: unknown;
  /** path parameters, decoded once (by API Gateway, or the local gateway as it does) */
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  route: RouteSpec;
  context: Context;
  /** the base URL the request came through (`https://{id}.execute-api.{region}.amazonaws.com/prod`, or the local runtime's) */
  baseUrl?: string;
}

export interface ApiResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** a document instead of JSON: sent base64-encoded, which API Gateway turns back into bytes for the binary media types the API names */
  bytes?: { data: Uint8Array; contentType: string };
}

/** The largest request body any route takes (API Gateway's own limit is 10 MB; the largest item DynamoDB keeps is 400 KB). */
export const MAX_BODY_BYTES = 1024 * 1024;

const lower = (h: Record<string, string | undefined> | null) => Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? '']));

/** U+FFFD is what a lossy decoder leaves where the bytes were not UTF-8: a body or parameter holding it was not valid UTF-8. */
const REPLACEMENT = '\uFFFD';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The request body as JSON: at most MAX_BODY_BYTES of valid UTF-8 (API.md "Conventions"), else 413 or 400. */
function parseBody(event: APIGatewayProxyEvent): unknown {
  if (event.body == null || event.body === '') return undefined;
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (bytes.byteLength > MAX_BODY_BYTES) throw payloadTooLarge(`a request body is at most ${MAX_BODY_BYTES} bytes`);
  let text: string;
  try {
    text = event.isBase64Encoded ? utf8.decode(bytes) : event.body;
  } catch (cause) {
    throw badRequest('the request body is not valid UTF-8', [{ path: '(body)', message: 'invalid UTF-8' }], cause);
  }
  if (text.includes(REPLACEMENT)) throw badRequest('the request body is not valid UTF-8', [{ path: '(body)', message: 'invalid UTF-8' }]);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw badRequest('the request body is not valid JSON', [{ path: '(body)', message: 'invalid JSON' }], cause);
  }
}

/** Path and query parameters as API Gateway decoded them, once; one that held invalid encoding is refused, never decoded again. */
function parameters(values: Record<string, string | undefined> | null, where: 'path' | 'query'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values ?? {})) {
    if (v === undefined) continue;
    // eslint-disable-next-line no-control-regex
    if (v.includes(REPLACEMENT) || /[\u0000-\u001f]/.test(v)) throw badRequest(`${where} parameter ${k} is not valid percent-encoded UTF-8`, [{ path: k, message: 'invalid encoding' }]);
    out[k] = v;
  }
  return out;
}

export function problemResponse(p: Problem): APIGatewayProxyResult {
  return { statusCode: p.status, headers: { 'content-type': PROBLEM_JSON }, body: JSON.stringify(p.toJSON()) };
}

/** The base URL a request came through: its host, and the stage the path was under when the host is API Gateway's own. */
function baseUrlOf(event: APIGatewayProxyEvent): string | undefined {
  const headers = lower(event.headers);
  const host = event.requestContext?.domainName ?? headers.host;
  if (!host || !/^[A-Za-z0-9.-]+(:\d+)?$/.test(host)) return undefined;
  const full = event.requestContext?.path ?? event.path;
  const prefix = full && event.path && full.endsWith(event.path) ? full.slice(0, full.length - event.path.length) : '';
  const proto = headers['x-forwarded-proto'] === 'http' ? 'http' : 'https';
  return `${proto}://${host}${prefix}`;
}

export type RouteHandlers<F extends FunctionName> = { [K in RoutesOf<F>]: (req: ApiRequest) => Promise<ApiResponse> };

/**
 * One function's routes as an API Gateway proxy handler: each route of the table that this function
 * serves maps to its implementation (the type says which, so none is missed or added). It decodes the
 * request once, asks the gate whether the caller's roles admit the route's action at all (403 before
 * any domain code runs), and maps every refusal to problem+json by its type. Anything else is a fault:
 * a 500, logged with its cause, that never leaks internals. `apiHandler` (./handler.ts) wraps it in
 * middy for the Lambda runtime.
 */
export function routeHandler<F extends FunctionName>(fn: F, handlers: RouteHandlers<F>) {
  const routes = new Map<string, RouteSpec>(ROUTES.filter((r) => r.fn === fn).map((r) => [routeKey(r), r]));
  const impl = handlers as Record<string, (req: ApiRequest) => Promise<ApiResponse>>;
  for (const key of routes.keys()) if (!impl[key]) throw new Error(`${fn} does not implement ${key}`);
  const inner = async (event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> => {
    try {
      const key = `${event.httpMethod} ${event.resource}`;
      const route = routes.get(key);
      if (!route) throw new Problem(404, 'Not Found', `no route ${key}`);
      const caller = callerFromEvent(event);
      if (!isPublic(route)) {
        if (!caller) throw unauthorized('a valid bearer token is required');
        // the authorizer's answer is cached for a minute; the token's own expiry still holds to the second
        if (tokenExpired(event)) throw unauthorized('the token has expired');
        const refusal = mayAsk(caller, route.action);
        if (refusal) throw refusal;
      }
      // API Gateway hands a document's bytes on only when the first Accept type names it; anything else would get base64 text
      if (route.produces && firstMediaType(lower(event.headers).accept) !== route.produces) throw new Problem(406, 'Not Acceptable', `this answer is ${route.produces}: send Accept: ${route.produces}`);
      const req: ApiRequest = {
        caller: caller as Caller,
        body: parseBody(event),
        path: parameters(event.pathParameters, 'path'),
        query: parameters(event.queryStringParameters, 'query'),
        headers: lower(event.headers),
        route,
        context,
        baseUrl: baseUrlOf(event),
      };
      const res = await impl[key](req);
      if (res.bytes) return { statusCode: res.status ?? 200, headers: { ...res.headers, 'content-type': res.bytes.contentType }, body: Buffer.from(res.bytes.data).toString('base64'), isBase64Encoded: true };
      return { statusCode: res.status ?? 200, headers: { 'content-type': 'application/json; charset=utf-8', ...res.headers }, body: res.body === undefined ? '' : JSON.stringify(res.body) };
    } catch (err) {
      const problem = problemOf(err);
      if (problem) {
        logger.info('request refused', { status: problem.status, detail: problem.message });
        return problemResponse(problem);
      }
      logger.error('unhandled error', { error: err as Error });
      return problemResponse(new Problem(500, 'Internal Server Error', 'the request could not be completed'));
    }
  };
  return inner;
}
