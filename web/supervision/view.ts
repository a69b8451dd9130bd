/**
 * The supervision page's view of the API's answers [N20] [N21]: what each figure is called, how it is
 * shown, where a click leads and what each chart draws. Pure functions of the answers (no DOM, no
 * fetch), so the unit tests and the page agree on every figure the page prints.
 */
import { shanghaiDate } from '../../shared/domain/calendar.ts';

/** The figures of `GET /v1/supervision/metrics` (API.md "Supervision"). */
export interface Figures {
  submitted: number;
  accepted: number;
  correctionRequested: number;
  rejected: number;
  returned: number;
  completed: number;
  onTime: number;
  overdue: number;
  onTimeRate: number | null;
  avgWorkingDays: number | null;
  evaluations: { count: number; average: number | null; bad: number };
  /** at the halls [H20]: bookings, check-ins, no-shows, cases filed from bookings, minutes from check-in to the call */
  appointments: { booked: number; cancelled: number; checkedIn: number; noShows: number; served: number; avgWaitMinutes: number | null };
}
export type Group = Figures & { key: string; name: string };
export type MetricsAnswer = Figures & { from: string; to: string; region: string; regionName: string; dept?: string; groups?: Group[] };

export interface Tile {
  key: string;
  label: string;
  value: string;
  /** a tile that asks for attention when its figure is not zero */
  warn?: boolean;
}

const count = (n: number) => n.toLocaleString('zh-CN');
/** a share as the page prints it: 97.3%; none decided yet is a dash, not 0% */
export const rate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const days = (d: number | null) => (d === null ? '—' : d.toFixed(2));
const score = (s: number | null) => (s === null ? '—' : s.toFixed(2));

/** The headline tiles for the chosen period: the metrics answer's own figures, each printed once. */
export function headline(m: Figures): Tile[] {
  return [
    { key: 'submitted', label: '申请', value: count(m.submitted) },
    { key: 'accepted', label: '受理', value: count(m.accepted) },
    { key: 'correctionRequested', label: '一次性告知补正', value: count(m.correctionRequested) },
    { key: 'rejected', label: '不予受理', value: count(m.rejected) },
    { key: 'returned', label: '退回', value: count(m.returned) },
    { key: 'completed', label: '办结', value: count(m.completed) },
    { key: 'onTime', label: '按时办结', value: count(m.onTime) },
    { key: 'overdue', label: '超期办结', value: count(m.overdue), warn: m.overdue > 0 },
    { key: 'onTimeRate', label: '按时办结率', value: rate(m.onTimeRate) },
    { key: 'avgWorkingDays', label: '平均用时（工作日）', value: days(m.avgWorkingDays) },
    { key: 'evaluations', label: '评价', value: count(m.evaluations.count) },
    { key: 'evaluationAverage', label: '平均评分', value: score(m.evaluations.average) },
    { key: 'bad', label: '差评', value: count(m.evaluations.bad), warn: m.evaluations.bad > 0 },
    { key: 'booked', label: '网上预约', value: count(m.appointments.booked) },
    { key: 'checkedIn', label: '预约签到', value: count(m.appointments.checkedIn) },
    { key: 'noShows', label: '预约爽约', value: count(m.appointments.noShows) },
    { key: 'avgWaitMinutes', label: '平均等候（分钟）', value: m.appointments.avgWaitMinutes === null ? '—' : m.appointments.avgWaitMinutes.toFixed(1) },
  ];
}

/** The row of a region or department in the breakdown table, in the order of its columns. */
export function row(g: Group): string[] {
  return [g.name, count(g.submitted), count(g.accepted), count(g.completed), count(g.onTime), count(g.overdue), rate(g.onTimeRate), count(g.evaluations.bad)];
}
export const ROW_HEADINGS = ['地区 / 部门', '申请', '受理', '办结', '按时', '超期', '按时办结率', '差评'];

/** A hall's row [H20]: its bookings, check-ins, no-shows, cases filed from bookings and the average wait. */
export function hallRow(g: Group): string[] {
  const a = g.appointments;
  return [g.name, count(a.booked), count(a.cancelled), count(a.checkedIn), count(a.noShows), count(a.served), a.avgWaitMinutes === null ? '—' : a.avgWaitMinutes.toFixed(1)];
}
export const HALL_HEADINGS = ['大厅', '预约', '取消', '签到', '爽约', '受理办件', '平均等候（分钟）'];

/** 行政区划 level of a 6-digit code: 610000 the province, 610100 a city, 610113 a county. */
export function levelOf(code: string): 'province' | 'city' | 'county' {
  if (code.endsWith('0000')) return 'province';
  // 杨凌示范区 610403 is run at city level but has no counties below it (shared/catalog/regions.ts)
  if (code.endsWith('00') || code === '610403') return 'city';
  return 'county';
}

/**
 * How the region in view is broken down: by the regions below it, down to a county, where the
 * departments are what is left to see. 杨凌示范区 is its own only county, so it is one step too.
 */
export const breakdownOf = (region: string): 'region' | 'dept' => (levelOf(region) === 'county' || region === '610403' ? 'dept' : 'region');

/** A group one may click into: a region below the one in view (not the 本级 entry of its own departments). */
export const drillable = (m: Pick<MetricsAnswer, 'region'>, g: Pick<Group, 'key'>) => /^\d{6}$/.test(g.key) && g.key !== m.region;

