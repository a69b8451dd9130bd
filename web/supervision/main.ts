/**
 * The supervision page (电子监察) [N20] [N21]: a supervisor's region at a glance, for a period they
 * choose, and down to a county's departments with a click. Every figure comes from the public API
 * (`GET /v1/supervision/metrics`, `/alerts`, `/rules`, `GET /v1/evaluations?bad=true`, a case by
 * `GET /v1/cases/{caseId}`); the page computes nothing the API did not answer. Text from the API is
 * only ever set as text (never as HTML).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import regionList from '../../shared/catalog/data/shaanxi-regions.json';
import { ApiError, client, type Get } from './api.ts';
import { claimsOf, forget, keep, localSignIn, oidcCallback, oidcSignIn, saved, tokenFromFragment, type Claims, type SiteConfig } from './session.ts';
import {
  ACTION_NAMES,
  breakdownOf,
  CATEGORY_NAMES,
  channelOption,
  dayOption,
  defaultPeriod,
  drill,
  drillable,
  HALL_HEADINGS,
  hallRow,
  headline,
  LEVEL_NAMES,
  metricsQuery,
  row,
  ROW_HEADINGS,
  shanghaiToday,
  statusOption,
  timelinessOption,
  type Crumb,
  type Group,
  type MetricsAnswer,
} from './view.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface AlertItem {
  alertId: string;
  caseId?: string;
  level: string;
  rule: string;
  category: string;
  article: string;
  detail: string;
  deadline?: string;
  dept: string;
  region: string;
  matterCode: string;
  raisedAt: string;
}
interface FollowUpItem {
  evaluationId: string;
  caseId: string;
  score: number;
  comment?: string;
  followUp: { dept: string; due: string; status: string; overdue: boolean };
}

const state = {
  get: undefined as Get | undefined,
  claims: undefined as Claims | undefined,
  path: [] as Crumb[],
  from: '',
  to: '',
  level: '',
  rules: new Map<string, string>(),
  alertsCursor: null as string | null,
  followUpsCursor: null as string | null,
  breakdown: [] as Group[],
  answer: undefined as MetricsAnswer | undefined,
};

const charts = new Map<string, echarts.ECharts>();
/** A chart, made the first time it is drawn: after the board is shown, so that it is made at its real size. */
function chart(id: string): echarts.ECharts {
  let c = charts.get(id);
  if (!c) {
    c = echarts.init($(id), undefined, { renderer: 'canvas' });
    if (id === 'chart-timeliness') {
      c.on('click', (p) => {
        const g = state.breakdown[p.dataIndex];
        if (g && state.answer && drillable(state.answer, g)) go({ region: g.key, name: g.name });
      });
    }
    charts.set(id, c);
  }
  return c;
}
addEventListener('resize', () => charts.forEach((c) => c.resize()));

const region = () => state.path.at(-1)!.region;
const busy = (on: boolean) => (document.body.dataset.state = on ? 'loading' : 'ready');
const regionName = (code: string) => (regionList.regions as { code: string; name: string }[]).find((r) => r.code === code)?.name ?? code;

function showError(where: string, err: unknown) {
  if (err instanceof ApiError && err.status === 401) {
    forget();
    return signIn('登录已过期，请重新登录。');
  }
  $(where).textContent = err instanceof Error ? err.message : String(err);
}

// ── sign-in ──────────────────────────────────────────────────────────────────────────────────────

let config: SiteConfig = { signIn: 'local' };

async function boot() {
  config = await fetch('config.json').then((r) => (r.ok ? r.json() : { signIn: 'local' }));
  let token = tokenFromFragment();
  if (!token && config.signIn === 'oidc') token = await oidcCallback(config).catch((e) => (showError('sign-in-error', e), undefined));
  token ??= saved();
  if (token) {
    keep(token);
    return open(token);
  }
  signIn();
}

function signIn(message = '') {
  $('board').hidden = true;
  $('who').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message;
  const select = $<HTMLSelectElement>('sign-in-region');
  if (!select.options.length) {
    for (const r of regionList.regions as { code: string; name: string; level: string }[]) {
      select.append(el('option', `${r.level === 'county' ? '　　' : r.level === 'city' ? '　' : ''}${r.name}`, { value: r.code }));
    }
  }
  $('sign-in-hint').textContent = config.signIn === 'local' ? '本地运行环境：向本地身份认证服务申请监察人员令牌。' : '使用陕西省统一身份认证登录。';
  $<HTMLSelectElement>('sign-in-region').parentElement!.hidden = config.signIn !== 'local';
  $<HTMLInputElement>('sign-in-form').querySelector<HTMLInputElement>('input[name=name]')!.parentElement!.hidden = config.signIn !== 'local';
  busy(false);
}

