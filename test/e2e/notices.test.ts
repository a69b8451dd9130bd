import { DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { pdfFonts, pdfText } from '../support/pdf';
import { readOutside } from '../support/efile';
import { archivedPackage, call, eventually, sha256, submitOnline, token, citizenToken } from './client';

/**
 * [N14] 文书 as documents: every notice of a case is rendered as a PDF with its Chinese text, the typeface
 * embedded and cut to the glyphs used, stored in S3, listed on the case with its hash, downloadable by
 * whoever may see the case, and copied into the locked e-file.
 */
// unique per run, so the suite can run again against a platform left running (E2E_ENDPOINTS)
const run = Date.now().toString(36);
const applicant = { type: 'org', name: '西安豳风餐饮有限公司（法定代表人李䶮）', idNumber: '91610113MA6U00000X' };

async function fetchBytes(url: string): Promise<{ status: number; type: string; disposition: string; bytes: Buffer }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
}

const allReady = (c: any) => c.notices.length > 0 && c.notices.every((n: any) => n.document.status === 'ready');

describe('a food licence from filing to e-file: every notice a PDF', () => {
  let citizen: string;
  let caseId: string;
  let done: any;

  /** The case's notice of a kind, and the text of its PDF as downloaded (whitespace removed). */
  const noticeText = async (kind: string) => {
    const n = done.notices.find((x: any) => x.kind === kind);
    const res = await call('GET', `/v1/cases/${caseId}/notices/${n.noticeId}`, { token: citizen });
    return { n, text: pdfText((await fetchBytes(res.body.url)).bytes).join('').replace(/\s/g, '') };
  };

  beforeAll(async () => {
    citizen = await citizenToken(`citizen-notices-1-${run}`, applicant, { name: '李䶮' });
    const clerk = await token({ sub: 'clerk-notices', name: '王受理', roles: ['clerk'], dept: '610113-XZSP', region: '610113' });
    const handler = await token({ sub: 'handler-notices', name: '赵承办', roles: ['handler'], dept: '610113-XZSP', region: '610113' });
    caseId = await submitOnline(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], `notices-1-${run}`, applicant);
    const corr = await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'correction', missing: ['M04'], reason: '缺少食品安全管理制度' } });
    expect(corr.body.status).toBe('correction_required');
    const { upload, pdf } = await import('./client');
    const fix = await call('POST', `/v1/cases/${caseId}/corrections`, { token: citizen, body: { materials: [{ code: 'M04', objectKey: await upload(citizen, pdf('M04')) }] } });
    expect(fix.body.status).toBe('submitted');
    const accept = await call('POST', `/v1/tasks/${caseId}.A2/complete`, { token: clerk, body: { decision: 'accept' } });
    expect(accept.status).toBe(200);
    const review = await eventually('the review task', async () => {
      const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
      return r.body.tasks.find((t: any) => t.kind === 'review' && t.status === 'open');
    });
    expect((await call('POST', `/v1/tasks/${review.taskId}/complete`, { token: handler, body: { decision: 'approve', opinion: '符合条件，准予许可' } })).status).toBe(200);
    done = await eventually('completion, archive and every document', async () => {
      const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
      return r.body.archive && allReady(r.body) && r.body;
    });
  });

  test('the case lists receipt, correction, acceptance, decision and delivery notices, each with its PDF and the PDF’s hash', () => {
    expect(done.notices.map((n: any) => n.kind)).toEqual(['receipt', 'correction', 'acceptance', 'decision', 'delivery']);
    for (const n of done.notices) {
      expect(n.document).toMatchObject({ status: 'ready', contentType: 'application/pdf', pages: 1 });
      expect(n.document.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(n.document.missingCharacters).toBeUndefined();
    }
  });

  test('each download is exactly the listed PDF: Chinese text a reader extracts, the typeface embedded as a small subset', async () => {
    for (const n of done.notices) {
      const res = await call('GET', `/v1/cases/${caseId}/notices/${n.noticeId}`, { token: citizen });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ noticeId: n.noticeId, title: n.title, sha256: n.sha256, document: n.document });
      const file = await fetchBytes(res.body.url);
      expect(file.status).toBe(200);
      expect(file.type).toBe('application/pdf');
      expect(decodeURIComponent(file.disposition)).toContain(`${n.title}.pdf`);
      expect(sha256(file.bytes)).toBe(n.document.sha256);
      expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');

      const text = pdfText(file.bytes).join('\n');
      for (const expected of [n.title, applicant.name, done.receiptNo, '雁塔区行政审批服务局', n.sha256]) expect(text.replace(/\s/g, '')).toContain(expected.replace(/\s/g, ''));
      const fonts = await pdfFonts(file.bytes);
      expect(fonts).toHaveLength(1);
      expect(fonts[0].baseFont).toMatch(/^[A-Z]{6}\+NotoSansSC-Regular$/);
      // the whole typeface is 1.7 MB compressed; a notice carries only its own glyphs
      expect(fonts[0].embeddedBytes).toBeGreaterThan(1000);
      expect(fonts[0].embeddedBytes).toBeLessThan(120_000);
    }
  });

  test('the correction notice lists every missing material at once [H22], with the reason and the last day', async () => {
    const { n, text } = await noticeText('correction');
    expect(text).toContain('一次性告知需补齐补正的全部材料');
    expect(text).toContain('缺少食品安全管理制度');
    const [y, m, d] = n.body.answerBy.split('-').map(Number);
    expect(text).toContain(`请于${y}年${m}月${d}日前`);
  });

  test('the decision names each department by name with its opinion, and the delivery receipt names the decision it serves', async () => {
    const decision = await noticeText('decision');
    expect(decision.text).toContain('本机关决定：准予许可（办理）');
    expect(decision.text).toContain('西安市雁塔区行政审批服务局：同意，符合条件，准予许可');
    expect(decision.text).toContain(`电子证照编号：${done.result.licenceId}`);
    const delivery = await noticeText('delivery');
    expect(delivery.text).toContain(`送达文书：决定书（文书编号${decision.n.noticeId}）`);
    expect(delivery.n.body.documentSha256).toBe(decision.n.sha256);
  });

  test('anyone can check a notice by its number and hash, as the notice says (no token; nothing about the applicant)', async () => {
    const n = done.notices.find((x: any) => x.kind === 'decision');
    const base = `/v1/notices/${n.noticeId}/verify`;
    const byPdf = await call('GET', `${base}?sha256=${n.document.sha256}`);
    expect(byPdf.status).toBe(200);
    expect(byPdf.body).toMatchObject({ noticeId: n.noticeId, title: '决定书', issuer: '西安市雁塔区行政审批服务局', valid: true, checked: { matches: 'document' } });
    expect((await call('GET', `${base}?sha256=${n.sha256}`)).body).toMatchObject({ valid: true, checked: { matches: 'content' } });
    const forged = await call('GET', `${base}?sha256=${'0'.repeat(64)}`);
    expect(forged.body).toMatchObject({ valid: false, checked: { matches: 'none' } });
    expect(JSON.stringify(byPdf.body)).not.toContain('李䶮');
    const bad = await call('GET', `${base}?sha256=xyz`);
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect((await call('GET', `/v1/notices/${caseId}.N99/verify`)).status).toBe(404);
    expect((await call('GET', `/v1/notices/not-a-notice/verify`)).status).toBe(404);
  });

  test('the e-file package holds every notice’s PDF as issued, byte for byte, under the package’s signature [E24]', async () => {
    const archivist = await token({ sub: 'archivist-notices', roles: ['archivist'], region: '610000' });
    const a = (await call('GET', `/v1/archive/${caseId}`, { token: archivist })).body;
    const pkg = readOutside(await archivedPackage(a));
    expect(pkg.signatureVerifies()).toBe(true);
    for (const n of done.notices) {
      const bytes = pkg.part(n.noticeId);
      expect([n.noticeId, sha256(bytes), pkg.stated(n.noticeId)]).toEqual([n.noticeId, n.document.sha256, { sha256: n.document.sha256, size: bytes.length, format: 'PDF' }]);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  test('only those who may see the case get its notices: another citizen or another department is told neither exists', async () => {
    const n = done.notices[0];
    const path = `/v1/cases/${caseId}/notices/${n.noticeId}`;
    const stranger = await token({ sub: 'citizen-stranger', roles: ['citizen'] });
    const otherDept = await token({ sub: 'clerk-other', roles: ['clerk'], dept: '610104-XZSP', region: '610104' });
    const supervisor = await token({ sub: 'sup-1', roles: ['supervisor'], region: '610000' });
    for (const tok of [stranger, otherDept]) {
      const res = await call('GET', path, { token: tok });
      expect(res.status).toBe(404);
      expect(res.contentType).toContain('application/problem+json');
    }
    expect((await call('GET', path, { token: supervisor })).status).toBe(200);
    const unknown = await call('GET', `/v1/cases/${caseId}/notices/${caseId}.N99`, { token: citizen });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain('N99');
  });
});

test('a notice whose stream record was lost is asked for again by the sweeper; until then it answers 202 “rendering”', async () => {
  const citizen = await citizenToken(`citizen-notices-2-${run}`, { type: 'person', name: '王二', idNumber: '610113199001011230' });
  await call('POST', '/local/faults', { body: { streams: 'drop' } });
  let caseId: string;
  try {
    caseId = await submitOnline(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], `notices-2-${run}`, { type: 'person', name: '王二', idNumber: '610113199001011230' });
    await new Promise((r) => setTimeout(r, 1000));
  } finally {
    await call('POST', '/local/faults', { body: { streams: 'ok' } });
  }
  const receipt = `${caseId}.N1`;
  const pending = await call('GET', `/v1/cases/${caseId}/notices/${receipt}`, { token: citizen });
  expect(pending.status).toBe(202);
  expect(pending.headers['retry-after']).toBe('1');
  expect(pending.body.document).toEqual({ status: 'rendering' });
  expect(pending.body.url).toBeUndefined();

  const sweep = await call('POST', '/local/schedules/SweeperSchedule/run', { body: { minAgeSeconds: 0 } });
  expect(sweep.body.rerendered).toContain(receipt);
  const ready = await eventually('the re-rendered receipt', async () => {
    const r = await call('GET', `/v1/cases/${caseId}/notices/${receipt}`, { token: citizen });
    return r.status === 200 && r.body;
  });
  expect(sha256((await fetchBytes(ready.url)).bytes)).toBe(ready.document.sha256);
});

