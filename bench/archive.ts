import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CreateBucketCommand, PutBucketVersioningCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { freePort } from '../local/engines/dynamodb.ts';
import { startRgw } from '../local/engines/rgw.ts';
import { startTsa } from '../local/tsa.ts';
import { minimalPdf } from '../test/support/minimal-pdf.ts';

/**
 * `npm run bench:archive` (issue 9): what archiving a case costs on Ceph RGW. Cases of realistic size
 * (three 1 MB materials, eight notice PDFs of ~40 kB, the licence and its PDF) are packaged (read by version, signed,
 * time-stamped by the local TSA, locked) and stored by the platform's own adapters; the same bytes are
 * PUT raw to the same RGW in the same run; then every package gets its four-property check. S3
 * requests are counted per archived case. Printed, never asserted.
 */
const CASES = Number(process.env.BENCH_N ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

async function main() {
  const dir = path.resolve('.local', 'bench-archive');
  fs.rmSync(dir, { recursive: true, force: true });
  const [rgw, tsa] = await Promise.all([startRgw({ dir: path.join(dir, 'ceph') }), (async () => startTsa({ dir: path.join(dir, 'tsa'), port: await freePort() }))()]);
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: rgw.accessKeyId,
    AWS_SECRET_ACCESS_KEY: rgw.secretAccessKey,
    AWS_ENDPOINT_URL_S3: rgw.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    UPLOADS_BUCKET: 'bench-uploads',
    DOCUMENTS_BUCKET: 'bench-documents',
    ARCHIVE_BUCKET: 'bench-archive',
    TSA_URL: tsa.url,
    LICENCE_SIGNING_KEY_PEM: Buffer.from(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string).toString('base64'),
    ARCHIVE_PUBLIC_ACCESS_FLAGS: '',
  });
  // the platform's adapters, imported once the environment names the engines
  const { s3Client } = await import('../shared/adapters/s3/client.ts');
  const { archiver } = await import('../shared/adapters/s3/archive.ts');
  const { archiveLocks } = await import('../shared/adapters/s3/archive-locks.ts');
  const { archiveStore } = await import('../shared/adapters/s3/archive-store.ts');
  const { uploadStore } = await import('../shared/adapters/s3/uploads.ts');
  const { noticeDocuments } = await import('../shared/adapters/s3/notice-documents.ts');
  const { signer } = await import('../shared/adapters/kms/signer.ts');
  const { timestampAuthority } = await import('../shared/adapters/tsa/client.ts');
  const { formatReader } = await import('../shared/adapters/formats.ts');
  const { assemblePackage } = await import('../shared/domain/efile/assemble.ts');
  const { archiveLock } = await import('../shared/domain/rules/e22-retention.ts');
  const { pdfSignedPart } = await import('../shared/domain/licence.ts');
  const { checkPackage } = await import('../shared/domain/rules/e18-four-properties.ts');
  const { memoryPorts } = await import('../test/unit/support/memory-ports.ts');
  const { completedCase, seedCatalog } = await import('../test/unit/support/fixtures.ts');

  const s3 = s3Client();
  const requests: Record<string, number> = {};
  let counting = false;
  s3.middlewareStack.add((next, ctx) => async (args) => {
    if (counting) requests[ctx.commandName as string] = (requests[ctx.commandName as string] ?? 0) + 1;
    return next(args);
  }, { step: 'initialize', name: 'benchCount' });
  for (const Bucket of ['bench-uploads', 'bench-documents']) {
    await s3.send(new CreateBucketCommand({ Bucket }));
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  }
  await s3.send(new CreateBucketCommand({ Bucket: 'bench-archive', ObjectLockEnabledForBucket: true }));
  const put = async (Bucket: string, Key: string, Body: Buffer) => (await s3.send(new PutObjectCommand({ Bucket, Key, Body, ContentMD5: createHash('md5').update(Body).digest('base64') }))).VersionId!;
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  // one completed case from the domain's own steps, its materials and notices made realistic on RGW
  const mem = memoryPorts({ now: new Date().toISOString() });
  seedCatalog(mem);
  const base = mem.state.cases.get(await completedCase(mem))!;
  // the licence the case issued, with its PDF rendition (~60 kB) signed by the same key as the package [E15]
  const issued = mem.state.licences.get(base.case.result!.licenceId!)!;
  const benchLicence = async (caseId: string) => {
    const bytes = minimalPdf(`licence ${randomBytes(30 * 1024).toString('hex')}`);
    const key = `notices/610113/${caseId}/licence-1.pdf`;
    const versionId = await put('bench-documents', key, bytes);
    const signed = await signer.sign(pdfSignedPart(issued.licenceId, sha(bytes)));
    return { ...issued, pdf: { bucket: 'bench-documents', key, versionId, sha256: sha(bytes), bytes: bytes.length, pages: 1, renderedAt: base.case.completedAt!, missing: [], ...signed } };
  };
  const files = [];
  for (let i = 0; i < CASES; i++) {
    const caseId = `ZW${base.case.caseId.slice(2, 10)}${String(i).padStart(10, '0')}`;
    const materials = await Promise.all(
      ['M01', 'M02', 'M04'].map(async (code) => {
        const bytes = minimalPdf(`${code} ${randomBytes(512 * 1024).toString('hex')}`);
        const objectKey = `uploads/bench/${caseId}/${code}.pdf`;
        return { code, name: `材料 ${code}`, objectKey, versionId: await put('bench-uploads', objectKey, bytes), contentType: 'application/pdf', sha256: sha(bytes), size: bytes.length };
      }),
    );
    const notices = await Promise.all(
      Array.from({ length: 8 }, async (_, n) => {
        const bytes = minimalPdf(`notice ${n} ${randomBytes(20 * 1024).toString('hex')}`);
        const key = `notices/610113/${caseId}/${caseId}.N${n + 1}.pdf`;
        const versionId = await put('bench-documents', key, bytes);
        return { ...base.notices[n % base.notices.length], noticeId: `${caseId}.N${n + 1}`, pdf: { bucket: 'bench-documents', key, versionId, sha256: sha(bytes), bytes: bytes.length, pages: 1, renderedAt: base.case.completedAt!, missing: [] } };
      }),
    );
    files.push({ ...base, case: { ...base.case, caseId, materials }, notices, licence: await benchLicence(caseId) });
  }
  // where the time goes: each port's calls timed (they overlap within a case; the sum is per call)
  const spent: Record<string, number> = {};
  const timed = <T extends object>(name: string, o: T): T =>
    Object.fromEntries(
      Object.entries(o).map(([k, f]) => [
        k,
        async (...a: unknown[]) => {
          const s = performance.now();
          try {
            return await (f as (...x: unknown[]) => Promise<unknown>)(...a);
          } finally {
            spent[`${name}.${k}`] = (spent[`${name}.${k}`] ?? 0) + performance.now() - s;
          }
        },
      ]),
    ) as T;
  const ports = { uploads: timed('uploads', uploadStore), documents: timed('documents', noticeDocuments), signer: timed('signer', signer), timestamps: timed('tsa', timestampAuthority) };
  const pool = async <T>(items: T[], fn: (t: T) => Promise<void>) => {
    const queue = [...items];
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      for (let t = queue.shift(); t !== undefined; t = queue.shift()) await fn(t);
    }));
  };

  // the platform's archive step, as the unified return runs it (less the case table)
  const stored: { file: (typeof files)[number]; record: Awaited<ReturnType<typeof archiver.store>> }[] = [];
  let bytes = 0;
  counting = true;
  const t0 = performance.now();
  await pool(files, async (file) => {
    const lock = archiveLock(file.case.completedAt!, file.case.retention);
    const key = `archive/610113/2026/${file.case.caseId}.xml`;
    if (await archiver.existing(key)) throw new Error('exists');
    const a0 = performance.now();
    const pkg = await assemblePackage(ports, { file, licence: file.licence, deptName: '西安市雁塔区行政审批服务局', retainUntil: lock.retainUntil, createdAt: new Date().toISOString() });
    spent.assemble = (spent.assemble ?? 0) + performance.now() - a0;
    const s0 = performance.now();
    const record = await archiver.store(key, pkg.bytes, lock);
    spent.store = (spent.store ?? 0) + performance.now() - s0;
    await archiveLocks.lockOf(record);
    bytes += pkg.bytes.length;
    stored.push({ file, record });
  });
  const platformMs = performance.now() - t0;
  counting = false;
  const perCase = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, v / CASES]));

  // the same bytes, PUT raw with the same lock
  const bodies = await Promise.all(stored.map(async (s) => archiveStore.read(s.record)));
  const t1 = performance.now();
  let i = 0;
  await pool(bodies, async (Body) => {
    await s3.send(new PutObjectCommand({ Bucket: 'bench-archive', Key: `raw/${i++}.xml`, Body, ContentMD5: createHash('md5').update(Body).digest('base64'), ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: new Date(Date.now() + 86_400_000) }));
  });
  const rawMs = performance.now() - t1;

  // four-property checks of every package, as the runner reads them
  const platformKey = await signer.publicKey();
  const { X509Certificate } = await import('node:crypto');
  const root = new X509Certificate(tsa.caPem);
  const anchors = [{ anchorId: 'TSA', name: 'TSA', certificate: tsa.caPem, subject: root.subject, algorithm: 'ECDSA-P256-SHA256' as const, fingerprint256: root.fingerprint256, notBefore: new Date(root.validFrom).toISOString(), notAfter: new Date(root.validTo).toISOString(), status: 'active' as const, addedAt: '2026-01-01T00:00:00Z', addedBy: { sub: 'b', name: 'b' } }];
  let failures = 0;
  const t2 = performance.now();
  await pool(stored, async ({ file, record }) => {
    const archived = { ...record, format: 'DA/T 48' as const, archivalCode: `${file.case.acceptingDept}-${file.case.completedAt!.slice(0, 4)}-D30-${file.case.caseId}`, retention: file.case.retention, retainUntil: archiveLock(file.case.completedAt!, file.case.retention).retainUntil, mode: 'COMPLIANCE' as const, legalHold: false, archivedAt: file.case.completedAt! };
    const [b, store] = await Promise.all([archiveStore.read(record), archiveStore.report(record)]);
    const r = await checkPackage({ record: archived, file, bytes: b, store, platformKey, anchors, requiredPublicAccess: [] }, formatReader);
    failures += r.failed.length ? 1 : 0;
    if (r.failed.length && failures === 1) console.log('  first failure:', JSON.stringify(r.failed));
  });
  const checkMs = performance.now() - t2;

  const mb = bytes / 1e6;
  console.log(`archive bench on Ceph RGW: ${CASES} cases, ${CONCURRENCY} at a time; each 3 × ~1 MB materials + 8 notices + the licence and its PDF → one package of ${(bytes / CASES / 1e6).toFixed(2)} MB`);
  console.log(`  platform (read by version, sign, time-stamp, one locked PUT, lock read back): ${((CASES * 1000) / platformMs).toFixed(1)} packages/s, ${((mb * 1000) / platformMs).toFixed(1)} MB/s`);
  console.log(`  raw PutObject of the same bytes with the same lock:                          ${((CASES * 1000) / rawMs).toFixed(1)} objects/s, ${((mb * 1000) / rawMs).toFixed(1)} MB/s  → platform/raw ${(rawMs / platformMs).toFixed(2)}×`);
  console.log(`  four-property check: ${((CASES * 1000) / checkMs).toFixed(1)} packages/s, ${((mb * 1000) / checkMs).toFixed(1)} MB/s (${failures} failed)`);
  console.log(`  time per case in each call (ms, overlapping): ${Object.entries(spent).map(([k, v]) => `${k} ${(v / CASES).toFixed(0)}`).join(', ')}`);
  console.log(`  S3 requests per archived case: ${Object.entries(perCase).map(([k, v]) => `${k.replace(/Command$/, '')} ${v}`).join(', ')}`);
  await tsa.stop();
  await rgw.stop();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
