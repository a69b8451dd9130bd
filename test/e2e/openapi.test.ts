import { createClient } from '@zwfw/client';
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
