import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { buildIndex, type IndexedItem } from '../../catalog/search-index.ts';
import { logger } from '../observability.ts';
import { listPublishedAcross, type MatterSummary } from '../dynamodb/catalog.ts';
import { shaanxiRegions } from '../../catalog/regions.ts';
import { dynamo } from '../dynamodb/client.ts';
import { CATALOG_META_KEY } from '../dynamodb/keys.ts';
import { env } from '../env.ts';
import { s3Client } from '../s3/client.ts';
import { POINTER_KEY, type IndexPointer } from './pointer.ts';

/**
 * Publishing the catalog [N8] (在陕西政务服务网上公布): the search index is built from every published
 * matter and stored in the catalog bucket, then `search/current.json` is pointed at it. The lookup
 * Lambdas notice the new pointer within a minute; a half-written index is never pointed at.
 */
export function toIndexed(m: MatterSummary): IndexedItem {
  return {
    code: m.code,
    baseCode: m.baseCode,
    name: m.name,
    type: m.type,
    level: m.level,
    dept: m.dept,
    deptName: m.deptName,
    // a township item is found under its 9-digit township code (search-index.ts visibleRegions)
    region: m.township ?? m.region,
    regionName: m.townshipName ? `${m.regionName}${m.townshipName}` : m.regionName,
    promiseDays: m.promiseDays,
    legalDays: m.legalDays,
    onlineDepth: m.onlineDepth,
    ...(m.handlingItem ? { handlingItem: m.handlingItem } : {}),
    keywords: m.keywords ?? [],
  };
}

export async function publishCatalog(now = () => new Date()): Promise<IndexPointer> {
  const started = Date.now();
  const matters = await listPublishedAcross(shaanxiRegions().map((r) => r.code));
  const bytes = buildIndex(matters.map(toIndexed));
  const body = gzipSync(bytes, { level: 9 });
  const builtAt = now().toISOString();
  const sha256 = createHash('sha256').update(body).digest('hex');
  const key = `search/index-${builtAt.replace(/[:.]/g, '')}-${sha256.slice(0, 12)}.bin.gz`;
  const Bucket = env('CATALOG_BUCKET');
  const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('base64');
  await s3Client().send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: 'application/octet-stream', ContentMD5: md5(body) }));
  const pointer: IndexPointer = { key, sha256, items: matters.length, bytes: body.length, builtAt, buildMs: Date.now() - started };
  const json = JSON.stringify(pointer);
  await s3Client().send(new PutObjectCommand({ Bucket, Key: POINTER_KEY, Body: Buffer.from(json), ContentType: 'application/json', ContentMD5: md5(json) }));
  await dynamo().send(
    new UpdateCommand({
      TableName: env('CATALOG_TABLE'),
      Key: CATALOG_META_KEY,
      UpdateExpression: 'SET publishedAt = :b, #i = :p',
      ExpressionAttributeNames: { '#i': 'index' },
      ExpressionAttributeValues: { ':b': builtAt, ':p': pointer },
    }),
  );
  logger.info('catalog published', { ...pointer });
  return pointer;
}
