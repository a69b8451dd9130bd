import { authorize } from '../access/gate.ts';
import { actorOf } from '../actor.ts';
import type { Caller } from '../caller.ts';
import { Conflict, NotFound } from '../errors.ts';
import type { Ports } from '../ports.ts';
import type { ScheduledRetention, ScheduleEntry } from '../retention-schedule.ts';

type SchedulePorts = Pick<Ports, 'retentionSchedule' | 'staff' | 'authorisations' | 'clock'>;

const view = ({ version: _v, ...e }: ScheduleEntry) => e;

/** GET /v1/archive/retention-schedule [E22]: every matter type's retention class, for archivists and supervisors. */
export async function listSchedule(ports: SchedulePorts, caller: Caller) {
  await authorize(ports, caller, 'archive.schedule_read', { kind: 'none' }, ports.clock.now());
  return { items: (await ports.retentionSchedule.list()).map(view) };
}

/** GET /v1/archive/retention-schedule/{baseCode}: one entry and every change to it. */
export async function readScheduleEntry(ports: SchedulePorts, caller: Caller, baseCode: string) {
  await authorize(ports, caller, 'archive.schedule_read', { kind: 'none' }, ports.clock.now());
  const entry = await ports.retentionSchedule.get(baseCode);
  if (!entry) throw new NotFound(`the retention schedule has no entry for ${baseCode}`);
  return { ...view(entry), changes: await ports.retentionSchedule.changes(baseCode) };
}

/**
 * POST /v1/archive/retention-schedule/{baseCode} [E22]: an archivist of the province sets the class a
 * matter type's e-files are kept under, with its basis; recorded with who and when, the entry and its
 * change in one write (a concurrent change is 409). Packages already archived keep the lock they have
 * (COMPLIANCE cannot be shortened); the class applies to what is archived from now on.
 */
export async function setScheduleEntry(ports: SchedulePorts, caller: Caller, baseCode: string, req: { retention: ScheduledRetention; basis: string }) {
  const now = ports.clock.now();
  await authorize(ports, caller, 'archive.schedule_set', { kind: 'region', region: '610000' }, now);
  const before = await ports.retentionSchedule.get(baseCode);
  const at = now.toISOString();
  const by = actorOf(caller, 'archivist');
  const entry: ScheduleEntry = { baseCode, retention: req.retention, basis: req.basis, approvedBy: by, approvedAt: at, version: (before?.version ?? 0) + 1 };
  const ok = await ports.retentionSchedule.set(entry, { baseCode, at, by, ...(before ? { from: before.retention } : {}), to: req.retention, basis: req.basis }, before?.version ?? 0);
  if (!ok) throw new Conflict(`the schedule entry for ${baseCode} changed meanwhile`, { from: String(before?.version ?? 0), allowed: [] });
  return view(entry);
}
