import { DeleteObjectCommand, GetObjectLegalHoldCommand, GetObjectRetentionCommand, ListObjectVersionsCommand, PutObjectLegalHoldCommand } from '@aws-sdk/client-s3';
import { DEMO_COMPANY_MATTER_CODE, DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { readOutside, type OutsideReading } from '../support/efile';
import { requireTool } from '../support/tools';
import { approveCase, archivedPackage, call, citizenToken, endpoints, s3, sha256, submitOnline, token, upload, pdf } from './client';

/**
 * The archive as a court or the provincial archives bureau would examine it [E18] [E22] [E24]: one
 * object per case on Ceph RGW, read with xmllint and OpenSSL alone, its time-stamp checked against the
 * TSA's root, its lock as the store reports it, and nothing the store would let anyone undo.
 */
jest.setTimeout(180_000);

const run = Date.now().toString(36);
const DEPT = '610113-XZSP';
const company = { type: 'org', name: '西安雁塔档案测试有限公司', idNumber: '91610113MA6TE5T01J' };
const person = { type: 'person', name: '宋档案', idNumber: '610113198505050036' };

describe('one DA/T 48 package per case, checked from outside [E24]', () => {
  let caseId: string;
  let record: any;
  let pkg: OutsideReading;
  let bytes: Buffer;
  const materials = { M01: pdf('食品经营许可申请书 档案'), M04: pdf('食品安全管理制度'), M05: pdf('主要设备设施布局') };

  beforeAll(async () => {
    requireTool('openssl');
    const citizen = await citizenToken(`arc-${run}`, person);
    const filed = await Promise.all(Object.entries(materials).map(async ([code, b]) => ({ code, objectKey: await upload(citizen, b) })));
    // M02 (营业执照) as a scan: this applicant holds no e-licence
    filed.push({ code: 'M02', objectKey: await upload(citizen, pdf('营业执照扫描件')) });
    const res = await call('POST', '/v1/cases', { token: citizen, body: { matterCode: DEMO_FOOD_MATTER_CODE, applicant: person, channel: 'online', materials: filed }, headers: { 'Idempotency-Key': `arc-${run}` } });
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    caseId = res.body.caseId;
    await approveCase(citizen, caseId, DEPT, `arc-${run}`);
    const archivist = await token({ sub: `archivist-${run}`, roles: ['archivist'], region: '610000' });
    record = (await call('GET', `/v1/archive/${caseId}`, { token: archivist })).body;
    bytes = await archivedPackage(record);
    pkg = readOutside(bytes);
  });

  test('the case is one object, one version, its SHA-256 as recorded, under the region and year it was filed in', async () => {
    expect(record.key).toBe(`archive/610113/${caseId.slice(2, 6)}/${caseId}.xml`);
    expect(sha256(bytes)).toBe(record.sha256);
    expect(record).toMatchObject({ format: 'DA/T 48', bytes: bytes.length, archivalCode: `${DEPT}-${new Date().getFullYear()}-D30-${caseId}` });
    const versions = await s3().send(new ListObjectVersionsCommand({ Bucket: record.bucket, Prefix: `archive/610113/${caseId.slice(2, 6)}/${caseId}` }));
    expect((versions.Versions ?? []).map((v) => [v.Key, v.VersionId])).toEqual([[record.key, record.versionId]]);
  });

  test('xmllint reads it; OpenSSL verifies the signature over the signed object and the lock over everything before it', () => {
    expect(pkg.text('name(/*)')).toBe('电子文件封装包');
    expect(pkg.signatureVerifies()).toBe(true);
    expect(pkg.lockVerifies()).toBe(true);
  });

  test('the signature is time-stamped by the deployment’s RFC 3161 authority: openssl ts -verify against its root, at the time of archiving', () => {
    expect(pkg.timestampVerifies(endpoints.tsa.caFile)).toBe(true);
    expect(Math.abs(Date.parse(pkg.timestampTime()) - Date.parse(record.archivedAt))).toBeLessThan(120_000);
    // a root the TSA did not chain to does not verify it
    expect(pkg.timestampVerifies('/etc/ssl/certs/ca-certificates.crt')).toBe(false);
  });

  test('every material is the version intake checked, every notice the PDF as issued, and each part’s stated size and hash are its own', async () => {
    const citizen = await citizenToken(`arc-${run}`, person);
    const c = (await call('GET', `/v1/cases/${caseId}`, { token: citizen })).body;
    for (const [code, b] of Object.entries(materials)) expect([code, sha256(pkg.part(code))]).toEqual([code, sha256(b)]);
    for (const n of c.notices) expect([n.noticeId, sha256(pkg.part(n.noticeId))]).toEqual([n.noticeId, n.document.sha256]);
    for (const id of pkg.ids()) {
      const part = pkg.part(id);
      expect([id, pkg.stated(id).sha256, pkg.stated(id).size]).toEqual([id, sha256(part), part.length]);
    }
    expect(pkg.ids()).toEqual(expect.arrayContaining(['M01', 'M02', 'M04', 'M05', 'licence', 'audit']));
    // the audit trail inside is the case's own, event for event
    const audit = pkg.part('audit').toString();
    expect((audit.match(/<事件 /g) ?? []).length).toBe(c.timeline.length - 1);
  });

  test('COMPLIANCE until the 30-year retention has passed, as the store reports it; delete and lock changes are refused by the store itself [E18] [E22]', async () => {
    const ref = { Bucket: record.bucket, Key: record.key, VersionId: record.versionId };
    const ret = await s3().send(new GetObjectRetentionCommand(ref));
    expect([ret.Retention?.Mode, ret.Retention?.RetainUntilDate?.toISOString()]).toEqual(['COMPLIANCE', `${new Date().getFullYear() + 31}-01-01T00:00:00.000Z`]);
    expect(record.retainUntil).toBe(ret.Retention?.RetainUntilDate?.toISOString());
    const del = await s3()
      .send(new DeleteObjectCommand({ ...ref, BypassGovernanceRetention: true }))
      .then(() => 'deleted', (err) => err.name);
    expect(del).toBe('AccessDenied');
  });

  test('only the region’s archivists get a link to the package, and it serves exactly these bytes', async () => {
    const archivist = await token({ sub: `archivist-${run}`, roles: ['archivist'], region: '610113' });
    const link = await call('GET', `/v1/archive/${caseId}/package`, { token: archivist });
    expect(link.status).toBe(200);
    const got = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
    expect(sha256(got)).toBe(record.sha256);
    const elsewhere = await token({ sub: `archivist-lh-${run}`, roles: ['archivist'], region: '610104' });
    expect((await call('GET', `/v1/archive/${caseId}/package`, { token: elsewhere })).status).toBe(404);
    const supervisor = await token({ sub: `sup-${run}`, roles: ['supervisor'], region: '610000' });
    expect((await call('GET', `/v1/archive/${caseId}/package`, { token: supervisor })).status).toBe(403);
  });
});

describe('a permanent package on RGW [E22] [E26]', () => {
  test('carries a legal hold and the latest retain-until the engine can hold (2106), both read back as written; a hold lifted around the platform still leaves the COMPLIANCE retention in force', async () => {
    const citizen = await citizenToken(`arc-co-${run}`, company);
    const caseId = await submitOnline(citizen, DEMO_COMPANY_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], `arc-co-${run}`, company);
    await approveCase(citizen, caseId, DEPT, `arc-co-${run}`);
    const archivist = await token({ sub: `archivist-${run}`, roles: ['archivist'], region: '610000' });
    const a = (await call('GET', `/v1/archive/${caseId}`, { token: archivist })).body;
    expect(a).toMatchObject({ retention: 'permanent', legalHold: true, retainUntil: '2106-01-01T00:00:00.000Z' });
    const ref = { Bucket: a.bucket, Key: a.key, VersionId: a.versionId };
    const [ret, hold] = await Promise.all([s3().send(new GetObjectRetentionCommand(ref)), s3().send(new GetObjectLegalHoldCommand(ref))]);
    expect([ret.Retention?.Mode, ret.Retention?.RetainUntilDate?.toISOString(), hold.LegalHold?.Status]).toEqual(['COMPLIANCE', '2106-01-01T00:00:00.000Z', 'ON']);
    expect(readOutside(await archivedPackage(a)).text('//文件实体/保管期限')).toBe('永久');
    const del = await s3()
      .send(new DeleteObjectCommand(ref))
      .then(() => 'deleted', (err) => err.name);
    expect(del).toBe('AccessDenied');
    // RGW has no bucket policy conditions to refuse it (on AWS the bucket policy does, see test/cdk):
    // an S3 user with rights on the bucket may lift the hold, and the COMPLIANCE retention still holds
    const lifted = await s3()
      .send(new PutObjectLegalHoldCommand({ ...ref, LegalHold: { Status: 'OFF' } }))
      .then(() => 'lifted', (err) => err.name);
    expect(['lifted', 'AccessDenied']).toContain(lifted);
    const after = await s3()
      .send(new DeleteObjectCommand(ref))
      .then(() => 'deleted', (err) => err.name);
    expect(after).toBe('AccessDenied');
    await s3().send(new PutObjectLegalHoldCommand({ ...ref, LegalHold: { Status: 'ON' } })).catch(() => undefined);
  });
});
