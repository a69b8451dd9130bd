import Ajv from 'ajv';
import { createClient } from '@zwfw/client';
import { citizenJourney } from '../../scripts/smoke/journey';
import { localTarget } from '../../scripts/smoke/target';
import { call, endpoints, token } from './client';

/** API.md: the generated OpenAPI document (GET /v1/openapi.json) is kept in step with the code. */
test('the OpenAPI document is generated from the route table and every route it names is served', async () => {
  const doc = await call('GET', '/v1/openapi.json');
  expect(doc.status).toBe(200);
  expect(doc.body.openapi).toBe('3.0.3');
  // served, it names the deployment it was asked from (here the local runtime), so a client generated from it needs no edit
  expect(doc.body.servers).toEqual([{ url: endpoints.apiUrl, description: 'this deployment' }]);
  const documented = Object.entries<Record<string, unknown>>(doc.body.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
  expect(documented).toEqual(expect.arrayContaining(['POST /v1/cases', 'GET /v1/matters', 'POST /v1/tasks/{taskId}/complete', 'GET /v1/archive/{caseId}']));
  // every documented route exists on the gateway: an unknown route answers 404 problem+json, a known one never does for that reason
  for (const route of documented) {
    const [method, path] = route.split(' ');
    const res = await call(method, path.replace(/\{\w+\}/g, 'X'), method === 'POST' ? { raw: '{}' } : {});
    expect([route, res.body?.detail === 'no such route']).toEqual([route, false]);
  }
  const unknown = await call('GET', '/v1/no-such-route');
  expect(unknown.status).toBe(404);
  expect(unknown.body.detail).toBe('no such route');
  expect(doc.body.components.schemas.CreateCaseRequest.required).toEqual(expect.arrayContaining(['matterCode', 'applicant', 'channel', 'materials']));
});

test('the typed client (packages/client) against the running API: a citizen finds a hall, books a slot, reads and cancels it; a refusal is problem+json', async () => {
  const citizenToken = await token({ sub: `client-${Date.now().toString(36)}`, name: '客户端', roles: ['citizen'], idType: 'resident_id', idNumber: '610113199001011230' });
  const api = createClient({ baseUrl: endpoints.apiUrl, token: citizenToken });
  const halls = await api.GET('/v1/halls');
  expect(halls.response.status).toBe(200);
  const from = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 8 * 3600_000 + 10 * 86_400_000).toISOString().slice(0, 10);
  const slots = await api.GET('/v1/halls/{hallId}/slots', { params: { path: { hallId: '610104' }, query: { from, to, limit: 100 } as never } });
  expect(slots.response.status).toBe(200);
  const free = (slots.data as any).items.find((s: any) => s.remaining > 0);
  const booked = await api.POST('/v1/bookings', { params: { header: { 'Idempotency-Key': `client-${Date.now()}` } }, body: { slotId: free.slotId, matterCode: (await firstMatterOf('610104')) } });
  expect([booked.response.status, (booked.data as any)?.status]).toEqual([201, 'booked']);
  const id = (booked.data as any).bookingId as string;
  expect((await api.GET('/v1/bookings/{bookingId}', { params: { path: { bookingId: id } } })).response.status).toBe(200);
  expect(((await api.POST('/v1/bookings/{bookingId}/cancel', { params: { path: { bookingId: id } } })).data as any).status).toBe('cancelled');
  const refused = await api.GET('/v1/bookings/{bookingId}', { params: { path: { bookingId: 'x'.repeat(30) } } });
  expect([refused.response.status, refused.response.headers.get('content-type'), (refused.error as any)?.status]).toEqual([404, 'application/problem+json', 404]);
});

/** A published matter a county's centre receives, from the catalog search. */
async function firstMatterOf(region: string): Promise<string> {
  const r = await call('GET', `/v1/matters?region=${region}&limit=1`);
  return r.body.items[0].code;
}

test('what the routes answer is what the document says they answer: every described response, from a whole journey, holds to its schema', async () => {
  const seen: { method: string; path: string; status: number; body: unknown }[] = [];
  const recording: typeof fetch = async (input, init) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const res = await fetch(req);
    const u = new URL(req.url);
    if (u.origin === new URL(endpoints.apiUrl).origin && res.headers.get('content-type')?.startsWith('application/json')) seen.push({ method: req.method, path: u.pathname, status: res.status, body: await res.clone().json() });
    return res;
  };
  await citizenJourney(localTarget(process.env.E2E_ENDPOINTS!), { fetch: recording });

  const doc = (await call('GET', '/v1/openapi.json')).body;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema(doc, 'openapi');
  const operations = Object.entries<Record<string, any>>(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), re: new RegExp(`^${p.replace(/\{\w+\}/g, '[^/]+')}$`), op })),
  );
  const checked = new Set<string>();
  for (const s of seen) {
    const o = operations.find((x) => x.method === s.method && x.re.test(s.path));
    const ref: string | undefined = o?.op.responses[String(s.status)]?.content?.['application/json']?.schema?.$ref;
    if (!ref) continue;
    const validate = ajv.getSchema(`openapi${ref}`)!;
    expect([s.method, s.path, validate(s.body) ? 'valid' : validate.errors]).toEqual([s.method, s.path, 'valid']);
    checked.add(ref.split('/').pop()!);
  }
  expect([...checked].sort()).toEqual(['ArchiveRecord', 'CaseView', 'MatterPage', 'Receipt', 'TaskOutcome', 'TaskPage', 'UploadLinks']);
}, 120_000);
