import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dayAfter } from '#shared/domain/calendar';
import { DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { approveCase, call, citizenToken, ddb, eventually, submitOnline, tableName, token } from './client';

/**
 * 电子监察 through the API [N20]: the rules; an overdue case raised red by the sweeper on the day after
 * its deadline, once, and cleared when it is decided; a step written past the platform found by the
 * stream; the alerts of a supervisor's region only, and clear 4xx for what makes no sense.
 */
jest.setTimeout(120_000);

const run = Date.now().toString(36);
const DEPT = '610113-XZSP';
const applicant = { type: 'person', name: '监察测试', idNumber: '610113198303030037' };

describe('e-supervision', () => {
  let supervisor: string;
  let citizen: string;
  let caseId: string;
  let c: any;

  beforeAll(async () => {
    supervisor = await token({ sub: `sup-${run}`, roles: ['supervisor'], region: '610113' });
    citizen = await citizenToken(`sv-${run}`, applicant);
    caseId = await submitOnline(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], `sv-${run}`, applicant);
    const clerk = await token({ sub: `clerk-sv-${run}`, roles: ['clerk'], dept: DEPT, region: '610113' });
    expect((await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } })).status).toBe(200);
    c = await eventually('forwarding', async () => {
      const r = await call('GET', `/v1/cases/${caseId}`, { token: citizen });
      return r.body.status === 'in_review' && r.body;
    });
  });

  test('the rules: every one with its level and article, for supervisors and staff; a citizen is refused', async () => {
    const r = await call('GET', '/v1/supervision/rules', { token: supervisor });
    expect(r.status).toBe(200);
    expect(r.body.items.map((x: any) => x.ruleId)).toEqual(expect.arrayContaining(['timeliness.case_overdue', 'timeliness.deadline_near', 'legality.role', 'completeness.notices', 'content.appeal_rights']));
    for (const x of r.body.items) expect(x).toMatchObject({ level: expect.stringMatching(/^(yellow|red)$/), article: expect.stringMatching(/^\[[NH]\d+\]$/) });
    expect((await call('GET', '/v1/supervision/rules', { token: citizen })).status).toBe(403);
  });

  test('the day after its deadline the sweeper raises the case red, once; the region’s supervisor sees it, another region’s does not', async () => {
    const time = `${dayAfter(c.deadline)}T10:00:00+08:00`;
    // the stream has set the case's watch day by the time the sweep at that hour finds it
    const swept = await eventually('the watch day set and the sweep finding the case', async () => {
      const r = await call('POST', '/local/schedules/SweeperSchedule/run', { body: { time } });
      return r.body.alerts.raised.some((id: string) => id === `${caseId}~timeliness.case_overdue`) && r.body;
    });
    expect(swept.alerts.looked).toContain(caseId);
    const again = await call('POST', '/local/schedules/SweeperSchedule/run', { body: { time } });
    expect(again.body.alerts.raised.filter((id: string) => id.startsWith(caseId))).toEqual([]);
    const red = await call('GET', '/v1/supervision/alerts?level=red', { token: supervisor });
    expect(red.status).toBe(200);
    const mine = red.body.items.filter((a: any) => a.caseId === caseId);
    expect(mine).toEqual([expect.objectContaining({ alertId: `${caseId}~timeliness.case_overdue`, level: 'red', rule: 'timeliness.case_overdue', article: '[N20]', deadline: c.deadline, dept: DEPT, region: '610113', status: 'open', raisedAt: new Date(time).toISOString() })]);
    const byDept = await call('GET', `/v1/supervision/alerts?dept=${DEPT}`, { token: supervisor });
    expect(byDept.body.items.some((a: any) => a.alertId === `${caseId}~timeliness.case_overdue`)).toBe(true);
    const other = await token({ sub: `sup-lh-${run}`, roles: ['supervisor'], region: '610104' });
    expect((await call('GET', '/v1/supervision/alerts', { token: other })).body.items.some((a: any) => a.caseId === caseId)).toBe(false);
    const province = await token({ sub: `sup-sx-${run}`, roles: ['supervisor'], region: '610000' });
    expect((await call('GET', '/v1/supervision/alerts?region=610100&level=red', { token: province })).body.items.some((a: any) => a.caseId === caseId)).toBe(true);
  });

  test('a step written past the platform (an approval in a citizen’s name) is found from the stream as it lands', async () => {
    const { Items } = await ddb().send(new (await import('@aws-sdk/lib-dynamodb')).QueryCommand({ TableName: tableName('CasesTable'), KeyConditionExpression: 'pk = :p AND begins_with(sk, :e)', ExpressionAttributeValues: { ':p': `CASE#${caseId}`, ':e': 'EVENT#' } }));
    const last = Items!.at(-1)!;
    const seq = Number(last.seq) + 1;
    await ddb().send(
      new PutCommand({
        TableName: tableName('CasesTable'),
        Item: { pk: `CASE#${caseId}`, sk: `EVENT#${String(seq).padStart(6, '0')}`, type: 'event', seq, at: new Date().toISOString(), actor: { sub: 'x', name: '冒名', role: 'citizen' }, action: 'review_approve', from: 'in_review', to: 'in_review', detail: {}, prevHash: last.hash, hash: 'f'.repeat(64) },
      }),
    );
    const found = await eventually('the legality alert', async () => {
      const r = await call('GET', '/v1/supervision/alerts?level=red', { token: supervisor });
      return r.body.items.find((a: any) => a.alertId === `${caseId}~legality.role~${seq}`);
    });
    expect(found).toMatchObject({ category: 'legality', subject: String(seq), detail: expect.stringContaining('review_approve') });
  });

  test('bad input is a clear 4xx: an unknown region or department, a level or status that is not one, a region outside the token’s, a citizen', async () => {
    for (const [q, status] of [
      ['region=619999', 400],
      ['region=abc', 400],
      ['dept=610113-NOPE', 400],
      ['level=purple', 400],
      ['status=closed', 400],
      ['region=610104', 403],
      ['cursor=not-a-cursor', 400],
      // a cursor made by hand, in the list's shape but positioned in another region: refused, not a 5xx
      [`cursor=${Buffer.from(JSON.stringify({ l: 'alerts.open', k: { pk: `CASE#${caseId}`, sk: 'ALERT#x#', queuePk: 'ALERTS#open', queueSk: '610104-XZSP#2026-01-01#x' } })).toString('base64url')}`, 400],
    ] as const) {
      const r = await call('GET', `/v1/supervision/alerts?${q}`, { token: supervisor });
      expect([q, r.status, r.headers['content-type']]).toEqual([q, status, expect.stringContaining('application/problem+json')]);
    }
    expect((await call('GET', '/v1/supervision/alerts', { token: citizen })).status).toBe(403);
    expect((await call('GET', '/v1/supervision/alerts')).status).toBe(401);
  });
});