$('sign-in-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = new FormData(e.target as HTMLFormElement);
  try {
    if (config.signIn === 'oidc') return await oidcSignIn(config);
    const token = await localSignIn(config, { name: String(form.get('name')), region: String(form.get('region')) });
    keep(token);
    open(token);
  } catch (err) {
    showError('sign-in-error', err);
  }
});

$('sign-out').addEventListener('click', () => {
  forget();
  state.get = undefined;
  signIn();
});

async function open(token: string) {
  state.claims = claimsOf(token);
  state.get = client(token);
  const home = state.claims?.region ?? '610000';
  state.path = [{ region: home, name: regionName(home) }];
  ({ from: state.from, to: state.to } = defaultPeriod(shanghaiToday(new Date())));
  const period = $<HTMLFormElement>('period');
  (period.elements.namedItem('from') as HTMLInputElement).value = state.from;
  (period.elements.namedItem('to') as HTMLInputElement).value = state.to;
  $('sign-in').hidden = true;
  $('board').hidden = false;
  charts.forEach((c) => c.resize());
  $('who').hidden = false;
  $('who-name').textContent = state.claims?.name ?? state.claims?.sub ?? '';
  $('who-region').textContent = regionName(home);
  if (!state.rules.size) {
    state.get<Page<{ ruleId: string; description: string }>>('/v1/supervision/rules').then(
      (r) => r.items.forEach((x) => state.rules.set(x.ruleId, x.description)),
      () => undefined,
    );
  }
  await load();
}

// ── the figures ──────────────────────────────────────────────────────────────────────────────────

$('period').addEventListener('submit', (e) => {
  e.preventDefault();
  const f = e.target as HTMLFormElement;
  state.from = (f.elements.namedItem('from') as HTMLInputElement).value;
  state.to = (f.elements.namedItem('to') as HTMLInputElement).value;
  load();
});

function go(to: Crumb) {
  state.path = drill(state.path, to);
  load();
}

async function load() {
  busy(true);
  $('board-error').textContent = '';
  const get = state.get!;
  const view = { from: state.from, to: state.to, region: region() };
  const by = breakdownOf(view.region);
  document.body.dataset.region = view.region;
  try {
    // four reads of the region's counters: the headline figures come with the first (API.md: `by` adds groups)
    const [byChannel, byPlace, byDay, byHall] = await Promise.all([
      get<MetricsAnswer>(`/v1/supervision/metrics?${metricsQuery(view, 'channel')}`),
      get<MetricsAnswer>(`/v1/supervision/metrics?${metricsQuery(view, by)}`),
      get<MetricsAnswer>(`/v1/supervision/metrics?${metricsQuery(view, 'day')}`),
      get<MetricsAnswer>(`/v1/supervision/metrics?${metricsQuery(view, 'hall')}`),
    ]);
    state.answer = byChannel;
    renderCrumbs();
    renderTiles(byChannel);
    chart('chart-channel').setOption(channelOption(byChannel.groups ?? []), true);
    chart('chart-status').setOption(statusOption(byChannel), true);
    state.breakdown = byPlace.groups ?? [];
    $('timeliness-title').textContent = `按时办结与超期 · 按${by === 'dept' ? '部门' : '地区'}`;
    chart('chart-timeliness').setOption(timelinessOption(state.breakdown), true);
    chart('chart-day').setOption(dayOption(byDay.groups ?? []), true);
    renderBreakdown(byPlace, by, state.path.at(-1)!.name);
    renderHalls(byHall, state.path.at(-1)!.name);
    await Promise.all([loadAlerts(true), loadFollowUps(true)]);
  } catch (err) {
    showError('board-error', err);
  } finally {
    busy(false);
  }
}

function renderCrumbs() {
  const ol = $('crumbs');
  ol.replaceChildren(
    ...state.path.map((c, i) => {
      const li = el('li');
      if (i === state.path.length - 1) li.append(el('span', c.name, { 'aria-current': 'page', 'data-region': c.region }));
      else {
        const b = el('button', c.name, { type: 'button', 'data-region': c.region });
        b.addEventListener('click', () => go(c));
        li.append(b);
      }
      return li;
    }),
  );
}

