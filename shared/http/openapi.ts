import * as z from 'zod/mini';
import { isPublic, ROUTES, rolesOfRoute, type QueryParameter, type RouteSpec } from './routes.ts';
import { responseSchemas } from './responses.ts';
import { REQUEST_SCHEMAS } from './schemas.ts';

/** What every refusal is (RFC 9457). */
const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
  },
};

/**
 * The request bodies' JSON Schemas, by name, from the zod schemas the handlers parse with: for the
 * document (OpenAPI 3.0) and for API Gateway's request models (draft 4), so the gateway refuses
 * exactly what the document says is not a request.
 */
export function requestSchemas(target: 'openapi-3.0' | 'draft-4'): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    ROUTES.filter((r) => r.body).map((r) => {
      const { $schema, ...schema } = z.toJSONSchema(REQUEST_SCHEMAS[r.body!.name], { target }) as Record<string, unknown>;
      return [r.body!.name, target === 'draft-4' ? { $schema, ...schema } : schema];
    }),
  );
}

/** Where the API is when the document is not served by it (generated for a client, linted in the tests). */
export const DEFAULT_SERVERS = [
  { url: 'http://127.0.0.1:3000', description: 'npm start (PORT changes it)' },
  {
    url: 'https://{restApiId}.execute-api.{region}.amazonaws.com/prod',
    description: 'a deployment: the ApiUrl output of Zwfw-Api',
    variables: { restApiId: { default: 'restApiId', description: 'the REST API id' }, region: { default: 'us-east-1', description: 'the AWS Region' } },
  },
];

