import { apiHandler } from '#shared/http/handler';
import { openApiDocument } from '#shared/http/openapi';

// built once per instance: the document only changes with a deployment
const doc = openApiDocument();

/** GET /v1/openapi.json: the public API's OpenAPI document, generated from the route table. */
export const handler = apiHandler('openapi', {
  'GET /v1/openapi.json': async () => ({ body: doc, headers: { 'cache-control': 'public, max-age=300' } }),
});
