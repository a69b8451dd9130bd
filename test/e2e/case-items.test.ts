import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { call, ddb, pdf, submitOnline, tableName, token, upload, citizenToken } from './client';

/**
 * What a step writes costs by the size of the items it writes: the case item, rewritten at every step,
 * does not carry what was filed; that sits in its own item, written at filing and on a correction only.
 */
const run = Date.now().toString(36);
const item = async (caseId: string, sk: string) =>
  (await ddb().send(new GetCommand({ TableName: tableName('CasesTable'), Key: { pk: `CASE#${caseId}`, sk }, ConsistentRead: true }))).Item;

test('materials live in the filing item: rewritten by a correction, untouched by acceptance, and the case still shows them', async () => {
  const citizen = await citizenToken(`citizen-items-${run}`, { type: 'person', name: '吴存储', idNumber: '610113199001011230' });
  const clerk = await token({ sub: `clerk-items-${run}`, roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
  const caseId = await submitOnline(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], `items-${run}`, { type: 'person', name: '吴存储', idNumber: '610113199001011230' });

  const filed = await item(caseId, 'CASE#FILING');
  expect(filed!.materials.map((m: any) => m.code)).toEqual(expect.arrayContaining(['M01', 'M02', 'M04', 'M05']));
  expect((await item(caseId, 'CASE'))!.materials).toBeUndefined();

  await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'correction', missing: ['M04'], reason: '图纸不清晰' } });
  const m04 = await upload(citizen, pdf('M04 again'));
  expect((await call('POST', `/v1/cases/${caseId}/corrections`, { token: citizen, body: { materials: [{ code: 'M04', objectKey: m04 }] } })).status).toBe(200);
  const corrected = await item(caseId, 'CASE#FILING');
  expect(corrected!.materials.find((m: any) => m.code === 'M04').objectKey).toBe(m04);

  expect((await call('POST', `/v1/tasks/${caseId}.A2/complete`, { token: clerk, body: { decision: 'accept' } })).status).toBe(200);
  expect(await item(caseId, 'CASE#FILING')).toEqual(corrected);
  const view = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
  expect(['accepted', 'in_review']).toContain(view.body.status);
  expect(view.body.materials.find((m: any) => m.code === 'M04').objectKey).toBe(m04);
});
