import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApiDocument } from '../../shared/http/openapi';
import { isPublic, ROUTES } from '../../shared/http/routes';

/**
 * The OpenAPI document as a client team reads it: lint-clean under Redocly's recommended rules (the
 * repository's redocly.yaml), with servers, the bearer scheme, and every refusal a route can answer
 * described as problem+json.
 */
const ROOT = path.resolve(__dirname, '..', '..');

function lint(doc: unknown) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    let out: string;
    try {
      out = execFileSync(path.join(ROOT, 'node_modules', '.bin', 'redocly'), ['lint', file, '--format=json', '--config', path.join(ROOT, 'redocly.yaml')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
    } catch (err) {
      // redocly exits 1 when it finds errors; its report is still on stdout
      out = (err as { stdout: string }).stdout;
    }
    return JSON.parse(out) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string }[] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the OpenAPI document', () => {
  test('passes `redocly lint` (recommended rules): no errors, no warnings, as generated and as served', () => {
    for (const doc of [openApiDocument(), openApiDocument('https://abc123.execute-api.us-east-1.amazonaws.com/prod')]) {
      const report = lint(doc);
      expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    }
  });

  test('a document with a fault is caught (the lint is not a formality)', () => {
    const broken = openApiDocument() as any;
    delete broken.servers;
    broken.paths['/v1/matters'].get.responses = { '200': { description: 'OK' } };
    const report = lint(broken);
    expect(report.problems.map((p) => p.ruleId)).toEqual(expect.arrayContaining(['no-empty-servers', 'operation-4xx-response']));
  });

  test('names where the API is, the bearer scheme, and for every route the refusals it can answer, each problem+json with an example', () => {
    const doc = openApiDocument();
    expect(doc.servers.map((s) => s.url)).toEqual(['http://127.0.0.1:3000', 'https://{restApiId}.execute-api.{region}.amazonaws.com/prod']);
    expect(openApiDocument('https://x.example/prod').servers).toEqual([{ url: 'https://x.example/prod', description: 'this deployment' }]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const r of ROUTES) {
      const op = (doc.paths[r.path] as any)[r.method.toLowerCase()];
      const expected = ['400', '404', '429', '502', ...(isPublic(r) ? [] : ['401', '403']), ...(r.method === 'POST' ? ['409', '413', '422'] : []), ...(r.produces ? ['406'] : [])];
      expect([r.path, Object.keys(op.responses)]).toEqual([r.path, expect.arrayContaining(expected)]);
      for (const [status, ref] of Object.entries<any>(op.responses)) {
        if (Number(status) < 400) continue;
        const res = (doc.components.responses as any)[ref.$ref.replace('#/components/responses/', '')];
        expect(res.content['application/problem+json'].example).toMatchObject({ status: Number(status), title: expect.any(String), detail: expect.any(String) });
      }
    }
  });
});

describe('the query parameters', () => {
  /**
   * Each handler's routes, read from its source: the text from a route's key to the next key is that
   * route's implementation, and `query.x`, `{ x, y } = query` and `pageOf(query)` are what it reads.
   */
  function readBy(fn: string): Map<string, Set<string>> {
    const src = readFileSync(path.join(ROOT, 'functions', fn, 'handler.ts'), 'utf8');
    const keys = [...src.matchAll(/'((?:GET|POST) \/v1[^']*)':/g)];
    const out = new Map<string, Set<string>>();
    keys.forEach((k, i) => {
      const body = src.slice(k.index, keys[i + 1]?.index ?? src.length);
      const names = new Set<string>([...body.matchAll(/\bquery\.(\w+)/g)].map((m) => m[1]));
      for (const m of body.matchAll(/const \{([^}]+)\} = query\b/g)) for (const n of m[1].split(',')) names.add(n.trim());
      if (/page(Of|Limit)\(query\)/.test(body)) ['limit', ...(/pageOf\(query\)/.test(body) ? ['cursor'] : [])].forEach((n) => names.add(n));
      out.set(k[1], names);
    });
    return out;
  }

  test('every one a handler reads is documented for its route, and none is documented that no handler reads', () => {
    const doc = openApiDocument() as any;
    const fns = [...new Set(ROUTES.map((r) => r.fn))];
    let checked = 0;
    for (const fn of fns) {
      for (const [key, names] of readBy(fn)) {
        const [method, p] = key.split(' ');
        const documented = (doc.paths[p][method.toLowerCase()].parameters as any[]).filter((x) => x.in === 'query').map((x) => x.name);
        expect([key, [...names].sort()]).toEqual([key, [...documented].sort()]);
        checked += names.size;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  test('a list is paged by limit (1..100, 20 by default) and cursor; ?mine=true is required where it is asked for', () => {
    const op = (openApiDocument() as any).paths['/v1/cases'].get;
    expect(op.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'mine', in: 'query', required: true, schema: { type: 'string', enum: ['true'] } }),
        expect.objectContaining({ name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } }),
        expect.objectContaining({ name: 'cursor', in: 'query', required: false }),
      ]),
    );
  });
});
