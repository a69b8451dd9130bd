import { apiHandler } from '#shared/http/handler';
import { openApiDocument } from '#shared/http/openapi';

// built once per instance and base URL: the document only changes with a deployment
const docs = new Map<string, ReturnType<typeof openApiDocument>>();

/** GET /v1/openapi.json: the public API's OpenAPI document, generated from the route table, naming the deployment it is asked from. */
export const handler = apiHandler('openapi', {
  'GET /v1/openapi.json': async ({ baseUrl }) => {
    const key = baseUrl ?? '';
    // an API has a few domain names; a flood of made-up Host headers (locally) is built each time, not kept
    const doc = docs.get(key) ?? openApiDocument(baseUrl);
    if (docs.size < 8) docs.set(key, doc);
    return { body: doc, headers: { 'cache-control': 'public, max-age=300' } };
  },
});
