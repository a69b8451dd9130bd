import { DeleteObjectCommand, GetObjectLegalHoldCommand, GetObjectRetentionCommand, ListObjectVersionsCommand, PutObjectLegalHoldCommand } from '@aws-sdk/client-s3';
import { DEMO_COMPANY_MATTER_CODE, DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { readOutside, type OutsideReading } from '../support/efile';
import { pdfText } from '../support/pdf';
import { requireTool } from '../support/tools';
import { approveCase, archivedPackage, call, citizenToken, endpoints, s3, sha256, submitOnline, token, upload, pdf } from './client';
import { LOCAL_DEV_MATTER_CODE } from '../../local/start';

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

let caseId: string;
let record: any;
let permanentCaseId: string;

describe('one DA/T 48 package per case, checked from outside [E24]', () => {
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
    expect(pkg.ids()).toEqual(expect.arrayContaining(['M01', 'M02', 'M04', 'M05', 'licence', 'licence.pdf', 'audit']));
    // [E15] the licence as the PDF it was delivered as: the one its data names, signed by its issuer, and it reads
    const rendition = pkg.licencePdf();
    expect(rendition).toEqual({ licenceId: c.result.licenceId, sha256: rendition.named, named: expect.stringMatching(/^[0-9a-f]{64}$/), signatureVerifies: true });
    expect(pdfText(pkg.part('licence.pdf')).join('').replace(/\s/g, '')).toContain(c.result.licenceId);
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
    permanentCaseId = await submitOnline(citizen, DEMO_COMPANY_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], `arc-co-${run}`, company);
    await approveCase(citizen, permanentCaseId, DEPT, `arc-co-${run}`);
    const archivist = await token({ sub: `archivist-${run}`, roles: ['archivist'], region: '610000' });
    const a = (await call('GET', `/v1/archive/${permanentCaseId}`, { token: archivist })).body;
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

describe('移交 to the state archive, on RGW [E26]', () => {
  test('a year’s permanent packages of the county in one batch: its 移交清单 verified with xmllint and OpenSSL, locked and held; the receipt recorded once', async () => {
    const archivist = await token({ sub: `archivist-tr-${run}`, roles: ['archivist'], region: '610113' });
    const year = caseId.slice(2, 6);
    const t = await call('POST', '/v1/archive/transfers', { token: archivist, body: { year, region: '610113' } });
    expect([t.status, t.body.status, t.body.dueBy]).toEqual([202, 'prepared', `${Number(year) + 5}-12-31`]);
    const ids = t.body.items.map((p: any) => p.caseId);
    expect(ids).toContain(permanentCaseId);
    expect(ids).not.toContain(caseId);
    const { GetObjectCommand } = await import('@aws-sdk/client-s3');
    const ref = { Bucket: t.body.bundle.bucket, Key: t.body.bundle.key, VersionId: t.body.bundle.versionId };
    const bytes = Buffer.from(await (await s3().send(new GetObjectCommand(ref))).Body!.transformToByteArray());
    expect(sha256(bytes)).toBe(t.body.bundle.sha256);
    const manifest = readOutside(bytes, '电子档案移交清单');
    expect(manifest.signatureVerifies()).toBe(true);
    expect(manifest.timestampVerifies(endpoints.tsa.caFile)).toBe(true);
    const listed = t.body.items.find((p: any) => p.caseId === permanentCaseId);
    expect(manifest.text(`//档案[办件编号="${permanentCaseId}"]/哈希值`)).toBe(listed.sha256);
    expect(manifest.text('//件数')).toBe(String(ids.length));
    const [ret, hold] = await Promise.all([s3().send(new GetObjectRetentionCommand(ref)), s3().send(new GetObjectLegalHoldCommand(ref))]);
    expect([ret.Retention?.Mode, hold.LegalHold?.Status]).toEqual(['COMPLIANCE', 'ON']);
    // nothing is transferred twice
    expect((await call('POST', '/v1/archive/transfers', { token: archivist, body: { year, region: '610113' } })).status).toBe(422);
    const receipt = (body: unknown) => call('POST', `/v1/archive/transfers/${t.body.transferId}/receipt`, { token: archivist, body });
    expect((await receipt({})).status).toBe(400);
    expect((await receipt({ receivedBy: '陕西省档案馆 接收人' })).body).toMatchObject({ status: 'received', receipt: { receivedBy: '陕西省档案馆 接收人' } });
    expect((await receipt({ receivedBy: 'again' })).status).toBe(409);
    const supervisor = await token({ sub: `sup-tr-${run}`, roles: ['supervisor'], region: '610000' });
    expect((await call('GET', `/v1/archive/transfers/${t.body.transferId}`, { token: supervisor })).body).toMatchObject({ status: 'received', packages: ids.length });
    expect((await call('POST', '/v1/archive/transfers', { token: supervisor, body: { year } })).status).toBe(403);
  });
});

describe('鉴定 and 销毁 on RGW, with the development retention class of seconds [E18]', () => {
  test('before its time the store itself refuses the delete; after it, appraised, approved by a head and then another archivist, waited for, destroyed; the register and the case say so', async () => {
    const elder = { type: 'person', name: '高寿星', idNumber: '610113193001010011' };
    const citizen = await citizenToken(`dev-${run}`, elder);
    const devCase = await submitOnline(citizen, LOCAL_DEV_MATTER_CODE, ['M01', 'M03'], `dev-${run}`, elder);
    const done = await approveCase(citizen, devCase, '610113-MZ', `dev-${run}`);
    const proposer = await token({ sub: `archivist-ap-${run}`, roles: ['archivist'], region: '610113' });
    const second = await token({ sub: `archivist-ap2-${run}`, roles: ['archivist'], region: '610113' });
    const head = await token({ sub: `head-ap-${run}`, name: '民政局长', roles: ['head'], dept: '610113-MZ', region: '610113' });
    const a = (await call('GET', `/v1/archive/${devCase}`, { token: proposer })).body;
    expect(a).toMatchObject({ retention: 'dev', legalHold: false });
    expect(Date.parse(a.retainUntil) - Date.parse(done.timeline.find((e: any) => e.action === 'unified_return').at)).toBeLessThanOrEqual(16_000);
    const ref = { Bucket: a.bucket, Key: a.key, VersionId: a.versionId };
    // too early: the store refuses, whoever asks
    expect(await s3().send(new DeleteObjectCommand(ref)).then(() => 'deleted', (err) => err.name)).toBe('AccessDenied');
    const propose = () => call('POST', '/v1/archive/appraisals', { token: proposer, body: { before: '2100-01-01', region: '610113' } });
    const early = await propose();
    expect(early.status === 422 || (early.status === 201 && !early.body.items.some((i: any) => i.caseId === devCase))).toBe(true);
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(a.retainUntil) - Date.now() + 1500)));
    const p = await propose();
    expect(p.status).toBe(201);
    expect(p.body.items.map((i: any) => i.caseId)).toContain(devCase);
    const id = p.body.appraisalId;
    const act = (tok: string, what: string) => call('POST', `/v1/archive/appraisals/${id}/${what}`, { token: tok });
    expect((await act(second, 'approve')).status).toBe(409); // a head first
    expect((await act(head, 'approve')).status).toBe(200);
    expect((await act(proposer, 'approve')).status).toBe(409); // never the proposer
    const approved = await act(second, 'approve');
    expect([approved.status, approved.body.status]).toEqual([200, 'approved']);
    expect((await act(proposer, 'destroy')).status).toBe(409); // the waiting period
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(approved.body.destroyAfter) - Date.now() + 200)));
    expect((await act(head, 'destroy')).status).toBe(403); // archivists destroy
    const d = await act(proposer, 'destroy');
    expect([d.status, d.body.status]).toEqual([200, 'destroyed']);
    expect(d.body.register.find((l: any) => l.caseId === devCase)).toMatchObject({ outcome: 'destroyed', archivalCode: a.archivalCode, sha256: a.sha256, approvedBy: [expect.stringContaining('head'), expect.stringContaining('archivist')] });
    // the version is gone from the store; the case and its audit trail remain and say so
    expect(await s3().send(new GetObjectRetentionCommand(ref)).then(() => 'there', (err) => err.$metadata?.httpStatusCode)).toBe(404);
    const after = (await call('GET', `/v1/cases/${devCase}`, { token: citizen })).body;
    expect(after.timeline.at(-1)).toMatchObject({ action: 'destroy' });
    expect((await act(proposer, 'destroy')).status).toBe(409);
    const supervisor = await token({ sub: `sup-ap-${run}`, roles: ['supervisor'], region: '610000' });
    expect((await call('GET', `/v1/archive/appraisals/${id}`, { token: supervisor })).body.register).toHaveLength(p.body.items.length);
  });
});

