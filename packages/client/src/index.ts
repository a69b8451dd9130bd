import createFetchClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema.ts';

export type { paths };

export interface ClientOptions {
  /** the API's base URL: the OpenAPI document's server (`http://127.0.0.1:3000`, or the ApiUrl output of Zwfw-Api) */
  baseUrl: string;
  /** the caller's bearer token, or where to read it on each request (it is refreshed apart from the client) */
  token?: string | (() => string | undefined);
  /** another fetch (a test's, a proxy's) */
  fetch?: typeof fetch;
}

/**
 * A typed client of the public API for citizen apps and window software: every path, method, path
 * parameter, query and request body as the OpenAPI document has it (src/schema.ts is generated from
 * it: `npm run client:generate`), errors as the problem+json the API answers. A thin layer over
 * openapi-fetch that adds the bearer token.
 */
export function createClient(opts: ClientOptions): Client<paths> {
  const client = createFetchClient<paths>({ baseUrl: opts.baseUrl.replace(/\/$/, ''), ...(opts.fetch ? { fetch: opts.fetch } : {}) });
  const bearer: Middleware = {
    onRequest({ request }) {
      const token = typeof opts.token === 'function' ? opts.token() : opts.token;
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(bearer);
  return client;
}

/** What the API answers when it refuses (RFC 9457). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}