export interface Crumb {
  region: string;
  name: string;
}

/** The breadcrumb after a click: into a region below, or back up to one already on the path. */
export function drill(path: Crumb[], to: Crumb): Crumb[] {
  const at = path.findIndex((c) => c.region === to.region);
  return at >= 0 ? path.slice(0, at + 1) : [...path, to];
}

/** From the first day of the month to today: what a supervisor opens the page to see. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** Today in China Standard Time, as the case clocks count days (the calendar's own). */
export const shanghaiToday = (now: Date) => shanghaiDate(now);

/** The query string of the figures the page shows for a view. */
export function metricsQuery(v: { from: string; to: string; region: string }, by?: 'region' | 'dept' | 'channel' | 'day' | 'hall'): string {
  const q = new URLSearchParams({ from: v.from, to: v.to, region: v.region });
  if (by) q.set('by', by);
  return q.toString();
}

/** What each recorded step is called in a case’s timeline (the audit trail); a step not named here shows as recorded. */
export const ACTION_NAMES: Record<string, string> = {
  submit: '提交申请',
  accept: '受理',
  reject: '不予受理',
  request_correction: '一次性告知补正',
  resubmit: '补正材料',
  close_unanswered_correction: '逾期未补正',
  forward: '分送审查',
  claim_task: '认领',
  review_approve: '审查通过',
  review_deny: '审查不通过',
  return: '退回',
  extend: '延长期限',
  pause_clock: '暂停计时',
  resume_clock: '恢复计时',
  recompute_deadline: '重算期限',
  unified_return: '统一出件',
  archive: '归档',
  withdraw: '撤回申请',
  evaluate: '评价',
  complain: '投诉',
  answer_follow_up: '整改答复',
};

export const LEVEL_NAMES: Record<string, string> = { red: '红牌', yellow: '黄牌' };
export const CATEGORY_NAMES: Record<string, string> = { timeliness: '时效', legality: '合法', completeness: '完整', content: '规范' };
const STATUSES: [keyof Figures, string][] = [
  ['submitted', '申请'],
  ['accepted', '受理'],
  ['correctionRequested', '补正'],
  ['rejected', '不予受理'],
  ['returned', '退回'],
  ['completed', '办结'],
];

/** Palette: the platform's red for what is late, blue for volume, green for what is on time. */
export const COLOURS = { volume: '#1f5fa8', onTime: '#2e8b57', overdue: '#c0392b', rate: '#e08e0b', muted: '#8a96a8' };

// ECharts options: plain objects, typed only as far as the page reads them back
type Option = Record<string, unknown>;
const axisGrid = { left: 48, right: 56, top: 40, bottom: 64, containLabel: false };

/** Volumes by channel (网上、窗口、代办、自助终端): submitted and completed for each. */
export function channelOption(groups: Group[]): Option {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: axisGrid,
    xAxis: { type: 'category', data: groups.map((g) => g.name) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '申请', type: 'bar', barMaxWidth: 40, data: groups.map((g) => g.submitted), itemStyle: { color: COLOURS.volume } },
      { name: '办结', type: 'bar', barMaxWidth: 40, data: groups.map((g) => g.completed), itemStyle: { color: COLOURS.onTime } },
    ],
  };
}

/** Cases by what happened to them in the period: 申请 … 办结. */
export function statusOption(m: Figures): Option {
  return {
    tooltip: { trigger: 'item' },
    grid: { ...axisGrid, left: 88 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: STATUSES.map(([, n]) => n) },
    series: [{ name: '办件', type: 'bar', barMaxWidth: 40, data: STATUSES.map(([k]) => m[k] as number), itemStyle: { color: COLOURS.volume }, label: { show: true, position: 'right' } }],
  };
}

/** On time and overdue per region or department, stacked, with the on-time rate on its own axis. */
export function timelinessOption(groups: Group[]): Option {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: axisGrid,
    xAxis: { type: 'category', data: groups.map((g) => g.name), axisLabel: { interval: 0, rotate: groups.length > 6 ? 35 : 0 } },
    yAxis: [
      { type: 'value', minInterval: 1, name: '件' },
      { type: 'value', min: 0, max: 100, name: '%', splitLine: { show: false } },
    ],
    series: [
      { name: '按时办结', type: 'bar', barMaxWidth: 40, stack: 'done', data: groups.map((g) => g.onTime), itemStyle: { color: COLOURS.onTime } },
      { name: '超期办结', type: 'bar', barMaxWidth: 40, stack: 'done', data: groups.map((g) => g.overdue), itemStyle: { color: COLOURS.overdue } },
      { name: '按时办结率', type: 'line', yAxisIndex: 1, data: groups.map((g) => (g.onTimeRate === null ? null : Math.round(g.onTimeRate * 1000) / 10)), itemStyle: { color: COLOURS.rate } },
    ],
  };
}

/** Day by day: submitted and completed. */
export function dayOption(groups: Group[]): Option {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: axisGrid,
    xAxis: { type: 'category', data: groups.map((g) => g.key.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '申请', type: 'line', smooth: true, data: groups.map((g) => g.submitted), itemStyle: { color: COLOURS.volume } },
      { name: '办结', type: 'line', smooth: true, data: groups.map((g) => g.completed), itemStyle: { color: COLOURS.onTime } },
    ],
  };
}
