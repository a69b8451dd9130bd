import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { logger } from '../observability.ts';
import { callerFromEvent, type Caller } from '../auth/caller.ts';
import { permissionOf } from '../auth/permissions.ts';
import { badRequest, forbidden, notFound, Problem, PROBLEM_JSON, unauthorized } from './problem.ts';

export interface ApiRequest {
  caller?: Caller;
  body: unknown;
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** `METHOD /resource/{path}` as API Gateway names the route */
  route: string;
  context: Context;
}

export interface ApiResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const lower = (h: Record<string, string | undefined> | null) =>
  Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? '']));

function parseBody(event: APIGatewayProxyEvent): unknown {
  if (event.body == null || event.body === '') return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw badRequest('the request body is not valid JSON', undefined, cause);
  }
}

export function problemResponse(p: Problem): APIGatewayProxyResult {
  return { statusCode: p.status, headers: { 'content-type': PROBLEM_JSON }, body: JSON.stringify(p.toJSON()) };
}

/**
 * Wraps a domain-level route function as a thin API Gateway handler: parses JSON, hands over the caller
 * the authorizer verified, and maps a thrown `Problem` to problem+json. Anything else is a 500 that is
 * logged with its cause and never leaks internals.
 */
export function apiHandler(fn: (req: ApiRequest) => Promise<ApiResponse>) {
  const inner = async (event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> => {
    try {
      const req: ApiRequest = {
        caller: callerFromEvent(event),
        body: parseBody(event),
        path: (event.pathParameters ?? {}) as Record<string, string>,
        query: (event.queryStringParameters ?? {}) as Record<string, string>,
        headers: lower(event.headers),
        route: `${event.httpMethod} ${event.resource}`,
        context,
      };
      // N13: the role gate, from the one permission matrix, before any domain code runs
      const permission = permissionOf(req.route);
      if (!permission) throw notFound(`no route ${req.route}`);
      if (permission.roles !== 'public') {
        if (!req.caller) throw unauthorized('a valid bearer token is required');
        if (!permission.roles.some((r) => req.caller!.roles.includes(r))) throw forbidden(`${req.route} needs one of the roles: ${permission.roles.join(', ')}`);
      }
      const res = await fn(req);
      return {
        statusCode: res.status ?? 200,
        headers: { 'content-type': 'application/json; charset=utf-8', ...res.headers },
        body: res.body === undefined ? '' : JSON.stringify(res.body),
      };
    } catch (err) {
      if (err instanceof Problem) {
        if (err.status >= 500) logger.error('request failed', { error: err });
        else logger.info('request refused', { status: err.status, detail: err.message });
        return problemResponse(err);
      }
      logger.error('unhandled error', { error: err as Error });
      return problemResponse(new Problem(500, 'Internal Server Error', 'the request could not be completed'));
    }
  };
  return middy(inner).use(injectLambdaContext(logger, { clearState: true }));
}