const text = (maxLength = 200) => ({ type: 'string', maxLength });
const day = { type: 'string', format: 'date', example: '2026-12-01' };
/** Every query parameter, described once: a route's table entry names the ones it reads. */
const QUERY_PARAMETERS: Record<QueryParameter, { description: string; schema: Record<string, unknown>; required?: true }> = {
  q: { description: 'words to search for, in Chinese or pinyin', schema: text(100) },
  region: { description: 'a region code (GB/T 2260), e.g. 610113', schema: { type: 'string', pattern: '^\\d{6}$' } },
  dept: { description: 'a department code, e.g. 610113-XZSP', schema: text(40) },
  type: { description: 'a matter type (行政许可, 公共服务, …)', schema: text(20) },
  level: { description: 'for consistency: county or city; for alerts: yellow or red', schema: { type: 'string', enum: ['county', 'city', 'yellow', 'red'] } },
  parent: { description: 'the region whose same-level regions are compared', schema: { type: 'string', pattern: '^\\d{6}$' } },
  status: { description: 'which items: open (the default); answered for follow-ups; cleared for alerts', schema: { type: 'string', enum: ['open', 'answered', 'cleared'] } },
  bad: { description: 'only the 差评 (must be true)', schema: { type: 'string', enum: ['true'] }, required: true },
  mine: { description: 'the caller’s own (must be true)', schema: { type: 'string', enum: ['true'] }, required: true },
  as: { description: 'person (the default) or org: the enterprise the token names', schema: { type: 'string', enum: ['person', 'org'] } },
  matterCode: { description: 'the matter a slot is booked for', schema: text(80) },
  from: { description: 'the first day (Beijing time)', schema: day },
  to: { description: 'the last day (Beijing time)', schema: day },
  date: { description: 'the day (Beijing time); today when absent', schema: day },
  windowId: { description: 'one window of the hall', schema: text(40) },
  by: { description: 'the breakdown of the figures', schema: { type: 'string', enum: ['region', 'dept', 'channel', 'day', 'hall'] } },
  sha256: { description: 'the SHA-256 of the PDF (or content) held, in hex', schema: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' } },
  limit: { description: 'how many items a page holds', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
  cursor: { description: 'the `next` of the page before, as it was given', schema: text(2048) },
};

/** Every refusal the API answers, once, as problem+json with an example; operations refer to them. */
const REFUSALS: Record<string, [status: number, title: string, detail: string, description: string]> = {
  BadRequest: [400, 'Bad Request', 'limit must be a whole number from 1 to 100', 'malformed: a parameter, header, cursor or body the route cannot read'],
  Unauthorized: [401, 'Unauthorized', 'a valid bearer token is required', 'no token, or one that is not valid for this API'],
  Forbidden: [403, 'Forbidden', 'the token does not allow this', 'the token’s roles, department or region do not allow this'],
  NotFound: [404, 'Not Found', 'there is no such resource', 'it does not exist, or it is not the caller’s to see'],
  NotAcceptable: [406, 'Not Acceptable', 'this answer is application/pdf: send Accept: application/pdf', 'the Accept header does not name the document type first'],
  Conflict: [409, 'Conflict', 'the case changed meanwhile; read it again', 'a conflict: a stale version, a step already taken, a full slot'],
  ContentTooLarge: [413, 'Content Too Large', 'the request body is larger than the API takes', 'the body is over the limit'],
  UnprocessableContent: [422, 'Unprocessable Content', 'this booking cannot be made', 'well-formed but invalid: every reason in `errors`'],
  TooManyRequests: [429, 'Too Many Requests', 'slow down and retry', 'the stage’s throttling limit'],
  BadGateway: [502, 'Bad Gateway', 'the request could not be completed', 'a fault of the service (alarmed on); never an answer to what the client sent'],
};
const refusal = (name: keyof typeof REFUSALS) => ({ [String(REFUSALS[name][0])]: { $ref: `#/components/responses/${name}` } });
const responses = Object.fromEntries(
  Object.entries(REFUSALS).map(([name, [status, title, detail, description]]) => [name, { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' }, example: { type: 'about:blank', title, status, detail } } } }]),
);

/**
 * The OpenAPI 3.0 document of the public API, generated from the route table and the request schemas
 * (the same zod schemas the handlers parse with, and the API Gateway models are made from). Served,
 * it names the deployment it was asked from; otherwise the local runtime and the AWS form.
 */
export function openApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const r: RouteSpec = route;
    const open = isPublic(r);
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string', maxLength: 1024 } }));
    const headers = [...(r.requiredHeaders ?? []).map((h) => [h, true] as const), ...(r.optionalHeaders ?? []).map((h) => [h, false] as const)].map(([name, required]) => ({ name, in: 'header', required, schema: { type: 'string', maxLength: 200 } }));
    paths[r.path] ??= {};
    paths[r.path][r.method.toLowerCase()] = {
      summary: r.summary,
      operationId: `${r.method.toLowerCase()}${r.path.replace(/[{}]/g, '').replace(/[/.-](\w)/g, (_, c: string) => c.toUpperCase())}`,
      tags: [r.fn],
      ...(open ? { security: [] } : { 'x-roles': rolesOfRoute(r), 'x-action': r.action }),
      parameters: [...params, ...(r.query ?? []).map((name) => ({ name, in: 'query', required: QUERY_PARAMETERS[name].required ?? false, description: QUERY_PARAMETERS[name].description, schema: QUERY_PARAMETERS[name].schema })), ...headers],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${r.body.name}` } } } } } : {}),
      responses: {
        [String(r.status ?? 200)]: r.produces
          ? { description: 'OK', content: { [r.produces]: { schema: { type: 'string', format: 'binary' } } } }
          : { description: 'OK', content: { 'application/json': { schema: r.response ? { $ref: `#/components/schemas/${r.response.name}` } : { type: 'object' } } } },
        ...(r.produces ? refusal('NotAcceptable') : {}),
        ...refusal('BadRequest'),
        ...(open ? {} : { ...refusal('Unauthorized'), ...refusal('Forbidden') }),
        ...(r.method === 'POST' ? refusal('ContentTooLarge') : {}),
        ...refusal('NotFound'),
        ...(r.method === 'POST' ? { ...refusal('Conflict'), ...refusal('UnprocessableContent') } : {}),
        ...refusal('TooManyRequests'),
        ...refusal('BadGateway'),
      },
    };
  }
  const schemas = requestSchemas('openapi-3.0');
  return {
    openapi: '3.0.3',
    info: {
      title: '陕西政务服务网 public API',
      version: 'v1',
      description: 'Citizen apps, window software, department work queues and dashboards all use this one REST API. Errors are application/problem+json (RFC 9457).',
      license: { name: 'Proprietary: 陕西省人民政府办公厅 (the platform’s owner)', url: 'https://zwfw.shaanxi.gov.cn/' },
    },
    servers: serverUrl ? [{ url: serverUrl, description: 'this deployment' }] : DEFAULT_SERVERS,
    tags: [...new Set(ROUTES.map((r) => r.fn))].map((name) => ({ name, description: `served by functions/${name}` })),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (RS256, the province’s real-name OIDC issuer)' } },
      schemas: { ...schemas, ...responseSchemas(), Problem: PROBLEM_SCHEMA },
      responses,
    },
    security: [{ bearer: [] }],
    paths,
  };
}