describe('the retention schedule (保管期限表) through the API [E22]', () => {
  test('seeded from the catalog; set by an archivist of the province with its basis, every change listed; a county archivist may not; no `dev` class', async () => {
    const provincial = await token({ sub: `archivist-rs-${run}`, roles: ['archivist'], region: '610000' });
    const county = await token({ sub: `archivist-rs-c-${run}`, roles: ['archivist'], region: '610113' });
    const list = await call('GET', '/v1/archive/retention-schedule', { token: county });
    expect([list.status, list.body.detail]).toEqual([200, undefined]);
    expect(list.body.items).toContainEqual(expect.objectContaining({ baseCode: DEMO_FOOD_MATTER_CODE.split('-')[0], retention: '30y' }));
    const code = '005101010000'; // 高龄老人生活保健补贴: no other test archives it
    const set = (tok: string, body: unknown) => call('POST', `/v1/archive/retention-schedule/${code}`, { token: tok, body });
    expect((await set(county, { retention: '30y', basis: '本地测试' })).status).toBe(403);
    expect((await set(provincial, { retention: 'dev', basis: '本地测试' })).status).toBe(400);
    expect((await set(provincial, { retention: '30y' })).status).toBe(400);
    expect((await set(provincial, { retention: '30y', basis: '本地测试：补贴发放凭证' })).body).toMatchObject({ baseCode: code, retention: '30y' });
    const entry = (await call('GET', `/v1/archive/retention-schedule/${code}`, { token: county })).body;
    expect(entry.changes.map((c: any) => [c.from, c.to])).toEqual([
      [undefined, '10y'],
      ['10y', '30y'],
    ]);
  });
});

