import type { AlertLevel, AlertStatus } from '../alert.ts';
import type { CaseCheck } from '../supervision-rule.ts';
import { authorize } from '../access/gate.ts';
import { shanghaiDate } from '../calendar.ts';
import type { Caller } from '../caller.ts';
import { Forbidden, Malformed } from '../errors.ts';
import type { PageRequest, Ports } from '../ports.ts';
import { regionCodePrefix, regionContains } from '../rules/n4-region-scope.ts';
import { findingsOf, nextWatch, reconcileAlerts, ruleList } from '../supervision.ts';
import { hallOf } from '../rules/h8-single-window.ts';
import { countsOf, metricDimensions } from '../business-metrics.ts';
import { followUpOverdue } from '../rules/n21-follow-up-overdue.ts';
import type { CaseFile } from '../case-file.ts';

type SupervisePorts = Pick<Ports, 'cases' | 'alerts' | 'clock' | 'calendar' | 'settings' | 'metrics'>;

/** How many months back the sweeper reads the watch list: a case looked at late is still looked at. */
const WATCH_MONTHS = 13;

/**
 * 电子监察 of one case [N20]: every rule over the case file as it stands; an alert raised for each new
 * finding, each open alert whose finding is gone cleared, and the day the sweeper must look again
 * recorded. Run after every step (the case table's stream) and when that day comes (the sweeper);
 * safe to run twice or side by side: an alert is raised once and cleared once, and a reading of an
 * older version of the case never moves the watch back.
 */
export async function superviseCase(ports: SupervisePorts, caseId: string, now = ports.clock.now()) {
  const file = await ports.cases.getFile(caseId);
  return file ? superviseFile(ports, file, now) : { caseId, raised: [], cleared: [] };
}

async function superviseFile(ports: SupervisePorts, file: CaseFile, now: Date) {
  const caseId = file.case.caseId;
  const check: CaseCheck = { file, now, today: shanghaiDate(now), calendar: ports.calendar, settings: { yellowShare: ports.settings.alertYellowShare } };
  const { raise, clear } = reconcileAlerts(file, file.alerts ?? [], findingsOf(check), now.toISOString());
  const [raisedNow, clearedNow] = await Promise.all([Promise.all(raise.map((a) => ports.alerts.raise(a))), Promise.all(clear.map((a) => ports.alerts.clear(a)))]);
  const raised = raise.filter((_, i) => raisedNow[i]);
  for (const a of raised) {
    ports.metrics.alert(a.level, a.category);
    if (a.rule === followUpOverdue.ruleId) ports.metrics.count('FollowUpOverdue', metricDimensions(file.case));
  }
  const watch = nextWatch(check);
  // most steps leave the day as it was: then nothing is written (a write per step would cost more than the alerts)
  if (!file.watch || file.watch.date !== watch) await ports.alerts.watch(caseId, file.case.version, watch);
  return { caseId, raised: raised.map((a) => a.alertId), cleared: clear.filter((_, i) => clearedNow[i]).map((a) => a.alertId), ...(watch ? { watch } : {}) };
}

/**
 * What the case table's stream hands over for each step [N20]: the case supervised again, and each
 * step named (by its audit event's seq) counted into the per-day counters, once however often the
 * stream delivers it. One read of the case file for both.
 */
export async function monitorSteps(ports: SupervisePorts & Pick<Ports, 'counters'>, caseId: string, seqs: number[]) {
  const file = await ports.cases.getFile(caseId);
  if (!file) return { caseId, raised: [], cleared: [], counted: [] };
  const supervised = await superviseFile(ports, file, ports.clock.now());
  const counted: number[] = [];
  for (const seq of seqs) {
    const event = file.events.find((e) => e.seq === seq);
    const counts = event && countsOf(event, file.case, ports.calendar);
    if (counts && (await ports.counters.add({ caseId, seq }, counts))) counted.push(seq);
  }
  return { ...supervised, counted };
}

/**
 * The sweeper's share of e-supervision [N20]: the cases whose watch day has come, read from the watch
 * list (a Query per month, only the entries due: never a Scan, never the open cases that are not due),
 * each supervised again, at most `limit` per run; the rest stay due for the next.
 */
export async function sweepAlerts(ports: SupervisePorts, opts: { limit?: number } = {}) {
  const now = ports.clock.now();
  const limit = opts.limit ?? 500;
  const looked: string[] = [];
  const raised: string[] = [];
  const cleared: string[] = [];
  for await (const caseId of ports.alerts.due(shanghaiDate(now), WATCH_MONTHS)) {
    const r = await superviseCase(ports, caseId, now);
    looked.push(caseId);
    raised.push(...r.raised);
    cleared.push(...r.cleared);
    if (looked.length >= limit) break;
  }
  return { looked, raised, cleared };
}

/** GET /v1/supervision/rules: every e-supervision rule, its level and its article [N20]. */
export async function listRules(ports: Pick<Ports, 'cases' | 'staff' | 'authorisations' | 'clock'>, caller: Caller) {
  await authorize(ports, caller, 'supervision.rules', { kind: 'none' }, ports.clock.now());
  return { items: ruleList() };
}

export interface AlertListRequest {
  level?: AlertLevel;
  status?: AlertStatus;
  region?: string;
  dept?: string;
}

/** A region a supervision request names: a 6-digit 行政区划代码 of Shaanxi the platform knows, else 400. */
export function assertRegion(ports: Pick<Ports, 'regions'>, region: string): void {
  if (!/^\d{6}$/.test(region) || !ports.regions.name(region)) throw new Malformed(`there is no region ${region}`, [{ path: 'region', message: 'not a region of Shaanxi (6-digit 行政区划代码)' }]);
}

/** A department a supervision request names: one the catalog knows, else 400. */
export async function assertDepartment(ports: Pick<Ports, 'catalog'>, dept: string): Promise<void> {
  if (!(await ports.catalog.getDepartment(dept))) throw new Malformed(`there is no department ${dept}`, [{ path: 'dept', message: 'unknown department' }]);
}

/**
 * GET /v1/supervision/alerts [N20]: a supervisor's alerts, open or cleared, of one level or both,
 * within their region (or a region or department below it), by department and newest first.
 */
export async function listAlerts(ports: Pick<Ports, 'alerts' | 'regions' | 'catalog' | 'cases' | 'staff' | 'authorisations' | 'clock'>, caller: Caller, req: AlertListRequest, page: PageRequest) {
  const region = req.region ?? caller.region;
  if (region !== undefined) assertRegion(ports, region);
  if (req.dept !== undefined) await assertDepartment(ports, req.dept);
  const deptRegion = req.dept ? hallOf(req.dept) : undefined;
  await authorize(ports, caller, 'supervision.alerts', { kind: 'region', region: req.dept ? (deptRegion?.slice(0, 6) ?? '') : (region ?? '') }, ports.clock.now());
  if (req.dept && region && !regionContains(region, deptRegion)) throw new Forbidden(`department ${req.dept} is not in region ${region}`);
  const within = req.dept ? `${req.dept}#` : regionCodePrefix(region!);
  return ports.alerts.list({ status: req.status ?? 'open', ...(req.level ? { level: req.level } : {}), within }, page);
}
