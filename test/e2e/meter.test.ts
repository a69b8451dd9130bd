import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Meter, meterDynamoDb, meterS3 } from '../../local/meter';
import { bucketName, endpoints, tableName } from './client';

/**
 * The cost meter on the real engines (npm run cost): in front of DynamoDB Local it records the units
 * the engine reports for the table and the index writes DynamoDB would charge; in front of the RGW it
 * counts requests by price tier, and SigV4 still verifies through it.
 */
const meter = new Meter();
let stops: (() => Promise<void>)[] = [];
let doc: DynamoDBDocumentClient;
let s3: S3Client;
const cases = tableName('CasesTable');
const run = `meter-${Date.now()}`;

beforeAll(async () => {
  const d = await meterDynamoDb(endpoints.dynamodb.endpoint, meter, endpoints.region, endpoints.credentials);
  const s = await meterS3(endpoints.s3.endpoint, meter);
  stops = [d.stop, s.stop];
  doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: d.endpoint, region: endpoints.region, credentials: endpoints.credentials }));
  s3 = new S3Client({ endpoint: s.endpoint, region: endpoints.region, credentials: endpoints.credentials, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
});
afterAll(async () => {
  doc.destroy();
  s3.destroy();
  for (const s of stops) await s();
});

test('DynamoDB: table units as the engine reports them, index units as DynamoDB charges them, by item kind', async () => {
  meter.reset();
  const key = { pk: `CASE#${run}`, sk: 'TASK#1' };
  // a task enters the work queue index (ALL) and the deadline index (KEYS_ONLY)
  await doc.send(new PutCommand({ TableName: cases, Item: { ...key, queuePk: `QUEUE#${run}`, queueSk: '2026-12-31#1', dlPk: `OPEN#${run}`, dlSk: 'a', note: 'x' } }));
  expect([meter.wru.get(cases), meter.wru.get(`${cases}/workQueue`), meter.wru.get(`${cases}/byDeadline`)]).toEqual([1, 1, 1]);
  // a change the keys-only index does not hold costs it nothing; the ALL index rewrites its copy
  await doc.send(new UpdateCommand({ TableName: cases, Key: key, UpdateExpression: 'SET note = :n', ExpressionAttributeValues: { ':n': 'y' } }));
  expect([meter.wru.get(cases), meter.wru.get(`${cases}/workQueue`), meter.wru.get(`${cases}/byDeadline`)]).toEqual([2, 2, 1]);
  // a key change is a delete and a put there (and the ALL index, which holds every attribute, rewrites its copy)
  await doc.send(new UpdateCommand({ TableName: cases, Key: key, UpdateExpression: 'SET dlSk = :n', ExpressionAttributeValues: { ':n': 'b' } }));
  expect([meter.wru.get(`${cases}/byDeadline`), meter.wru.get(`${cases}/workQueue`)]).toEqual([3, 3]);
  // leaving the queue is a delete there; a transaction is charged twice
  await doc.send(new TransactWriteCommand({ TransactItems: [{ Update: { TableName: cases, Key: key, UpdateExpression: 'REMOVE queuePk, queueSk' } }] }));
  expect([meter.wru.get(cases), meter.wru.get(`${cases}/workQueue`)]).toEqual([3 + 2, 3 + 2]);
  expect(meter.itemWrites.get('CasesTable TASK')).toMatchObject({ writes: 4, units: 1 + 1 + 1 + 2 });
  // a refused write is charged too
  await expect(doc.send(new PutCommand({ TableName: cases, Item: key, ConditionExpression: 'attribute_not_exists(pk)' }))).rejects.toThrow();
  expect(meter.wru.get(cases)).toBe(6);
  await doc.send(new QueryCommand({ TableName: cases, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': key.pk } }));
  expect(meter.rru.get(cases)).toBe(0.5);
  expect(Object.fromEntries(meter.ddbOps)).toEqual({ PutItem: 2, UpdateItem: 2, TransactWriteItems: 1, Query: 1 });
});

test('S3: requests by tier and bytes by bucket, the signature verified through the proxy', async () => {
  meter.reset();
  const Bucket = bucketName('documentsbucket');
  await s3.send(new PutObjectCommand({ Bucket, Key: `${run}.txt`, Body: 'hello meter' }));
  const got = await s3.send(new GetObjectCommand({ Bucket, Key: `${run}.txt` }));
  expect(await got.Body!.transformToString()).toBe('hello meter');
  expect(Object.fromEntries(meter.s3)).toEqual({ PUT: 1, GET: 1 });
  expect(meter.s3Bytes.get(Bucket)).toBe(11);
});
