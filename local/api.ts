import http from 'node:http';
import { randomUUID } from 'node:crypto';
import Ajv from 'ajv-draft-04';
import { firstMediaType } from '../shared/http/media.ts';
import type { LocalFunction } from './lambda.ts';
import type { Templates } from './template.ts';

/**
 * A small API Gateway (REST, v1) for the local runtime: the routes, the token authorizer, the request
 * validators and models, and the gateway responses are all read from the synthesized template; each
 * request goes to the same handler bundle as an API Gateway proxy event.
 */
interface Route {
  method: string;
  resourcePath: string;
  segments: string[];
  fn: LocalFunction;
  authorizer?: { fn: LocalFunction; ttlMs: number };
  /** as the method declares them (API Gateway names them so in its refusal) */
  requiredHeaders: string[];
  validateBody: boolean;
  validateParams: boolean;
  model?: ((body: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] | null };
}

interface GatewayResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** API Gateway's own limit on a request's payload (REQUEST_TOO_LARGE above it). */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** What a gateway response template may say of the error, as API Gateway fills `$context.error.*` in. */
interface GatewayError {
  message?: string;
  /** every failing property the model validator found, one account each */
  validation?: string[];
}

/** A value placed inside a JSON string of a template: quotes and backslashes escaped, as JSON needs them. */
const inString = (s: string) => JSON.stringify(s).slice(1, -1);

/** ajv's errors in the words of a model validator: each failing path, and what it must be. */
function validationAccount(errors: { instancePath: string; message?: string; params?: Record<string, unknown> }[]): string[] {
  return errors.map((e) => {
    const extra = e.params?.additionalProperty ? ` (${String(e.params.additionalProperty)})` : e.params?.missingProperty ? ` (${String(e.params.missingProperty)})` : '';
    return `${e.instancePath || '/'}: ${e.message ?? 'is not valid'}${extra}`;
  });
}

export interface LocalRoute {
  prefix: string;
  handle(req: http.IncomingMessage, body: string): Promise<{ status: number; headers?: Record<string, string>; body: string } | undefined>;
}

export class LocalApiGateway {
  readonly routes: Route[] = [];
  private readonly gatewayResponses = new Map<string, GatewayResponse>();
  private readonly authCache = new Map<string, { until: number; context: Record<string, string> | null; allow: boolean }>();
  private server?: http.Server;
  readonly stage: string;
  /** told of every request that reaches the API's resources (what API Gateway bills), by route */
  onRequest?: (route: string) => void;
  private readonly binaryMediaTypes: string[];

  constructor(t: Templates, functions: Map<string, LocalFunction>, private readonly extra: LocalRoute[] = []) {
    const fnOf = (uri: unknown) => {
      const m = /function:([^/]+)\/invocations/.exec(String(t.resolve(uri)));
      const fn = m && functions.get(m[1]);
      if (!fn) throw new Error(`integration ${JSON.stringify(uri)} does not name a platform function`);
      return fn;
    };
    // resource tree → paths
    const resources = new Map(t.ofType('AWS::ApiGateway::Resource').map((r) => [r.logicalId, r]));
    const pathOf = (id: string): string => {
      const r = resources.get(id);
      if (!r) return ''; // the root resource
      return `${pathOf(String(t.resolve(r.Properties.ParentId)))}/${r.Properties.PathPart}`;
    };
    const authorizers = new Map(
      t.ofType('AWS::ApiGateway::Authorizer').map((a) => [a.logicalId, { fn: fnOf(a.Properties.AuthorizerUri), ttlMs: (a.Properties.AuthorizerResultTtlInSeconds ?? 300) * 1000 }]),
    );
    const validators = new Map(t.ofType('AWS::ApiGateway::RequestValidator').map((v) => [v.logicalId, v.Properties]));
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const models = new Map(t.ofType('AWS::ApiGateway::Model').map((m) => [m.logicalId, ajv.compile(t.resolve(m.Properties.Schema))]));
    for (const m of t.ofType('AWS::ApiGateway::Method')) {
      const p = m.Properties;
      if (p.Integration?.Type !== 'AWS_PROXY') continue;
      const resourcePath = pathOf(String(t.resolve(p.ResourceId))) || '/';
      const validator = p.RequestValidatorId ? validators.get(String(t.resolve(p.RequestValidatorId))) : undefined;
      const modelId = p.RequestModels?.['application/json'] ? String(t.resolve(p.RequestModels['application/json'])) : undefined;
      this.routes.push({
        method: p.HttpMethod,
        resourcePath,
        segments: resourcePath.split('/').filter(Boolean),
        fn: fnOf(p.Integration.Uri),
        authorizer: p.AuthorizationType === 'CUSTOM' ? authorizers.get(String(t.resolve(p.AuthorizerId))) : undefined,
        requiredHeaders: Object.entries(p.RequestParameters ?? {})
          .filter(([k, req]) => k.startsWith('method.request.header.') && req === true)
          .map(([k]) => k.slice('method.request.header.'.length)),
        validateBody: !!validator?.ValidateRequestBody,
        validateParams: !!validator?.ValidateRequestParameters,
        model: modelId ? models.get(modelId) : undefined,
      });
    }
    for (const g of t.ofType('AWS::ApiGateway::GatewayResponse')) {
      const p = t.resolve(g.Properties);
      this.gatewayResponses.set(p.ResponseType, {
        status: Number(p.StatusCode),
        headers: Object.fromEntries(Object.entries<string>(p.ResponseParameters ?? {}).map(([k, v]) => [k.replace('gatewayresponse.header.', ''), v.replace(/^'|'$/g, '')])),
        body: p.ResponseTemplates?.['application/json'] ?? '',
      });
    }
    this.stage = t.ofType('AWS::ApiGateway::Stage')[0]?.Properties.StageName ?? 'prod';
    this.binaryMediaTypes = t.ofType('AWS::ApiGateway::RestApi').flatMap((a) => a.Properties.BinaryMediaTypes ?? []);
  }

