import fs from 'node:fs';
import path from 'node:path';
import { costPerMillion, type CaseWork, type Prices } from '../../bench/cost-model';
import { itemBytes, s3Kind } from '../../local/meter';

const prices: Prices = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'bench', 'prices-us-east-1.json'), 'utf8'));

const nothing: CaseWork = { apiRequests: 0, lambda: [], workflows: [], readUnits: 0, writeUnits: 0, s3: { tier1: 0, tier2: 0 }, signatures: 0, functionLogBytes: 0, tracedOutsideApi: 0 };
const line = (c: ReturnType<typeof costPerMillion>, service: string, what?: string) => c.lines.find((l) => l.service === service && (!what || l.what.startsWith(what)))!.perMillion;

describe('the cost model (bench/cost-model.ts)', () => {
  test('the prices are dated data with their sources', () => {
    expect(prices.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(prices.sources.length).toBeGreaterThan(5);
  });

  test('prices each service per million cases from the units it was given', () => {
    const c = costPerMillion({ ...nothing, apiRequests: 20, writeUnits: 96, readUnits: 40, s3: { tier1: 10, tier2: 8 }, signatures: 2 }, prices);
    expect(line(c, 'API Gateway (REST)')).toBeCloseTo(70, 6); // 20 × $3.50
    expect(line(c, 'DynamoDB', 'write')).toBeCloseTo(60, 6); // 96 × $0.625
    expect(line(c, 'DynamoDB', 'read')).toBeCloseTo(5, 6);
    expect(line(c, 'S3', 'PUT')).toBeCloseTo(50, 6); // 10 × $5 per million
    expect(line(c, 'S3', 'GET')).toBeCloseTo(3.2, 6);
    expect(line(c, 'KMS')).toBeCloseTo(30, 6);
    expect(c.total).toBeCloseTo(70 + 60 + 5 + 50 + 3.2 + 30 + line(c, 'CloudWatch Logs') + line(c, 'X-Ray'), 6);
  });

  test('Lambda by GB-seconds at each function’s memory; Express by execution and 100 ms steps at 64 MB; Standard by transition', () => {
    const c = costPerMillion({ ...nothing, lambda: [{ name: 'a', invocations: 2, ms: 1000, memoryMB: 1024 }], workflows: [{ name: 'w', executions: 2, transitions: 10, ms: 200 }] }, prices);
    expect(line(c, 'Lambda', 'GB-seconds')).toBeCloseTo(1 * prices.prices.lambdaArmPerGbSecond * 1e6, 6);
    expect(line(c, 'Lambda', 'invocations')).toBeCloseTo(0.4, 6);
    expect(line(c, 'Step Functions (Express)', 'executions')).toBeCloseTo(2, 6);
    // two executions billed 100 ms each (rounded by the meter's caller): 200 ms at 64 MB
    expect(line(c, 'Step Functions (Express)', 'GB-hours')).toBeCloseTo((0.2 / 3600) * (64 / 1024) * 0.06 * 1e6, 6);
    const std = c.standard.lines.find((l) => l.service.includes('Standard'))!;
    expect(std.perCase).toBe(10 + 5 + 1);
    expect(std.perMillion).toBeCloseTo(16 * 25, 6);
  });
});

describe('the meter’s rules (local/meter.ts)', () => {
  test('item sizes as DynamoDB counts them', () => {
    expect(itemBytes({ pk: { S: 'CASE#1' } })).toBe(2 + 6);
    expect(itemBytes({ n: { N: '12345' } })).toBe(1 + 4);
    expect(itemBytes({ m: { M: { a: { S: 'xy' } } } })).toBe(1 + 3 + 1 + 1 + 2);
    expect(itemBytes({ 名: { S: '王' } })).toBe(3 + 3);
  });

  test('S3 requests by price tier, path-style', () => {
    expect(s3Kind('PUT', '/b/k.pdf?x-id=PutObject', {})).toBe('PUT');
    expect(s3Kind('PUT', '/b/k.pdf', { 'x-amz-copy-source': '/a/k' })).toBe('COPY');
    expect(s3Kind('GET', '/b/k.pdf', {})).toBe('GET');
    expect(s3Kind('GET', '/b?list-type=2', {})).toBe('LIST');
    expect(s3Kind('HEAD', '/b/k', {})).toBe('HEAD');
    expect(s3Kind('DELETE', '/b/k?versionId=1', {})).toBe('DELETE');
  });
});
