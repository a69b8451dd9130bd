import * as z from 'zod/mini';
import { isPublic, ROUTES, rolesOfRoute } from './routes.ts';
import { REQUEST_SCHEMAS } from './schemas.ts';

const problem = {
  description: 'application/problem+json (RFC 9457)',
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
  },
};

/** The OpenAPI 3.0 document of the public API, generated from the route table and the request schemas. */
export function openApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const open = isPublic(r);
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const headers = [...(r.requiredHeaders ?? []).map((h) => [h, true] as const), ...(r.optionalHeaders ?? []).map((h) => [h, false] as const)].map(([name, required]) => ({ name, in: 'header', required, schema: { type: 'string', maxLength: 200 } }));
    paths[r.path] ??= {};
    paths[r.path][r.method.toLowerCase()] = {
      summary: r.summary,
      operationId: `${r.method.toLowerCase()}${r.path.replace(/[{}]/g, '').replace(/[/.-](\w)/g, (_, c: string) => c.toUpperCase())}`,
      ...(open ? { security: [] } : { 'x-roles': rolesOfRoute(r), 'x-action': r.action }),
      parameters: [...params, ...headers],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${r.body.name}` } } } } } : {}),
      responses: {
        [String(r.status ?? 200)]: r.produces
          ? { description: 'OK', content: { [r.produces]: { schema: { type: 'string', format: 'binary' } } } }
          : { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } },
        ...(r.produces ? { '406': problem } : {}),
        '400': problem,
        ...(open ? {} : { '401': problem, '403': problem }),
        ...(r.method === 'POST' ? { '413': problem } : {}),
        '404': problem,
        ...(r.method === 'POST' ? { '409': problem, '422': problem } : {}),
      },
    };
  }
  const schemas = Object.fromEntries(
    ROUTES.filter((r) => r.body).map((r) => {
      const { $schema, ...schema } = z.toJSONSchema(REQUEST_SCHEMAS[r.body!.name], { target: 'openapi-3.0' }) as Record<string, unknown>;
      return [r.body!.name, schema];
    }),
  );
  return {
    openapi: '3.0.3',
    info: { title: '陕西政务服务网 public API', version: 'v1', description: 'Citizen apps, window software, department work queues and dashboards all use this one REST API.' },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (RS256, the province’s real-name OIDC issuer)' } },
      schemas,
    },
    security: [{ bearer: [] }],
    paths,
  };
}
