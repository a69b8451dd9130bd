import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { DEMO_FOOD_MATTER_CODE, DEMO_PARALLEL_MATTER_CODE } from '#shared/catalog/demo-seed';
import { call, eventually, pdf, s3, token, upload, citizenToken } from './client';

/**
 * The journey of issue 2, through the public API on the local runtime and its real engines:
 * search → guide → upload → submit (idempotent) → correction [H22] → resubmit → accept → forwarding
 * → parallel review → unified return with an e-licence → archive locked in COMPLIANCE mode.
 */
jest.setTimeout(120_000);

const applicant = { type: 'person', name: '王小明', idNumber: '610113199001011230' };

describe('a citizen applies for a food business licence in 雁塔区 ([N14] 统一收件 … 统一反馈)', () => {
  let citizen: string;
  let clerk: string;
  let handler: string;
  let caseId: string;
  let materials: { code: string; objectKey: string }[];
  let promiseDays: number;

  beforeAll(async () => {
    citizen = await citizenToken('citizen-wang', applicant);
    clerk = await token({ sub: 'clerk-li', name: '李受理', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
    handler = await token({ sub: 'handler-zhao', name: '赵承办', roles: ['handler'], dept: '610113-XZSP', region: '610113' });
  });

  test('the citizen finds 食品经营许可 by searching 食品经营 in 610113 and opens its guide [N8]', async () => {
    const found = await call('GET', `/v1/matters?q=${encodeURIComponent('食品经营')}&region=610113`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((m: any) => m.code)).toContain(DEMO_FOOD_MATTER_CODE);
    expect(found.body.items[0].name).toBe('食品经营许可');
    const guide = await call('GET', `/v1/matters/${DEMO_FOOD_MATTER_CODE}`);
    expect(guide.status).toBe(200);
    expect(guide.body.materials.filter((m: any) => m.required && m.source === 'applicant').length).toBeGreaterThanOrEqual(2);
    expect(guide.body.handlingDepts).toEqual(['610113-XZSP']);
    promiseDays = guide.body.promiseDays;
  });

  test('the citizen uploads materials and submits; a repeat with the same Idempotency-Key returns the same case', async () => {
    materials = [];
    for (const code of ['M01', 'M02', 'M04', 'M05']) materials.push({ code, objectKey: await upload(citizen, pdf(`${code} first`)) });
    const body = { matterCode: DEMO_FOOD_MATTER_CODE, applicant, channel: 'online', form: { 经营场所: '西安市雁塔区小寨东路1号' }, materials };
    const first = await call('POST', '/v1/cases', { token: citizen, body, headers: { 'Idempotency-Key': 'journey-food-1' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'submitted', receipt: { title: '接收回执' } });
    caseId = first.body.caseId;
    const again = await call('POST', '/v1/cases', { token: citizen, body, headers: { 'Idempotency-Key': 'journey-food-1' } });
    expect(again.status).toBe(201);
    expect(again.body.caseId).toBe(caseId);
    const other = await call('POST', '/v1/cases', { token: citizen, body: { ...body, form: { 经营场所: '别处' } }, headers: { 'Idempotency-Key': 'journey-food-1' } });
    expect(other.status).toBe(422);
    const mine = await call('GET', '/v1/cases?mine=true', { token: citizen });
    expect(mine.body.items.filter((c: any) => c.caseId === caseId)).toHaveLength(1);
  });

  test('the ID card the shared exchange holds is waived (免提交) [E14] [N18]; the business licence, of which 王小明 holds no e-licence, is his scan', async () => {
    const c = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
    const waived = c.body.materials.filter((m: any) => m.waived).map((m: any) => m.code);
    expect(waived).toEqual(['M03']);
    expect(c.body.materials.find((m: any) => m.code === 'M02')).toMatchObject({ objectKey: expect.any(String), verification: { kind: 'unsigned' } });
  });

  test('the clerk sees the acceptance task and issues one correction notice listing everything missing [H22]', async () => {
    const queue = await call('GET', '/v1/tasks?status=open', { token: clerk });
    expect(queue.status).toBe(200);
    const task = queue.body.items.find((t: any) => t.caseId === caseId);
    expect(task).toMatchObject({ kind: 'acceptance', dept: '610113-XZSP' });
    const done = await call('POST', `/v1/tasks/${task.taskId}/complete`, { token: clerk, body: { decision: 'correction', missing: ['M04', 'M05'], reason: '平面图不清晰，健康证明已过期' } });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('correction_required');
    const c = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
    const notice = c.body.notices.find((n: any) => n.kind === 'correction');
    expect(notice.title).toBe('补齐补正告知书');
    expect(notice.body.missing.map((m: any) => m.code)).toEqual(['M04', 'M05']);
    expect(notice.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('the citizen corrects and the clerk accepts; the acceptance notice is issued', async () => {
    const fixed = [
      { code: 'M04', objectKey: await upload(citizen, pdf('M04 corrected')) },
      { code: 'M05', objectKey: await upload(citizen, pdf('M05 corrected')) },
    ];
    const res = await call('POST', `/v1/cases/${caseId}/corrections`, { token: citizen, body: { materials: fixed } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('submitted');
    const queue = await call('GET', '/v1/tasks?status=open', { token: clerk });
    const task = queue.body.items.find((t: any) => t.caseId === caseId);
    expect(task.taskId).toBe(`${caseId}.A2`);
    const accepted = await call('POST', `/v1/tasks/${task.taskId}/complete`, { token: clerk, body: { decision: 'accept' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const c = await eventually('forwarding', async () => {
      const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
      return r.body.status === 'in_review' && r.body;
    });
    expect(c.notices.map((n: any) => n.kind)).toContain('acceptance');
    expect(c.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.clock.promiseDays).toBe(promiseDays);
  });

  test('the department approves; the unified return completes the case with one result and a licence that verifies [E15]', async () => {
    const queue = await call('GET', '/v1/tasks?status=open', { token: handler });
    const review = queue.body.items.find((t: any) => t.caseId === caseId && t.kind === 'review');
    expect(review).toBeDefined();
    const ok = await call('POST', `/v1/tasks/${review.taskId}/complete`, { token: handler, body: { decision: 'approve', opinion: '符合条件，准予许可' } });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('decided');
    const c = await eventually('archive', async () => {
      const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
      return r.body.status === 'completed' && r.body.archive && r.body;
    });
    expect(c.result.outcome).toBe('approved');
    const v = await call('GET', `/v1/licences/${c.result.licenceId}/verify`);
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ valid: true, status: 'valid', typeName: '食品经营许可证', issuer: { dept: '610113-XZSP' } });
    // nothing about the holder, not even the case the licence came from
    expect(v.body).not.toHaveProperty('caseId');
    expect(JSON.stringify(v.body)).not.toContain(applicant.idNumber);
    const actions = c.timeline.map((e: any) => e.action);
    expect(actions).toEqual(['submit', 'request_correction', 'resubmit', 'accept', 'forward', 'review_approve', 'unified_return', 'archive']);
    for (const e of c.timeline) {
      expect(e.actor.sub).toBeTruthy();
      expect(Date.parse(e.at)).not.toBeNaN();
    }
    expect(c.timeline[1].actor).toMatchObject({ sub: 'clerk-li', role: 'clerk' });
    // 首问负责: the clerk who first acted on the case answers for it
    expect(c.responsible).toMatchObject({ sub: 'clerk-li', dept: '610113-XZSP' });
  });

  test('the archive package is locked in COMPLIANCE mode until its retention period has passed, and cannot be deleted [E18] [E22] [E24] [E25]', async () => {
    const archivist = await token({ sub: 'archivist-1', roles: ['archivist'], region: '610000' });
    const a = await call('GET', `/v1/archive/${caseId}`, { token: archivist });
    expect(a.status).toBe(200);
    expect(a.body.mode).toBe('COMPLIANCE');
    expect(a.body.retention).toBe('30y');
    const year = new Date().getUTCFullYear();
    expect(a.body.retainUntil.slice(0, 10)).toBe(`${year + 31}-01-01`);
    const del = await s3()
      .send(new DeleteObjectCommand({ Bucket: a.body.bucket, Key: a.body.key, VersionId: a.body.versionId, BypassGovernanceRetention: true }))
      .then(() => 'deleted', (err) => err.name ?? err.Code);
    expect(del).toBe('AccessDenied');
  });
});

describe('a two-department matter is reviewed in parallel (分头办理) and returned once (统一反馈)', () => {
  test('forwarding opens one review task per department at once; both approve; one result', async () => {
    const citizen = await citizenToken('citizen-liu', { ...applicant, name: '刘大伟' });
    const clerk = await token({ sub: 'clerk-cl', roles: ['clerk'], dept: '610113-CL', region: '610113' });
    const m01 = await upload(citizen, pdf('申请表'));
    const sub = await call('POST', '/v1/cases', {
      token: citizen,
      body: { matterCode: DEMO_PARALLEL_MATTER_CODE, applicant: { ...applicant, name: '刘大伟' }, channel: 'online', materials: [{ code: 'M01', objectKey: m01 }] },
      headers: { 'Idempotency-Key': 'journey-parallel-1' },
    });
    expect(sub.status).toBe(201);
    const caseId = sub.body.caseId;
    const acc = await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } });
    expect(acc.status).toBe(200);
    const c = await eventually('forwarding', async () => {
      const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
      return r.body.status === 'in_review' && r.body;
    });
    const reviews = c.tasks.filter((t: any) => t.kind === 'review');
    expect(reviews.map((t: any) => t.dept).sort()).toEqual(['610113-CL', '610113-MZ']);
    // both tasks were opened by the same forwarding event
    expect(c.timeline.filter((e: any) => e.action === 'forward')).toHaveLength(1);
    for (const t of reviews) {
      const h = await token({ sub: `handler-${t.dept}`, roles: ['handler'], dept: t.dept, region: '610113' });
      const r = await call('POST', `/v1/tasks/${t.taskId}/complete`, { token: h, body: { decision: 'approve' } });
      expect(r.status).toBe(200);
    }
    const done = await eventually('completion', async () => {
      const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
      return r.body.status === 'completed' && r.body.archive && r.body;
    });
    expect(done.result.opinions.map((o: any) => o.dept).sort()).toEqual(['610113-CL', '610113-MZ']);
    expect(done.timeline.filter((e: any) => e.action === 'unified_return')).toHaveLength(1);
  });
});
