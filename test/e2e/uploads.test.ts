import http from 'node:http';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { DEMO_PARALLEL_MATTER_CODE } from '#shared/catalog/demo-seed';
import { readOutside } from '../support/efile';
import { archivedPackage, bucketName, call, citizenToken, eventually, pdf, s3, sha256, token } from './client';

/**
 * Uploads as API.md says [E12], against Ceph RGW: only accepted formats under names that are names;
 * the store itself refuses bytes of another length or type than the link was signed for; and what
 * intake checked is what is kept, however often the link is used again after filing.
 */
jest.setTimeout(120_000);

const applicant = { type: 'person', name: '周上传', idNumber: '61011319850505001X' };
const run = Date.now().toString(36);

/** A PUT to a presigned URL with exactly these headers and body (fetch would set content-length itself). */
function put(url: string, headers: Record<string, string>, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'PUT', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const link = (tok: string, body: Record<string, unknown>) => call('POST', '/v1/uploads', { token: tok, body });

describe('uploading an e-material [E12]', () => {
  let citizen: string;
  beforeAll(async () => {
    citizen = await citizenToken(`uploader-${run}`, applicant);
  });

  test('several materials in one request: a link for each, in order, each taking its own bytes; a refused one refuses all', async () => {
    const a = pdf('申请表 batch');
    const b = pdf('身份证 batch two');
    const one = (bytes: Buffer, fileName: string) => ({ fileName, contentType: 'application/pdf', size: bytes.length, sha256: sha256(bytes) });
    const res = await link(citizen, { files: [one(a, '申请表.pdf'), one(b, '身份证.pdf')] });
    expect([res.status, res.body.uploads?.length]).toEqual([201, 2]);
    expect(await put(res.body.uploads[0].url, res.body.uploads[0].headers, a)).toBe(200);
    expect(await put(res.body.uploads[1].url, res.body.uploads[1].headers, b)).toBe(200);
    // each link is bound to its own file: the other's bytes (another length) are refused by the store
    expect(await put(res.body.uploads[0].url, { ...res.body.uploads[0].headers, 'content-length': String(b.length) }, b)).toBe(403);
    const bad = await link(citizen, { files: [one(a, 'a.pdf'), { ...one(b, 'b.pdf'), contentType: 'text/html' }] });
    expect([bad.status, bad.body.errors?.map((e: any) => e.path)]).toEqual([422, ['files[1].contentType']]);
    for (const files of [[], Array.from({ length: 11 }, (_, i) => one(a, `${i}.pdf`))]) expect((await link(citizen, { files })).status).toBe(400);
    expect((await link(citizen, { files: [one(a, 'a.pdf')], fileName: 'a.pdf' })).status).toBe(400);
  });

  test('HTML, a script or an unnamed type is 422 on contentType; a path or a dot-name is 422 on fileName', async () => {
    for (const contentType of ['text/html', 'application/javascript', 'image/svg+xml']) {
      const res = await link(citizen, { fileName: 'a.pdf', contentType, size: 10, sha256: sha256('x') });
      expect([contentType, res.status, res.body.errors?.map((e: any) => e.path)]).toEqual([contentType, 422, ['contentType']]);
    }
    for (const fileName of ['../../x.pdf', 'dir/a.pdf', '.env.pdf', 'a.html']) {
      const res = await link(citizen, { fileName, contentType: 'application/pdf', size: 10, sha256: sha256('x') });
      expect([fileName, res.status, res.body.errors?.map((e: any) => e.path)]).toEqual([fileName, 422, ['fileName']]);
    }
  });

  test('the store refuses bytes of another length or another type than the link was signed for, and intake finds nothing', async () => {
    const small = pdf('十六字节');
    const res = await link(citizen, { fileName: '申请表.pdf', contentType: 'application/pdf', size: small.length, sha256: sha256(small) });
    expect(res.status).toBe(201);
    const big = Buffer.concat([small, Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    expect(await put(res.body.url, { ...res.body.headers, 'content-length': String(big.length) }, big)).toBe(403);
    expect(await put(res.body.url, { ...res.body.headers, 'content-type': 'text/html' }, small)).toBe(403);
    const filed = await call('POST', '/v1/cases', {
      token: citizen,
      body: { matterCode: DEMO_PARALLEL_MATTER_CODE, applicant, channel: 'online', materials: [{ code: 'M01', objectKey: res.body.objectKey }] },
      headers: { 'Idempotency-Key': `upload-size-${run}` },
    });
    expect([filed.status, filed.body.errors?.[0]?.path]).toEqual([422, 'materials.0.objectKey']);
  });

  test('what intake checked is what is kept: bytes put to the key after filing never reach the case or its archive', async () => {
    const original = pdf('原件 original');
    const res = await link(citizen, { fileName: '申请表.pdf', contentType: 'application/pdf', size: original.length, sha256: sha256(original) });
    expect(await put(res.body.url, res.body.headers, original)).toBe(200);
    const filed = await call('POST', '/v1/cases', {
      token: citizen,
      body: { matterCode: DEMO_PARALLEL_MATTER_CODE, applicant, channel: 'online', materials: [{ code: 'M01', objectKey: res.body.objectKey }] },
      headers: { 'Idempotency-Key': `upload-kept-${run}` },
    });
    expect(filed.status).toBe(201);
    const caseId = filed.body.caseId;
    // the same link, used again with other bytes of the same length: the store takes a new version
    const forged = pdf('伪造 forgery!');
    expect(forged.length).toBe(original.length);
    expect(await put(res.body.url, res.body.headers, forged)).toBe(200);

    const c = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
    const m = c.body.materials.find((x: any) => x.code === 'M01');
    expect(m).toMatchObject({ sha256: sha256(original), size: original.length, contentType: 'application/pdf', versionId: expect.any(String) });
    const kept = await s3().send(new GetObjectCommand({ Bucket: bucketName('uploadsbucket'), Key: res.body.objectKey, VersionId: m.versionId }));
    expect(sha256(Buffer.from(await kept.Body!.transformToByteArray()))).toBe(sha256(original));

    const clerk = await token({ sub: `clerk-cl-${run}`, roles: ['clerk'], dept: '610113-CL', region: '610113' });
    expect((await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } })).status).toBe(200);
    const inReview = await eventually('forwarding', async () => {
      const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
      return r.body.status === 'in_review' && r.body;
    });
    for (const t of inReview.tasks.filter((x: any) => x.kind === 'review')) {
      const h = await token({ sub: `handler-${t.dept}-${run}`, roles: ['handler'], dept: t.dept, region: '610113' });
      expect((await call('POST', `/v1/tasks/${t.taskId}/complete`, { token: h, body: { decision: 'approve' } })).status).toBe(200);
    }
    await eventually('archive', async () => {
      const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
      return r.body.status === 'completed' && r.body.archive;
    });
    const archivist = await token({ sub: `archivist-${run}`, roles: ['archivist'], region: '610000' });
    const a = await call('GET', `/v1/archive/${caseId}`, { token: archivist });
    expect(a.status).toBe(200);
    // the package holds the version intake checked, not what was PUT over it later
    expect(sha256(readOutside(await archivedPackage(a.body)).part('M01'))).toBe(sha256(original));
  });
});
