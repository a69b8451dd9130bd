import { authorize } from '../access/gate.ts';
import { actorOf, SYSTEM } from '../actor.ts';
import { MAX_LISTED_FAILURES, caseOfKey, inSample, regionPrefix, type ArchiveCheck } from '../archive-check.ts';
import { sha256Hex } from '../audit.ts';
import type { Caller } from '../caller.ts';
import { NotFound } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Ports } from '../ports.ts';
import { checkPackage, duplicateCodes, type Finding } from '../rules/e18-four-properties.ts';

type RequestPorts = Pick<Ports, 'archiveChecks' | 'staff' | 'authorisations' | 'clock' | 'settings'>;
export type RunPorts = Pick<Ports, 'archiveChecks' | 'archiveStore' | 'cases' | 'formats' | 'signer' | 'trustAnchors' | 'metrics' | 'settings' | 'clock'>;

/** Packages one run of the runner checks before it saves its progress (and is run again for the rest). */
export const PAGE = 25;

function newCheck(scope: 'sample' | 'all', by: ArchiveCheck['requestedBy'], at: string, filter: { year?: string; region?: string; sampleRate?: number }): ArchiveCheck {
  return { checkId: newId('AC'), scope, ...filter, requestedBy: by, requestedAt: at, status: 'running', checked: 0, passed: 0, failed: [], failedNotListed: 0, notChecked: [], version: 1 };
}

/**
 * POST /v1/archive/checks [E18]: an archivist asks for a four-property check of every package, or a
 * sample, of a year and region within their own (the province's archivists: anywhere). 202: it runs
 * in the background; its results are read with GET /v1/archive/checks/{checkId}.
 */
export async function requestArchiveCheck(ports: RequestPorts, caller: Caller, req: { scope: 'sample' | 'all'; year?: string; region?: string }) {
  const now = ports.clock.now();
  const region = req.region ?? caller.region ?? '610000';
  await authorize(ports, caller, 'archive.check', { kind: 'region', region }, now);
  const check = newCheck(req.scope, actorOf(caller, 'archivist'), now.toISOString(), { ...(req.year ? { year: req.year } : {}), region, ...(req.scope === 'sample' ? { sampleRate: ports.settings.archiveSampleRate } : {}) });
  await ports.archiveChecks.create(check);
  return { checkId: check.checkId, status: check.status };
}

/** The daily sample check of the whole archive [E18], requested by the platform itself. */
export async function scheduleSampleCheck(ports: Pick<Ports, 'archiveChecks' | 'clock' | 'settings'>) {
  const check = newCheck('sample', SYSTEM, ports.clock.now().toISOString(), { sampleRate: ports.settings.archiveSampleRate });
  await ports.archiveChecks.create(check);
  return { checkId: check.checkId };
}

const view = ({ cursor: _c, version: _v, ...c }: ArchiveCheck) => c;

/** GET /v1/archive/checks/{checkId}: the run's status and results, for archivists and supervisors over its region. */
export async function readArchiveCheck(ports: Pick<Ports, 'archiveChecks' | 'staff' | 'authorisations' | 'clock'>, caller: Caller, checkId: string) {
  const check = await ports.archiveChecks.get(checkId);
  if (!check) throw new NotFound(`there is no archive check ${checkId}`);
  await authorize(ports, caller, 'archive.check_read', { kind: 'region', region: check.region ?? '610000' }, ports.clock.now());
  return view(check);
}

/**
 * Runs one page of a check: the next packages of the store's listing under the run's prefix (a sample
 * takes each at the run's rate), each read by the version its case records and checked for the four
 * properties; the progress saved under the run's version, so a redelivered or raced run does not count
 * twice. Returns whether the run goes on (its saved progress starts the next page).
 */
export async function runArchiveCheckPage(ports: RunPorts, checkId: string): Promise<{ done: boolean; checked: number }> {
  const check = await ports.archiveChecks.get(checkId);
  if (!check || check.status !== 'running') return { done: true, checked: check?.checked ?? 0 };
  const listing = await ports.archiveStore.list(regionPrefix(check.region, check.year), check.cursor, PAGE);
  const keys = listing.keys.filter((k) => (!check.year || k.split('/')[2] === check.year) && (check.scope === 'all' || inSample(checkId, k, check.sampleRate ?? 0, sha256Hex)));
  const [platformKey, anchors] = await Promise.all([ports.signer.publicKey(), ports.trustAnchors.list()]);
  const results = await Promise.all(
    keys.map(async (key): Promise<{ caseId: string; archivalCode?: string; failed: Finding[]; notChecked: Finding[] }> => {
      const caseId = caseOfKey(key) ?? key;
      const file = await ports.cases.getFile(caseId);
      const record = file?.case.archive;
      // an object in the archive that no case records is itself a finding: nothing is there unaccounted for
      if (!file || !record || record.key !== key) return { caseId, failed: [{ property: 'integrity', item: 'register', detail: `${key} is in the archive, but no case records it as its package` }], notChecked: [] };
      const [bytes, store] = await Promise.all([ports.archiveStore.read(record), ports.archiveStore.report(record)]);
      const r = await checkPackage({ record, file, bytes, store, platformKey, anchors, expectedKmsKey: ports.settings.archiveKmsKey, devRetentionSeconds: ports.settings.devRetentionSeconds, requiredPublicAccess: ports.settings.archivePublicAccess }, ports.formats);
      return { caseId, archivalCode: record.archivalCode, ...r };
    }),
  );
  const dupes = duplicateCodes(results.filter((r) => r.archivalCode).map((r) => ({ caseId: r.caseId, archivalCode: r.archivalCode! })));
  const failed = [...results.flatMap((r) => r.failed.map((f) => ({ ...f, caseId: r.caseId }))), ...dupes];
  const failing = new Set(failed.map((f) => f.caseId));
  const notChecked = [...check.notChecked];
  for (const f of results.flatMap((r) => r.notChecked)) {
    const same = notChecked.find((n) => n.property === f.property && n.item === f.item);
    if (same) same.packages += 1;
    else notChecked.push({ ...f, packages: 1 });
  }
  const room = Math.max(0, MAX_LISTED_FAILURES - check.failed.length);
  const done = !listing.next;
  const next: ArchiveCheck = {
    ...check,
    cursor: listing.next,
    checked: check.checked + results.length,
    passed: check.passed + results.length - failing.size,
    failed: [...check.failed, ...failed.slice(0, room)],
    failedNotListed: check.failedNotListed + Math.max(0, failed.length - room),
    notChecked,
    status: done ? 'completed' : 'running',
    ...(done ? { completedAt: ports.clock.now().toISOString() } : {}),
    version: check.version + 1,
  };
  if (!(await ports.archiveChecks.save(next, check.version))) return { done: false, checked: check.checked };
  for (const r of results) {
    ports.metrics.count('ArchivePackageChecked');
    if (failing.has(r.caseId)) ports.metrics.count('ArchivePackageFailed');
  }
  return { done, checked: next.checked };
}
