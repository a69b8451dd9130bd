import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { dayAfter } from '#shared/domain/calendar';
import { DEMO_FOOD_MATTER_CODE } from '#shared/catalog/demo-seed';
import { hallRow, headline, row, type Group, type MetricsAnswer } from '../../web/supervision/view.ts';
import { launchChromium } from '../support/browser.ts';
import { approveCase, call, citizenToken, endpoints, eventually, submitOnline, token } from './client';

/**
 * The supervision page (电子监察) [N20] [N21] in headless Chromium, on the local runtime: cases seeded
 * through the API, the page opened with a supervisor's token, every headline figure and breakdown row
 * compared with what `GET /v1/supervision/metrics` answers, a click from the province into 西安市 and
 * into 雁塔区, an alert opened, a 差评's follow-up listed; and the ways in that must not work.
 */
jest.setTimeout(180_000);

const run = Date.now().toString(36);
const DEPT = '610113-XZSP';
const SHOTS = path.join(path.dirname(process.env.E2E_ENDPOINTS!), 'screenshots');
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const period = { from: `${today.slice(0, 8)}01`, to: today };

let browser: Browser;
let province: string;
let overdueCase: string;
let ratedCase: string;
const problems: string[] = [];

async function metrics(tok: string, region: string, by?: string): Promise<MetricsAnswer> {
  const r = await call('GET', `/v1/supervision/metrics?from=${period.from}&to=${period.to}&region=${region}${by ? `&by=${by}` : ''}`, { token: tok });
  if (r.status !== 200) throw new Error(`metrics ${region}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Script errors, CSP violations and failed requests other than the API's own refusals (401, 403) the test provokes. */
function watch(page: Page) {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/status of 40[13]/.test(m.text()) && problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && ![401, 403].includes(r.status()) && problems.push(`${r.status()} ${r.url()}`));
}

async function open(tok: string, region: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  watch(page);
  await page.goto(`${endpoints.apiUrl}/supervision/#token=${tok}`);
  await ready(page, region);
  return page;
}

const ready = (page: Page, region: string) => page.waitForSelector(`body[data-state="ready"][data-region="${region}"]`, { timeout: 30_000 });
const tiles = (page: Page) => page.$$eval('#headline .tile', (ts) => ts.map((t) => [(t as any).dataset.key!, t.querySelector('.value')!.textContent!]));
const rows = (page: Page) => page.$$eval('#breakdown tbody tr[data-key]', (trs) => trs.map((tr) => [(tr as any).dataset.key!, [...(tr as any).querySelectorAll("td")].map((td: any) => td.textContent!.trim())]));

/** A row of a paged list, asking for more pages (更多) until it is there: other tests' alerts share the region. */
async function findRow(page: Page, selector: string, more: string) {
  await page.waitForFunction((m) => (globalThis as any).document.querySelector(m) !== null, more);
  for (let i = 0; i < 50 && !(await page.$(selector)); i++) {
    if (await page.isHidden(more)) break;
    const n = await page.$$eval(`${more.replace('-more', '')} tbody tr`, (r) => r.length);
    await page.click(more);
    await page.waitForFunction(([sel, before]) => (globalThis as any).document.querySelectorAll(sel).length > before, [`${more.replace('-more', '')} tbody tr`, n] as const);
  }
  return page.waitForSelector(selector, { timeout: 5_000 });
}

/** The page shows what the API answers: every tile, and every row of the breakdown (re-read while the stream still counts). */
async function expectSameFigures(page: Page, region: string, by: 'region' | 'dept') {
  await eventually(`the page's figures for ${region} equal the API's`, async () => {
    const [api, groups] = await Promise.all([metrics(province, region, 'channel'), metrics(province, region, by)]);
    const shown = await tiles(page);
    const expected = headline(api).map((t) => [t.key, t.value]);
    const shownRows = await rows(page);
    const expectedRows = (groups.groups ?? []).map((g: Group) => [g.key, row(g)]);
    if (JSON.stringify(shown) === JSON.stringify(expected) && JSON.stringify(shownRows) === JSON.stringify(expectedRows)) return true;
    // the stream may have counted a step between the page's read and the API's: read again
    await page.click('#period button[type=submit]');
    await ready(page, region);
    return false;
  });
}

beforeAll(async () => {
  browser = await launchChromium();
  province = await token({ sub: `sup-page-${run}`, name: '省监察员', roles: ['supervisor'], region: '610000' });
  const who = { type: 'person', name: '页面测试', idNumber: '61011319880808003X' };
  const citizen = await citizenToken(`pg-${run}`, who);
  // one case decided and rated 差评 (a follow-up opens), one accepted and left past its deadline (a red alert)
  ratedCase = await submitOnline(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], `pg-a-${run}`, who);
  await approveCase(citizen, ratedCase, DEPT, `pg-${run}`);
  const rated = await call('POST', `/v1/cases/${ratedCase}/evaluation`, { token: citizen, body: { score: 2, dimensions: { attitude: 2 }, comment: '材料要求说明不清' } });
  expect(rated.status).toBe(201);
  overdueCase = await submitOnline(citizen, DEMO_FOOD_MATTER_CODE, ['M01', 'M02', 'M04', 'M05'], `pg-b-${run}`, who);
  const clerk = await token({ sub: `clerk-pg-${run}`, roles: ['clerk'], dept: DEPT, region: '610113' });
  expect((await call('POST', `/v1/tasks/${overdueCase}.A1/complete`, { token: clerk, body: { decision: 'accept' } })).status).toBe(200);
  const c = await eventually('forwarding', async () => {
    const r = await call('GET', `/v1/cases/${overdueCase}`, { token: citizen });
    return r.body.status === 'in_review' && r.body;
  });
  await eventually('the sweeper raising the case red the day after its deadline', async () => {
    const r = await call('POST', '/local/schedules/SweeperSchedule/run', { body: { time: `${dayAfter(c.deadline)}T10:00:00+08:00` } });
    return r.body.alerts.raised.includes(`${overdueCase}~timeliness.case_overdue`) || r.body.alerts.looked.length === 0 ? r.body : false;
  });
  // the stream has counted the evaluation into the county by the time the page is opened
  await eventually('the 差评 counted', async () => (await metrics(province, '610113')).evaluations.bad > 0);
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

describe('the supervision page [N20]', () => {
  test('served by the local runtime: the page, its bundle and its config; nothing outside its folder', async () => {
    const page = await call('GET', '/supervision/');
    expect([page.status, page.headers['content-type'], page.headers['x-content-type-options']]).toEqual([200, 'text/html; charset=utf-8', 'nosniff']);
    expect(page.body).toContain('<script src="app.js"></script>');
    expect((await call('GET', '/supervision/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await call('GET', '/supervision/config.json')).body).toEqual({ signIn: 'local', tokenUrl: '/local/token' });
    const bare = await fetch(`${endpoints.apiUrl}/supervision`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/supervision/']);
    for (const p of ['/supervision/..%2Fpackage.json', '/supervision/%2e%2e/package.json', '/supervision/main.ts', '/supervision/nope.js']) expect([p, (await call('GET', p)).status]).toEqual([p, 404]);
    expect((await call('POST', '/supervision/index.html', { body: {} })).status).toBe(405);
  });

  test('the province’s figures are the API’s; a click leads into 西安市 and on into 雁塔区, whose departments are listed; the crumbs lead back', async () => {
    const page = await open(province, '610000');
    expect(await page.textContent('#who-region')).toBe('陕西省');
    expect(await page.inputValue('#period input[name=from]')).toBe(period.from);
    expect(await page.inputValue('#period input[name=to]')).toBe(period.to);
    await expectSameFigures(page, '610000', 'region');
    // four charts drawn on canvases at their card's size (a chart made while the board was hidden is 0 wide)
    const widths = await page.$$eval('.chart', (cs) => cs.map((c) => (c as any).querySelector('canvas')?.width ?? 0));
    expect(widths).toHaveLength(4);
    for (const w of widths) expect(w).toBeGreaterThan(300);
    await page.screenshot({ path: path.join(SHOTS, 'supervision-province.png'), fullPage: true });

    await page.click('#breakdown button[data-region="610100"]');
    await ready(page, '610100');
    expect(await page.$$eval('#crumbs li', (li) => li.map((x) => x.textContent))).toEqual(['陕西省', '西安市']);
    await expectSameFigures(page, '610100', 'region');

    await page.click('#breakdown button[data-region="610113"]');
    await ready(page, '610113');
    expect(await page.$$eval('#crumbs li', (li) => li.map((x) => x.textContent))).toEqual(['陕西省', '西安市', '雁塔区']);
    expect(await page.textContent('#breakdown-title')).toBe('雁塔区 · 分部门');
    await expectSameFigures(page, '610113', 'dept');
    expect((await rows(page)).map(([k]) => k)).toContain(DEPT);
    // [H20] the county's own halls, as by=hall answers them (re-read while the stream still counts a booking's move)
    await eventually('the page’s halls equal the API’s', async () => {
      const halls = await metrics(province, '610113', 'hall');
      const shownHalls = await page.$$eval('#halls tbody tr[data-key]', (trs) => trs.map((tr) => [(tr as any).dataset.key, [...(tr as any).querySelectorAll('td')].map((td: any) => td.textContent.trim())]));
      if (JSON.stringify(shownHalls) === JSON.stringify((halls.groups ?? []).map((g) => [g.key, hallRow(g)]))) return true;
      await page.click('#period button[type=submit]');
      await ready(page, '610113');
      return false;
    });
    await page.screenshot({ path: path.join(SHOTS, 'supervision-county.png'), fullPage: true });

    await page.click('#crumbs button[data-region="610000"]');
    await ready(page, '610000');
    expect(await page.$$eval('#crumbs li', (li) => li.length)).toBe(1);
    await page.close();
  });

  test('the alerts to open: the overdue case is listed red, and opens with its timeline; the 差评 is listed with its follow-up', async () => {
    const page = await open(province, '610000');
    await page.click('#alert-levels button[data-level="red"]');
    await ready(page, '610000');
    const alert = `tr[data-alert="${overdueCase}~timeliness.case_overdue"]`;
    await findRow(page, alert, '#alerts-more');
    expect(await page.$$eval(`${alert} td`, (tds) => tds.map((t) => t.textContent))).toEqual(['红牌', '时效', expect.any(String), '[N20]', overdueCase, DEPT, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expect.any(String)]);
    // only red ones under the red filter
    expect(await page.$$eval('#alerts tbody .pill', (ps) => [...new Set(ps.map((p) => p.textContent))])).toEqual(['红牌']);
    await page.click(`${alert} button[data-case="${overdueCase}"]`);
    await page.waitForSelector('#case:not([hidden])');
    expect(await page.textContent('#case-body')).toContain(overdueCase);
    expect(await page.$$eval('#case .timeline li', (li) => li.length)).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: path.join(SHOTS, 'supervision-case.png') });
    await page.click('#case-close');

    const followUp = `#follow-ups tr[data-evaluation="${ratedCase}.V1"]`;
    await findRow(page, followUp, '#follow-ups-more');
    expect(await page.$$eval(`${followUp} td`, (tds) => tds.map((t) => t.textContent))).toEqual([ratedCase, '2 分', '材料要求说明不清', DEPT, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), '整改中']);
    await page.close();
  });

  test('a county supervisor signs in with the form, sees their county only, and cannot climb above it', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    watch(page);
    await page.goto(`${endpoints.apiUrl}/supervision/`);
    await page.waitForSelector('#sign-in:not([hidden])');
    await page.fill('#sign-in-form input[name=name]', '雁塔区监察员');
    await page.selectOption('#sign-in-region', '610113');
    await page.click('#sign-in-form button[type=submit]');
    await ready(page, '610113');
    expect([await page.textContent('#who-name'), await page.textContent('#who-region')]).toEqual(['雁塔区监察员', '雁塔区']);
    expect(await page.$$eval('#crumbs li', (li) => li.map((x) => x.textContent))).toEqual(['雁塔区']);
    // their token asks for the city: the API refuses, so a hand-made request from the page's origin is refused too
    const asked = await page.evaluate(async (from) => {
      const t = (globalThis as any).sessionStorage.getItem('zwfw.supervision.token');
      return (await fetch(`/v1/supervision/metrics?from=${from}&to=${from}&region=610100`, { headers: { authorization: `Bearer ${t}` } })).status;
    }, period.from);
    expect(asked).toBe(403);
    // signing out forgets the token: a reload is the sign-in form again
    await page.click('#sign-out');
    await page.reload();
    await page.waitForSelector('#sign-in:not([hidden])');
    await page.close();
  });

  test('no way in without a supervisor’s token: a citizen’s shows the refusal and no figures; a forged one is the sign-in again', async () => {
    const citizen = await citizenToken(`pg-c-${run}`, { type: 'person', name: '路人', idNumber: '610113197707070022' });
    const page = await browser.newPage();
    watch(page);
    await page.goto(`${endpoints.apiUrl}/supervision/#token=${citizen}`);
    await page.waitForSelector('body[data-state="ready"]');
    await page.waitForFunction(() => (globalThis as any).document.getElementById('board-error')!.textContent !== '');
    expect(await page.$$eval('#headline .tile', (t) => t.length)).toBe(0);
    // the token left the address bar as soon as it was read
    expect(new URL(page.url()).hash).toBe('');

    const [h, p] = province.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), region: '610000', roles: ['supervisor', 'operator'] })).toString('base64url')}.${province.split('.')[2]}`;
    await page.goto(`${endpoints.apiUrl}/supervision/#token=${forged}`);
    await page.reload();
    await page.waitForSelector('#sign-in:not([hidden])');
    expect(await page.textContent('#sign-in-error')).toContain('登录已过期');
    await page.close();
  });

  test('no script error, no content-security-policy violation and no failed request but the refusals on any page above', () => {
    expect(problems).toEqual([]);
  });
});
