import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@zwfw/client';

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMA_FILE = path.join(ROOT, 'packages', 'client', 'src', 'schema.ts');

/** The typed client (packages/client): its types are the OpenAPI document's, and it sends what the API reads. */
describe('the typed client', () => {
  test('its generated types are in step with the OpenAPI document (run `npm run client:generate` when this fails)', async () => {
    const generated = execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'client-generate.ts'), '--stdout'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  test('sends the path, query, Idempotency-Key, JSON body and bearer token the document names', async () => {
    const seen: Request[] = [];
    const client = createClient({
      baseUrl: 'http://api.test/prod/',
      token: () => 'tok-1',
      fetch: async (input: Parameters<typeof fetch>[0]) => {
        seen.push(input as Request);
        return new Response(JSON.stringify({ bookingId: 'BK1' }), { status: 201, headers: { 'content-type': 'application/json' } });
      },
    });
    const { data, response } = await client.POST('/v1/bookings', { params: { header: { 'Idempotency-Key': 'k-1' } }, body: { slotId: '610113.W01.20261203T0900', matterCode: 'M' } });
    expect([response.status, data]).toEqual([201, { bookingId: 'BK1' }]);
    const [req] = seen;
    expect([req.method, req.url, req.headers.get('authorization'), req.headers.get('idempotency-key')]).toEqual(['POST', 'http://api.test/prod/v1/bookings', 'Bearer tok-1', 'k-1']);
    expect(await req.json()).toEqual({ slotId: '610113.W01.20261203T0900', matterCode: 'M' });
    await client.GET('/v1/halls/{hallId}/slots', { params: { path: { hallId: '610113' }, query: { limit: 100 } as never } });
    expect(seen[1].url).toBe('http://api.test/prod/v1/halls/610113/slots?limit=100');
  });
});
