import { authorize } from '../access/gate.ts';
import { isDay } from '../calendar.ts';
import { addCounts, CHANNELS, figuresOf, type Counts } from '../business-metrics.ts';
import type { Caller } from '../caller.ts';
import type { Channel } from '../case.ts';
import { Malformed } from '../errors.ts';
import type { CounterEntry, Ports } from '../ports.ts';
import { hallOf } from '../rules/h8-single-window.ts';
import { regionContains } from '../rules/n4-region-scope.ts';
import { assertDepartment, assertRegion } from './supervision.ts';

export interface MetricsRequest {
  from?: string;
  to?: string;
  region?: string;
  dept?: string;
  by?: string;
}

/** The longest period one request may ask for: a year, so a request costs at most a year of a region's entries. */
export const MAX_PERIOD_DAYS = 366;
const BY = ['region', 'dept', 'channel', 'day', 'hall'] as const;
type By = (typeof BY)[number];

const CHANNEL_NAMES: Record<Channel, string> = { online: '网上申请', window: '窗口', agent: '代办', kiosk: '自助终端' };

function period(from: string | undefined, to: string | undefined): { from: string; to: string } {
  const day = (name: string, v: string | undefined) => {
    if (v === undefined) throw new Malformed(`${name} is required: a period has a first and a last day`, [{ path: name, message: 'YYYY-MM-DD' }]);
    if (!isDay(v)) throw new Malformed(`${name} is not a day: ${v}`, [{ path: name, message: 'YYYY-MM-DD' }]);
    return Date.parse(`${v}T00:00:00Z`);
  };
  const [f, t] = [day('from', from), day('to', to)];
  if (f > t) throw new Malformed(`the period ends (${to}) before it begins (${from})`, [{ path: 'to', message: 'not before from' }]);
  if ((t - f) / 86_400_000 + 1 > MAX_PERIOD_DAYS) throw new Malformed(`a period is at most ${MAX_PERIOD_DAYS} days`, [{ path: 'to', message: `at most ${MAX_PERIOD_DAYS} days after from` }]);
  return { from: from!, to: to! };
}

const sumOf = (entries: CounterEntry[], channel?: Channel) =>
  entries.reduce((acc: Counts, e) => {
    for (const ch of channel ? [channel] : CHANNELS) if (e.byChannel[ch]) addCounts(acc, e.byChannel[ch]!);
    return acc;
  }, {});

/**
 * GET /v1/supervision/metrics [N20] [N21]: the figures of a region (everything below it) or one
 * department for a period, and with `by` the same figures per region below, department, channel or
 * day. One Query of the region's own partition of counters: a province-wide month is one partition's
 * month, whatever the number of cases.
 */
type Figures = ReturnType<typeof figuresOf>;
export type MetricsAnswer = Figures & { from: string; to: string; region: string; regionName: string; dept?: string; groups?: (Figures & { key: string; name: string })[] };

export async function readMetrics(ports: Pick<Ports, 'counters' | 'regions' | 'catalog' | 'cases' | 'staff' | 'authorisations' | 'clock' | 'halls'>, caller: Caller, req: MetricsRequest): Promise<MetricsAnswer> {
  const { from, to } = period(req.from, req.to);
  if (req.by !== undefined && !BY.includes(req.by as By)) throw new Malformed(`by is ${BY.join(', ')}`, [{ path: 'by', message: `one of ${BY.join(', ')}` }]);
  const by = req.by as By | undefined;
  if (req.region !== undefined) assertRegion(ports, req.region);
  if (req.dept !== undefined) await assertDepartment(ports, req.dept);
  const deptRegion = req.dept ? hallOf(req.dept)?.slice(0, 6) : undefined;
  if (req.dept && req.region && !regionContains(req.region, deptRegion)) throw new Malformed(`department ${req.dept} is not in region ${req.region}`, [{ path: 'dept', message: `not in ${req.region}` }]);
  const region = deptRegion ?? req.region ?? caller.region ?? '';
  await authorize(ports, caller, 'supervision.metrics', { kind: 'region', region }, ports.clock.now());

  const all = await ports.counters.entries(region, from, to);
  const entries = req.dept ? all.filter((e) => e.entry === `DEPT#${req.dept}`) : all;
  const head: MetricsAnswer = { from, to, region, regionName: ports.regions.name(region, true) ?? region, ...(req.dept ? { dept: req.dept } : {}), ...figuresOf(sumOf(entries)) };
  if (!by) return head;

  const groups = new Map<string, CounterEntry[]>();
  const put = (key: string, e: CounterEntry) => groups.set(key, [...(groups.get(key) ?? []), e]);
  if (by === 'channel') return { ...head, groups: CHANNELS.map((ch) => ({ key: ch, name: CHANNEL_NAMES[ch], ...figuresOf(sumOf(entries, ch)) })) };
  for (const e of entries) {
    const [kind, code] = e.entry.split('#');
    if (by === 'day') put(e.day, e);
    else if (by === 'dept' && kind === 'DEPT') put(code, e);
    // [H20] the region's own halls (a county's centre and its stations; a city's or the province's centre)
    else if (by === 'hall' && kind === 'HALL') put(code, e);
    // a region's own departments are its 本级, beside the regions below it
    else if (by === 'region') put(kind === 'REGION' ? code : region, e);
  }
  const keys = [...groups.keys()].sort();
  const deptNames = by === 'dept' ? await ports.catalog.departmentNames(keys) : {};
  const hallNames = by === 'hall' ? Object.fromEntries(await Promise.all(keys.map(async (k) => [k, (await ports.halls.get(k))?.name ?? k]))) : {};
  const name = (key: string) => (by === 'dept' ? (deptNames[key] ?? key) : by === 'hall' ? hallNames[key] : by === 'region' ? (key === region ? `${ports.regions.name(region) ?? region}本级` : (ports.regions.name(key) ?? key)) : key);
  return { ...head, groups: keys.map((key) => ({ key, name: name(key), ...figuresOf(sumOf(groups.get(key)!)) })) };
}