describe('四性检测 through the API, on RGW [E18]', () => {
  const finished = async (tok: string, checkId: string) => {
    for (let i = 0; i < 600; i++) {
      const r = await call('GET', `/v1/archive/checks/${checkId}`, { token: tok });
      if (r.body.status === 'completed') return r.body;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error(`check ${checkId} did not complete`);
  };

  test('an archivist checks every package of the county: ours pass all four properties; what RGW cannot report is said, not passed', async () => {
    const archivist = await token({ sub: `archivist-chk-${run}`, roles: ['archivist'], region: '610113' });
    const asked = await call('POST', '/v1/archive/checks', { token: archivist, body: { scope: 'all', region: '610113' } });
    expect([asked.status, asked.body.status]).toEqual([202, 'running']);
    const r = await finished(archivist, asked.body.checkId);
    expect(r.checked).toBeGreaterThanOrEqual(2);
    expect(r.failed.filter((f: any) => [caseId, permanentCaseId].includes(f.caseId))).toEqual([]);
    // the local runtime has no KMS: encryption is reported as not checked, never as passed
    expect(r.notChecked.map((n: any) => n.item)).toContain('encryption');
    const supervisor = await token({ sub: `sup-chk-${run}`, roles: ['supervisor'], region: '610100' });
    expect((await call('GET', `/v1/archive/checks/${asked.body.checkId}`, { token: supervisor })).status).toBe(200);
    const lianhu = await token({ sub: `archivist-lh-chk-${run}`, roles: ['archivist'], region: '610104' });
    expect((await call('POST', '/v1/archive/checks', { token: lianhu, body: { scope: 'all', region: '610113' } })).status).toBe(403);
    expect((await call('POST', '/v1/archive/checks', { token: archivist, body: { scope: 'everything' } })).status).toBe(400);
    expect((await call('POST', '/v1/archive/checks', { token: supervisor, body: { scope: 'all' } })).status).toBe(403);
  });

  test('damage done around the platform is caught: a second version written over a package (RGW ignores If-None-Match and the bucket policy), and an object no case records', async () => {
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    const { createHash } = await import('node:crypto');
    const put = (Key: string, Body: Buffer) =>
      s3().send(new PutObjectCommand({ Bucket: record.bucket, Key, Body, ContentMD5: createHash('md5').update(Body).digest('base64'), ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: new Date(Date.now() + 86_400_000) }));
    await put(record.key, Buffer.from('<电子文件封装包>forged</电子文件封装包>'));
    const stray = `archive/610113/${caseId.slice(2, 6)}/ZW${caseId.slice(2, 10)}STRAY00000.xml`;
    await put(stray, Buffer.from('<x/>'));
    const archivist = await token({ sub: `archivist-chk-${run}`, roles: ['archivist'], region: '610113' });
    const asked = await call('POST', '/v1/archive/checks', { token: archivist, body: { scope: 'all', region: '610113', year: caseId.slice(2, 6) } });
    const r = await finished(archivist, asked.body.checkId);
    // the recorded version is still the sound one: only its key's second version is the finding
    expect(r.failed.filter((f: any) => f.caseId === caseId).map((f: any) => `${f.property}/${f.item}`)).toEqual(['security/versions']);
    expect(r.failed).toContainEqual({ caseId: stray.split('/').pop()!.replace('.xml', ''), property: 'integrity', item: 'register', detail: expect.stringContaining('no case records it') });
  });
});

describe('the archive routes refuse what is not theirs to take, as problem+json [E18] [E26]', () => {
  test('unknown or malformed ids are 404; bodies outside the schema are 400; nothing is created by a refusal', async () => {
    const archivist = await token({ sub: `archivist-bad-${run}`, roles: ['archivist'], region: '610113' });
    const refused = async (method: string, path: string, status: number, body?: unknown, raw?: string) => {
      const r = await call(method, path, { token: archivist, body, raw });
      expect([method, path, r.status, r.contentType]).toEqual([method, path, status, expect.stringContaining('application/problem+json')]);
    };
    await refused('GET', '/v1/archive/checks/AC0000000000000000', 404);
    await refused('GET', `/v1/archive/checks/${encodeURIComponent("x' OR 1=1 --")}`, 404);
    await refused('GET', '/v1/archive/transfers/TR6101132026ZZZZZZZZZZZZZZZZ', 404);
    await refused('GET', `/v1/archive/transfers/${encodeURIComponent('../../etc/passwd')}`, 404);
    await refused('GET', '/v1/archive/ZW20260101AAAAAAAAAA/package', 404);
    await refused('POST', '/v1/archive/checks', 400, { scope: 'all', region: '999999' });
    await refused('POST', '/v1/archive/checks', 400, { scope: 'all', year: '二〇二六' });
    await refused('POST', '/v1/archive/checks', 400, { scope: 'all', cursor: 'archive/' });
    await refused('POST', '/v1/archive/checks', 400, undefined, '{"scope":');
    await refused('POST', '/v1/archive/transfers', 400, { year: 2026 });
    await refused('POST', '/v1/archive/transfers', 400, { year: '2026', region: '610113', packages: [] });
    await refused('POST', '/v1/archive/transfers/TR6101132026ZZZZZZZZZZZZZZZZ/receipt', 404, { receivedBy: 'x' });
    await refused('POST', '/v1/archive/transfers/TR6101132026ZZZZZZZZZZZZZZZZ/receipt', 400, { receivedBy: 'x'.repeat(201) });
  });

  test('the daily sample check runs by its schedule, as the platform, over the whole archive', async () => {
    const r = await call('POST', '/local/schedules/ArchiveSampleCheckSchedule/run', { body: {} });
    expect(r.status).toBe(200);
    const archivist = await token({ sub: `archivist-prov-${run}`, roles: ['archivist'], region: '610000' });
    for (let i = 0; i < 600; i++) {
      const c = await call('GET', `/v1/archive/checks/${r.body.checkId}`, { token: archivist });
      if (c.body.status === 'completed') {
        expect(c.body).toMatchObject({ scope: 'sample', sampleRate: 0.05, requestedBy: { sub: 'system' } });
        return;
      }
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('the sample check did not complete');
  });
});