describe('好差评 and its follow-up [N21] [H10]', () => {
  test('the applicant rates once, with dimensions; a 差评 is listed for the department and the region’s supervisor, answered once by the department', async () => {
    const who = { type: 'person', name: '评价测试', idNumber: '610113199004040045' };
    const citizen = await citizenToken(`ev-${run}`, who);
    const caseId = await submitOnline(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], `ev-${run}`, who);
    await approveCase(citizen, caseId, DEPT, `ev-${run}`);
    const rate = (body: unknown, tok = citizen) => call('POST', `/v1/cases/${caseId}/evaluation`, { token: tok, body });
    expect((await rate({ score: 6 })).status).toBe(400);
    expect((await rate({ score: 2, dimensions: { attitude: 0 } })).status).toBe(400);
    expect((await rate({ score: 2, dimensions: { mood: 3 } })).status).toBe(400);
    const stranger = await citizenToken(`ev-x-${run}`, { type: 'person', name: '路人', idNumber: '610113197707070022' });
    expect((await rate({ score: 1 }, stranger)).status).toBe(404);
    const rated = await rate({ score: 2, dimensions: { attitude: 2, timeliness: 3 }, comment: '等待时间长' });
    expect(rated.status).toBe(201);
    expect(rated.body.evaluation).toMatchObject({ evaluationId: `${caseId}.V1`, score: 2, dimensions: { attitude: 2, timeliness: 3 }, followUp: { status: 'open', dept: DEPT, due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect((await rate({ score: 5 })).status).toBe(409);

    const clerk = await token({ sub: `clerk-ev-${run}`, roles: ['clerk'], dept: DEPT, region: '610113' });
    const supervisor = await token({ sub: `sup-ev-${run}`, roles: ['supervisor'], region: '610000' });
    const listed = await call('GET', '/v1/evaluations?bad=true&status=open', { token: clerk });
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((x: any) => x.caseId === caseId)).toMatchObject({ evaluationId: `${caseId}.V1`, score: 2, comment: '等待时间长', followUp: { status: 'open', overdue: false } });
    expect((await call('GET', '/v1/evaluations?bad=true&region=610100', { token: supervisor })).body.items.some((x: any) => x.caseId === caseId)).toBe(true);
    expect((await call('GET', '/v1/evaluations', { token: clerk })).status).toBe(400);
    expect((await call('GET', '/v1/evaluations?bad=true', { token: citizen })).status).toBe(403);
    const answer = (body: unknown, tok = clerk) => call('POST', `/v1/evaluations/${caseId}.V1/follow-up`, { token: tok, body });
    expect((await answer({ action: '' })).status).toBe(400);
    expect((await answer({ action: 'x', contacted: true }, supervisor)).status).toBe(403);
    const done = await answer({ action: '已回访，增设叫号窗口', contacted: true });
    expect([done.status, done.body.followUp?.status]).toEqual([200, 'answered']);
    expect((await answer({ action: 'again', contacted: true })).status).toBe(409);
    expect((await call('GET', '/v1/evaluations?bad=true&status=answered', { token: clerk })).body.items.some((x: any) => x.caseId === caseId)).toBe(true);
  });
});

describe('the figures [N20]', () => {
  test('each step is counted once from the stream into the department, county, city and province; by channel and by region they add up; bad periods are 400', async () => {
    const supervisor = await token({ sub: `sup-m-${run}`, roles: ['supervisor'], region: '610000' });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const q = `from=${today}&to=${today}`;
    const figures = async (extra = '') => (await call('GET', `/v1/supervision/metrics?${q}${extra}`, { token: supervisor })).body;
    const before = await figures('&region=610113');
    const who = { type: 'person', name: '统计测试', idNumber: '61011319910505004X' };
    const citizen = await citizenToken(`m-${run}`, who);
    const caseId = await submitOnline(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], `m-${run}`, who);
    const clerk = await token({ sub: `clerk-m-${run}`, roles: ['clerk'], dept: DEPT, region: '610113' });
    expect((await call('POST', `/v1/tasks/${caseId}.A1/complete`, { token: clerk, body: { decision: 'accept' } })).status).toBe(200);
    const after = await eventually('the steps counted', async () => {
      const f = await figures('&region=610113');
      return f.submitted === before.submitted + 1 && f.accepted === before.accepted + 1 && f;
    });
    expect(after).toMatchObject({ region: '610113', regionName: expect.stringContaining('雁塔区') });
    // the same steps in the city and the province, and in the department
    const dept = await figures(`&dept=${DEPT}`);
    expect(dept.submitted).toBeGreaterThanOrEqual(1);
    const province = await figures('&by=region');
    const xian = province.groups.find((g: any) => g.key === '610100');
    expect(xian.submitted).toBeGreaterThanOrEqual(after.submitted);
    expect(province.groups.reduce((n: number, g: any) => n + g.submitted, 0)).toBe(province.submitted);
    const channels = await figures('&region=610113&by=channel');
    expect(channels.groups.reduce((n: number, g: any) => n + g.submitted, 0)).toBe(channels.submitted);
    for (const bad of ['', `from=${today}`, `from=${today}&to=2020-01-01`, 'from=2024-01-01&to=2026-12-31', 'from=2026-13-01&to=2026-13-02', `${q}&by=hour`, `${q}&region=619999`, `${q}&dept=610113-NOPE`])
      expect([bad, (await call('GET', `/v1/supervision/metrics?${bad}`, { token: supervisor })).status]).toEqual([bad, 400]);
    const county = await token({ sub: `sup-mc-${run}`, roles: ['supervisor'], region: '610113' });
    expect((await call('GET', `/v1/supervision/metrics?${q}&region=610104`, { token: county })).status).toBe(403);
    expect((await call('GET', `/v1/supervision/metrics?${q}`, { token: citizen })).status).toBe(403);
  });
});