  /**
   * API Gateway turns a base64 body back into bytes when the request's first Accept type is one of
   * the API's binary media types (`*` matching any part), and hands the base64 text on otherwise.
   */
  private wantsBinary(accept: string | undefined): boolean {
    const [type, sub] = firstMediaType(accept).split('/');
    return !!sub && this.binaryMediaTypes.some((m) => {
      const [t, s] = m.toLowerCase().split('/');
      return (t === '*' || t === type) && (s === '*' || s === sub);
    });
  }

  /** A gateway response of the template, its `$context.error` variables filled in as API Gateway fills them. */
  private gateway(type: string, fallbackStatus: number, error: GatewayError = {}): { status: number; headers: Record<string, string>; body: string } {
    const r = this.gatewayResponses.get(type);
    if (!r) return { status: fallbackStatus, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ message: type }) };
    const message = error.message ?? type;
    const body = r.body
      .replaceAll('$context.error.messageString', JSON.stringify(message))
      .replaceAll('$context.error.validationErrorString', inString(`[${(error.validation ?? []).join(', ')}]`))
      .replaceAll('$context.error.message', inString(message))
      .replaceAll('$context.error.responseType', inString(type));
    return { ...r, body };
  }

  /**
   * The route a path names, and its path parameters decoded once, as API Gateway hands them to the
   * integration (the handlers never decode them again). A segment that is not valid percent-encoding
   * matches nothing here; `handle` refuses it. As API Gateway does, a literal segment wins over a path
   * variable (`/v1/archive/checks` over `/v1/archive/{caseId}`), whatever the template's order.
   */
  private match(method: string, pathname: string): { route: Route; params: Record<string, string> } | undefined {
    const segs = pathname.split('/').filter(Boolean);
    const literal = (r: Route) => r.segments.map((s) => (s.startsWith('{') ? '0' : '1')).join('');
    const candidates = this.routes.filter((r) => r.method === method && r.segments.length === segs.length).sort((a, b) => literal(b).localeCompare(literal(a)));
    for (const route of candidates) {
      if (route.method !== method || route.segments.length !== segs.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((s, i) => {
        if (s.startsWith('{') && s.endsWith('}')) {
          params[s.slice(1, -1)] = decodeURIComponent(segs[i]);
          return true;
        }
        return s === segs[i];
      });
      if (ok) return { route, params };
    }
    return undefined;
  }

  private async authorize(route: Route, token: string | undefined, methodArn: string) {
    if (!token) return { denied: 'UNAUTHORIZED' as const };
    const cached = this.authCache.get(token);
    if (cached && cached.until > Date.now()) return cached.allow ? { context: cached.context! } : { denied: 'ACCESS_DENIED' as const };
    try {
      const res = await route.authorizer!.fn.invoke({ type: 'TOKEN', authorizationToken: token, methodArn });
      const allow = (res.policyDocument?.Statement ?? []).some((s: any) => s.Effect === 'Allow');
      const context = { ...(res.context ?? {}), principalId: res.principalId };
      this.authCache.set(token, { until: Date.now() + route.authorizer!.ttlMs, context, allow });
      return allow ? { context } : { denied: 'ACCESS_DENIED' as const };
    } catch {
      return { denied: 'UNAUTHORIZED' as const };
    }
  }

  async handle(req: http.IncomingMessage, bytes: Buffer): Promise<{ status: number; headers: Record<string, string>; body: string | Buffer }> {
    const url = new URL(req.url ?? '/', 'http://local');
    // API Gateway hands a text body over as a string: bytes that are not UTF-8 arrive as U+FFFD
    const raw = bytes.toString('utf8');
    for (const x of this.extra) {
      if (url.pathname.startsWith(x.prefix)) {
        const r = await x.handle(req, raw);
        if (r) return { headers: { 'content-type': 'application/json' }, ...r };
      }
    }
    if (bytes.byteLength > GATEWAY_MAX_BODY_BYTES) return this.gateway('REQUEST_TOO_LARGE', 413, { message: 'Request Too Long' });
    let hit: ReturnType<LocalApiGateway['match']>;
    try {
      hit = this.match(req.method ?? 'GET', url.pathname);
    } catch {
      // a path that is not valid percent-encoding never reaches an integration
      return { status: 400, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'the path is not valid percent-encoding' }) };
    }
    this.onRequest?.(hit ? `${hit.route.method} ${hit.route.resourcePath}` : 'no route');
    if (!hit) return this.gateway('MISSING_AUTHENTICATION_TOKEN', 403, { message: 'Missing Authentication Token' });
    const { route, params } = hit;
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
    const requestId = randomUUID();
    const methodArn = `arn:aws:execute-api:us-east-1:000000000000:local/${this.stage}/${route.method}${url.pathname}`;
    let authorizer: Record<string, string> | undefined;
    if (route.authorizer) {
      const auth = await this.authorize(route, headers.authorization, methodArn);
      if ('denied' in auth) return this.gateway(auth.denied!, auth.denied === 'UNAUTHORIZED' ? 401 : 403, { message: auth.denied === 'UNAUTHORIZED' ? 'Unauthorized' : 'User is not authorized to access this resource' });
      authorizer = auth.context;
    }
    const missing = route.validateParams ? route.requiredHeaders.filter((h) => !headers[h.toLowerCase()]) : [];
    if (missing.length) return this.gateway('BAD_REQUEST_PARAMETERS', 400, { message: `Missing required request parameters: [${missing.join(', ')}]` });
    if (route.validateBody && route.model) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return this.gateway('BAD_REQUEST_BODY', 400, { message: 'Invalid request body', validation: ['(body): is not JSON'] });
      }
      if (!route.model(parsed)) return this.gateway('BAD_REQUEST_BODY', 400, { message: 'Invalid request body', validation: validationAccount(route.model.errors ?? []) });
    }
    const query = Object.fromEntries(url.searchParams.entries());
    const event = {
      resource: route.resourcePath,
      path: url.pathname,
      httpMethod: route.method,
      headers: { ...headers, 'x-forwarded-proto': 'http' },
      multiValueHeaders: Object.fromEntries(Object.entries({ ...headers, 'x-forwarded-proto': 'http' }).map(([k, v]) => [k, [v]])),
      queryStringParameters: Object.keys(query).length ? query : null,
      multiValueQueryStringParameters: Object.keys(query).length ? Object.fromEntries([...url.searchParams.keys()].map((k) => [k, url.searchParams.getAll(k)])) : null,
      pathParameters: Object.keys(params).length ? params : null,
      stageVariables: null,
      requestContext: {
        resourcePath: route.resourcePath,
        httpMethod: route.method,
        // as API Gateway fills them for a custom domain (the local URL has no stage in its path)
        domainName: headers.host ?? '127.0.0.1',
        path: url.pathname,
        stage: this.stage,
        requestId,
        requestTimeEpoch: Date.now(),
        identity: { sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
        ...(authorizer ? { authorizer } : {}),
      },
      body: raw === '' ? null : raw,
      isBase64Encoded: false,
    };
    try {
      const res = await route.fn.invoke(event);
      const binary = res?.isBase64Encoded && this.wantsBinary(headers.accept);
      return { status: res?.statusCode ?? 200, headers: res?.headers ?? {}, body: binary ? Buffer.from(res.body ?? '', 'base64') : (res?.body ?? '') };
    } catch (err) {
      console.error(`[api] ${route.method} ${route.resourcePath}: handler threw`, err);
      return this.gateway('DEFAULT_5XX', 502);
    }
  }

  listen(port: number): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', async () => {
        try {
          const out = await this.handle(req, Buffer.concat(chunks));
          res.writeHead(out.status, { 'x-amzn-requestid': randomUUID(), ...out.headers });
          res.end(out.body);
        } catch (err) {
          res.writeHead(500, { 'content-type': 'application/problem+json' });
          res.end(JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: (err as Error).message }));
        }
      });
    });
    return new Promise((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(this.server!.address() as any).port}`));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