function renderTiles(m: MetricsAnswer) {
  $('headline').replaceChildren(
    ...headline(m).map((t) => {
      const d = el('div', undefined, { class: `tile${t.warn ? ' warn' : ''}`, 'data-key': t.key });
      d.append(el('span', t.label, { class: 'label' }), el('strong', t.value, { class: 'value' }));
      return d;
    }),
  );
}

function renderBreakdown(m: MetricsAnswer, by: 'region' | 'dept', name: string) {
  $('breakdown-title').textContent = `${name} · ${by === 'dept' ? '分部门' : '分地区'}`;
  const table = $<HTMLTableElement>('breakdown');
  const head = el('tr');
  head.append(...ROW_HEADINGS.map((h, i) => el('th', i === 0 ? (by === 'dept' ? '部门' : '地区') : h)));
  table.tHead!.replaceChildren(head);
  const rows = (m.groups ?? []).map((g) => {
    const tr = el('tr', undefined, { 'data-key': g.key });
    row(g).forEach((cell, i) => {
      const td = el('td');
      if (i === 0 && drillable(m, g)) {
        const b = el('button', cell, { type: 'button', class: 'link', 'data-region': g.key });
        b.addEventListener('click', () => go({ region: g.key, name: g.name }));
        td.append(b);
      } else td.textContent = cell;
      if (i === 5 && g.overdue > 0) td.className = 'bad';
      tr.append(td);
    });
    return tr;
  });
  if (!rows.length) {
    const tr = el('tr');
    tr.append(el('td', '本期无办件', { colspan: String(ROW_HEADINGS.length), class: 'empty' }));
    rows.push(tr);
  }
  table.tBodies[0].replaceChildren(...rows);
}

/** [H20] the region's own halls: a county's centre and stations, a city's or the province's centre. */
function renderHalls(m: MetricsAnswer, name: string) {
  $('halls-title').firstChild!.textContent = `${name} · 本级大厅 `;
  const table = $<HTMLTableElement>('halls');
  const head = el('tr');
  head.append(...HALL_HEADINGS.map((h) => el('th', h)));
  table.tHead!.replaceChildren(head);
  const rows = (m.groups ?? []).map((g) => {
    const tr = el('tr', undefined, { 'data-key': g.key });
    tr.append(...hallRow(g).map((cell) => el('td', cell)));
    return tr;
  });
  table.tBodies[0].replaceChildren(...(rows.length ? rows : [emptyRow(HALL_HEADINGS.length, '本期无预约')]));
}

// ── alerts and follow-ups ────────────────────────────────────────────────────────────────────────

$('alert-levels').addEventListener('click', (e) => {
  const b = (e.target as HTMLElement).closest('button');
  if (!b) return;
  state.level = b.dataset.level ?? '';
  $('alert-levels').querySelectorAll('button').forEach((x) => x.classList.toggle('on', x === b));
  whileBusy(loadAlerts(true));
});
$('alerts-more').addEventListener('click', () => whileBusy(loadAlerts(false)));
$('follow-ups-more').addEventListener('click', () => whileBusy(loadFollowUps(false)));

/** The page is `data-state="loading"` until a read ends, so a test (or a screen reader) knows when it is current. */
function whileBusy(p: Promise<unknown>) {
  busy(true);
  p.catch((err) => showError('board-error', err)).finally(() => busy(false));
}

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

function caseButton(caseId: string) {
  const b = el('button', caseId, { type: 'button', class: 'link mono', 'data-case': caseId });
  b.addEventListener('click', () => whileBusy(openCase(caseId)));
  return b;
}

async function loadAlerts(fresh: boolean) {
  const q = new URLSearchParams({ status: 'open', region: region(), limit: '20' });
  if (state.level) q.set('level', state.level);
  if (!fresh && state.alertsCursor) q.set('cursor', state.alertsCursor);
  const page = await state.get!<Page<AlertItem>>(`/v1/supervision/alerts?${q}`);
  const body = $<HTMLTableElement>('alerts').tBodies[0];
  const rows = page.items.map((a) => {
    const tr = el('tr', undefined, { 'data-alert': a.alertId });
    const level = el('td');
    level.append(el('span', LEVEL_NAMES[a.level] ?? a.level, { class: `pill ${a.level}` }));
    const subject = el('td');
    subject.append(a.caseId ? caseButton(a.caseId) : el('span', a.matterCode, { class: 'mono' }));
    tr.append(level, el('td', CATEGORY_NAMES[a.category] ?? a.category), el('td', state.rules.get(a.rule) ?? a.rule, { title: `${a.rule}：${a.detail}` }), el('td', a.article), subject, el('td', a.dept, { class: 'mono' }), el('td', a.deadline ?? '—'), el('td', when(a.raisedAt)));
    return tr;
  });
  if (fresh) body.replaceChildren(...(rows.length ? rows : [emptyRow(8, '无未处理预警')]));
  else body.append(...rows);
  state.alertsCursor = page.nextCursor;
  $('alerts-more').hidden = !page.nextCursor;
}

