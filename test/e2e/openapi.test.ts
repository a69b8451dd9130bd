import { call, endpoints } from './client';

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
