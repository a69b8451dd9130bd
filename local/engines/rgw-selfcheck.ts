/**
 * Boots the local S3 (Ceph RGW, ./rgw.ts) into a temp folder and proves, with the AWS SDK, that Object
 * Lock really holds: COMPLIANCE retention refuses the delete of a locked version even with
 * BypassGovernanceRetention, and a presigned PUT works with plain fetch(). Prints timings and memory.
 *
 *   npx tsx local/engines/rgw-selfcheck.ts
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  S3Client,
  CreateBucketCommand,
  PutObjectLockConfigurationCommand,
  GetObjectLockConfigurationCommand,
  GetBucketVersioningCommand,
  PutObjectCommand,
  GetObjectCommand,
  GetObjectRetentionCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { startRgw, type RgwEngine } from './rgw.ts';

const timings: [string, number][] = [];
async function timed<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    timings.push([what, performance.now() - t]);
  }
}

function check(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Error(`FAILED: ${what}`);
  console.log(`  ok  ${what}`);
}

async function rssKiB(pid: number): Promise<number> {
  try {
    const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function bodyText(body: unknown): Promise<string> {
  return (body as { transformToString(): Promise<string> }).transformToString();
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rgw-selfcheck-'));
  let engine: RgwEngine | undefined;
  try {
    engine = await timed('boot (startRgw)', () => startRgw({ dir, log: (l) => console.log(l) }));
    const s3 = new S3Client({
      endpoint: engine.endpoint,
      region: engine.region,
      credentials: { accessKeyId: engine.accessKeyId, secretAccessKey: engine.secretAccessKey },
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });

    const Bucket = 'selfcheck-locked';
    await timed('CreateBucket (object lock; first bucket creates the data pools)', () =>
      s3.send(new CreateBucketCommand({ Bucket, ObjectLockEnabledForBucket: true })),
    );
    const versioning = await s3.send(new GetBucketVersioningCommand({ Bucket }));
    check(versioning.Status === 'Enabled', 'an Object Lock bucket has versioning enabled');

    await timed('PutObjectLockConfiguration', () =>
      s3.send(
        new PutObjectLockConfigurationCommand({
          Bucket,
          ObjectLockConfiguration: {
            ObjectLockEnabled: 'Enabled',
            Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 1 } },
          },
        }),
      ),
    );
    const lockConf = await s3.send(new GetObjectLockConfigurationCommand({ Bucket }));
    check(
      lockConf.ObjectLockConfiguration?.Rule?.DefaultRetention?.Mode === 'COMPLIANCE' &&
        lockConf.ObjectLockConfiguration.Rule.DefaultRetention.Days === 1,
      'bucket default retention is COMPLIANCE, 1 day',
    );

    // RGW 16 has no flexible checksums: Object Lock PUTs carry Content-MD5, computed here.
    const Key = 'materials/receipt.txt';
    const body = Buffer.from(`受理回执 ${new Date().toISOString()}\n`, 'utf8');
    const ContentMD5 = createHash('md5').update(body).digest('base64');
    const retainUntil = new Date(Date.now() + 24 * 3600 * 1000);
    const put = await timed('PutObject (COMPLIANCE, retain 1 day, Content-MD5)', () =>
      s3.send(
        new PutObjectCommand({
          Bucket,
          Key,
          Body: body,
          ContentMD5,
          ContentType: 'text/plain; charset=utf-8',
          ObjectLockMode: 'COMPLIANCE',
          ObjectLockRetainUntilDate: retainUntil,
        }),
      ),
    );
    check(typeof put.VersionId === 'string' && put.VersionId.length > 0, `PutObject returned a VersionId (${put.VersionId})`);

    const retention = await s3.send(new GetObjectRetentionCommand({ Bucket, Key, VersionId: put.VersionId }));
    check(retention.Retention?.Mode === 'COMPLIANCE', 'the version is under COMPLIANCE retention');
    const until = retention.Retention?.RetainUntilDate?.getTime() ?? 0;
    check(Math.abs(until - retainUntil.getTime()) < 2000, `retain-until is one day ahead (${retention.Retention?.RetainUntilDate?.toISOString()})`);

    // Content-MD5 is really checked: a wrong one is refused.
    const badMd5 = await s3
      .send(new PutObjectCommand({ Bucket, Key: 'bad-md5', Body: body, ContentMD5: createHash('md5').update('other').digest('base64') }))
      .then(() => 'accepted', (e: Error) => e.name);
    check(badMd5 === 'BadDigest', `a wrong Content-MD5 is refused (${badMd5})`);

    const refused = await timed('DeleteObject of the locked version (expected refusal)', () =>
      s3.send(new DeleteObjectCommand({ Bucket, Key, VersionId: put.VersionId, BypassGovernanceRetention: true })).then(
        () => undefined,
        (e: Error & { $metadata?: { httpStatusCode?: number } }) => e,
      ),
    );
    check(refused !== undefined, 'DeleteObject of a COMPLIANCE-locked version (with BypassGovernanceRetention) is refused');
    check(
      refused.$metadata?.httpStatusCode === 403 && refused.name === 'AccessDenied',
      `... with 403 AccessDenied (got ${refused.$metadata?.httpStatusCode} ${refused.name})`,
    );
    const still = await s3.send(new GetObjectCommand({ Bucket, Key, VersionId: put.VersionId }));
    check((await bodyText(still.Body)) === body.toString('utf8'), 'the locked version is still there, byte for byte');

    // Presigned PUT with a signed content-type and a signed x-amz-meta-sha256 header. The presigner
    // hoists x-amz-meta-* into the query string unless told not to (unhoistableHeaders); hoisted, the
    // header is unsigned, and a client that also sends it gets "v,v" stored on RGW (see info below).
    const UploadsBucket = 'selfcheck-uploads';
    await s3.send(new CreateBucketCommand({ Bucket: UploadsBucket }));
    const upload = Buffer.from('%PDF-1.4 fake material\n');
    const sha256 = createHash('sha256').update(upload).digest('hex');
    const upKey = 'uploads/user-1/material.pdf';
    const url = await getSignedUrl(
      s3,
      new PutObjectCommand({ Bucket: UploadsBucket, Key: upKey, ContentType: 'application/pdf', Metadata: { sha256 } }),
      {
        expiresIn: 300,
        signableHeaders: new Set(['content-type', 'x-amz-meta-sha256']),
        unhoistableHeaders: new Set(['x-amz-meta-sha256']),
      },
    );
    const headers = { 'content-type': 'application/pdf', 'x-amz-meta-sha256': sha256 };
    const res = await timed('presigned PUT via fetch()', () => fetch(url, { method: 'PUT', body: upload, headers }));
    const resText = await res.text();
    check(res.status === 200, `presigned PUT with fetch() answers 200 (got ${res.status} ${resText.slice(0, 200)})`);
    const head = await s3.send(new HeadObjectCommand({ Bucket: UploadsBucket, Key: upKey }));
    check(
      head.Metadata?.sha256 === sha256 && head.ContentType === 'application/pdf',
      `the presigned upload kept its signed metadata and type (${JSON.stringify(head.Metadata)}, ${head.ContentType})`,
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: UploadsBucket, Key: upKey }));
    check((await bodyText(got.Body)) === upload.toString(), 'the presigned upload reads back byte for byte');
    for (const [what, h] of [
      ['content-type', { ...headers, 'content-type': 'text/html' }],
      ['x-amz-meta-sha256', { ...headers, 'x-amz-meta-sha256': '0'.repeat(64) }],
    ] as const) {
      const r = await fetch(url, { method: 'PUT', body: upload, headers: h });
      await r.text();
      check(r.status === 403, `a presigned PUT with a different ${what} is refused (${r.status})`);
    }

    // Info only: the same URL signed without unhoistableHeaders (metadata travels in the query).
    const hoistedUrl = await getSignedUrl(
      s3,
      new PutObjectCommand({ Bucket: UploadsBucket, Key: 'hoisted', ContentType: 'application/pdf', Metadata: { sha256 } }),
      { expiresIn: 300, signableHeaders: new Set(['content-type', 'x-amz-meta-sha256']) },
    );
    await (await fetch(hoistedUrl, { method: 'PUT', body: upload, headers })).text();
    const hoisted = await s3.send(new HeadObjectCommand({ Bucket: UploadsBucket, Key: 'hoisted' }));
    console.log(
      `  info presigned with x-amz-meta-sha256 hoisted to the query (SignedHeaders=${new URL(hoistedUrl).searchParams.get('X-Amz-SignedHeaders')}), ` +
        `client also sends the header: stored sha256 = ${JSON.stringify(hoisted.Metadata?.sha256)}`,
    );

    // Info only: a presigned PUT straight into the Object Lock bucket (default retention applies).
    const lockedUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket, Key: 'presigned-into-locked' }), { expiresIn: 300 });
    const lockedRes = await fetch(lockedUrl, { method: 'PUT', body: upload });
    console.log(`  info presigned PUT into the Object Lock bucket without Content-MD5: ${lockedRes.status} ${(await lockedRes.text()).slice(0, 160)}`);

    const mem: string[] = [];
    let total = 0;
    for (const p of engine.processes) {
      const kib = await rssKiB(p.pid);
      total += kib;
      mem.push(`${p.name} ${(kib / 1024).toFixed(0)} MB`);
    }
    console.log(`memory (RSS): ${(total / 1024).toFixed(0)} MB total (${mem.join(', ')})`);
    s3.destroy();
  } finally {
    const pids = engine?.processes.map((p) => p.pid) ?? [];
    if (engine) await timed('stop()', () => engine!.stop());
    const alive = pids.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    if (alive.length) console.error(`still alive after stop(): ${alive.join(', ')}`);
    await fs.rm(dir, { recursive: true, force: true });
  }
  console.log('timings:');
  for (const [what, ms] of timings) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${what}`);
  console.log('rgw selfcheck: PASS');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  console.error('rgw selfcheck: FAIL');
  process.exitCode = 1;
});