async function loadFollowUps(fresh: boolean) {
  const q = new URLSearchParams({ bad: 'true', status: 'open', region: region(), limit: '20' });
  if (!fresh && state.followUpsCursor) q.set('cursor', state.followUpsCursor);
  const page = await state.get!<Page<FollowUpItem>>(`/v1/evaluations?${q}`);
  const body = $<HTMLTableElement>('follow-ups').tBodies[0];
  const rows = page.items.map((f) => {
    const tr = el('tr', undefined, { 'data-evaluation': f.evaluationId });
    const c = el('td');
    c.append(caseButton(f.caseId));
    const status = el('td');
    status.append(el('span', f.followUp.overdue ? '已超期' : '整改中', { class: `pill ${f.followUp.overdue ? 'red' : 'yellow'}` }));
    tr.append(c, el('td', `${f.score} 分`), el('td', f.comment ?? '—'), el('td', f.followUp.dept, { class: 'mono' }), el('td', f.followUp.due), status);
    return tr;
  });
  if (fresh) body.replaceChildren(...(rows.length ? rows : [emptyRow(6, '无待整改差评')]));
  else body.append(...rows);
  state.followUpsCursor = page.nextCursor;
  $('follow-ups-more').hidden = !page.nextCursor;
}

function emptyRow(span: number, text: string) {
  const tr = el('tr');
  tr.append(el('td', text, { colspan: String(span), class: 'empty' }));
  return tr;
}

// ── a case, opened from an alert or a follow-up ──────────────────────────────────────────────────

const STATUS_NAMES: Record<string, string> = { submitted: '已申请', correction_required: '待补正', accepted: '已受理', in_review: '审查中', decided: '已决定', completed: '已办结', rejected: '不予受理', returned: '已退回', withdrawn: '已撤回' };

interface CaseView {
  caseId: string;
  matterCode: string;
  status: string;
  channel: string;
  submittedAt: string;
  deadline?: string;
  clock?: { promiseDays: number; usedWorkingDays: number; paused: boolean };
  tasks?: { taskId: string; dept?: string; status: string; stepDue?: string }[];
  timeline?: { at: string; actor?: { name?: string; role?: string }; action: string; from?: string; to?: string }[];
}

async function openCase(caseId: string) {
  const c = await state.get!<CaseView>(`/v1/cases/${encodeURIComponent(caseId)}`);
  const body = $('case-body');
  const facts = el('dl');
  const fact = (k: string, v: string) => facts.append(el('dt', k), el('dd', v));
  fact('办件编号', c.caseId);
  fact('事项编码', c.matterCode);
  fact('状态', STATUS_NAMES[c.status] ?? c.status);
  fact('渠道', c.channel);
  fact('申请时间', when(c.submittedAt));
  fact('承诺办结', c.deadline ?? '—');
  if (c.clock) fact('已用工作日', `${c.clock.usedWorkingDays} / ${c.clock.promiseDays}${c.clock.paused ? '（计时暂停）' : ''}`);
  const timeline = el('ol', undefined, { class: 'timeline' });
  for (const t of c.timeline ?? []) {
    const li = el('li');
    li.append(el('time', when(t.at)), el('span', `${t.actor?.name ?? ''}${t.actor?.role ? `（${t.actor.role}）` : ''} ${ACTION_NAMES[t.action] ?? t.action}${t.from && t.to && t.from !== t.to ? `：${STATUS_NAMES[t.from] ?? t.from} → ${STATUS_NAMES[t.to] ?? t.to}` : ''}`));
    timeline.append(li);
  }
  body.replaceChildren(el('h2', '办件详情'), facts, el('h3', '办理过程'), timeline);
  $('case').hidden = false;
}
$('case-close').addEventListener('click', () => ($('case').hidden = true));

boot().catch((err) => showError('sign-in-error', err));