test('a notice whose PDF fails every time is set aside after the sweeper has asked 12 times, and no longer asked for', async () => {
  const { PutCommand, GetCommand } = await import('@aws-sdk/lib-dynamodb');
  const { ddb, tableName } = await import('./client');
  const caseId = `ZWSTUCK${Date.now().toString(36).toUpperCase()}`;
  const key = { pk: `CASE#${caseId}`, sk: `NOTICE#${caseId}.N1` };
  // a notice of a case that does not exist: the renderer can never render it
  await call('POST', '/local/faults', { body: { streams: 'drop' } });
  try {
    await ddb().send(new PutCommand({ TableName: tableName('CasesTable'), Item: { ...key, type: 'notice', noticeId: `${caseId}.N1`, kind: 'receipt', pendPk: 'RENDER', pendSk: `2026-01-01T00:00:00.000Z#${caseId}.N1` } }));
    const sweep = () => call('POST', '/local/schedules/SweeperSchedule/run', { body: { minAgeSeconds: 0 } });
    for (let i = 1; i <= 12; i++) expect((await sweep()).body.rerendered).toContain(`${caseId}.N1`);
    const last = await sweep();
    expect(last.body.rerendered).not.toContain(`${caseId}.N1`);
    expect(last.body.stuckNotices).toEqual([`${caseId}.N1`]);
    const item = (await ddb().send(new GetCommand({ TableName: tableName('CasesTable'), Key: key, ConsistentRead: true }))).Item!;
    expect(item).toMatchObject({ pendPk: 'RENDER_STUCK', renderRetries: 12 });
    const after = await sweep();
    expect([...after.body.rerendered, ...after.body.stuckNotices]).not.toContain(`${caseId}.N1`);
  } finally {
    await call('POST', '/local/faults', { body: { streams: 'ok' } });
  }
});
