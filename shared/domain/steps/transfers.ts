import { authorize } from '../access/gate.ts';
import { actorOf } from '../actor.ts';
import { caseOfKey, regionPrefix } from '../archive-check.ts';
import { sha256Hex } from '../audit.ts';
import type { Caller } from '../caller.ts';
import type { Case } from '../case.ts';
import { signAndStamp } from '../efile/assemble.ts';
import { manifestSignedObject, manifestXml } from '../efile/transfer-manifest.ts';
import { ArchiveFault, Conflict, Invalid, NotFound } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Ports } from '../ports.ts';
import { LOCK_HORIZON, lockDifferences } from '../rules/e22-retention.ts';
import { MAX_TRANSFER_PACKAGES, transferDueBy } from '../rules/e26-transfer.ts';
import type { Transfer, TransferredPackage } from '../transfer.ts';

type GatePorts = Pick<Ports, 'staff' | 'authorisations' | 'clock'>;
export type TransferPorts = GatePorts & Pick<Ports, 'transfers' | 'archiveStore' | 'archive' | 'archiveLocks' | 'cases' | 'signer' | 'timestamps' | 'regions'>;

// API.md: `packages` counts them (the list is `items`), `receivedAt` once the state archive's receipt is recorded
const view = ({ version: _v, packages, ...t }: Transfer) => ({ ...t, packages: packages.length, items: packages, ...(t.receipt ? { receivedAt: t.receipt.recordedAt } : {}) });

/**
 * POST /v1/archive/transfers [E26]: an archivist bundles every permanent package of a year (of filing)
 * and region within their own that no earlier batch took, as one transfer batch: its 移交清单 listing
 * each package by 档号, version and SHA-256, signed and time-stamped by the platform, written once to
 * the archive under COMPLIANCE and a legal hold (a record of transfer is kept for good), the lock read
 * back. 202 with the batch; 422 when there is nothing (or too much) to transfer.
 */
export async function prepareTransfer(ports: TransferPorts, caller: Caller, req: { year: string; region?: string }) {
  const now = ports.clock.now();
  const region = req.region ?? caller.region ?? '610000';
  await authorize(ports, caller, 'archive.transfer', { kind: 'region', region }, now);
  const taken = new Set((await ports.transfers.ofYear(region, req.year)).flatMap((t) => t.packages.map((p) => p.caseId)));
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.archiveStore.list(regionPrefix(region, req.year), cursor, 1000);
    keys.push(...page.keys.filter((k) => k.split('/')[2] === req.year));
    cursor = page.next;
  } while (cursor);
  const candidates = keys.map((k) => ({ key: k, caseId: caseOfKey(k) })).filter((k): k is { key: string; caseId: string } => !!k.caseId && !taken.has(k.caseId));
  const cases: (Case | undefined)[] = [];
  for (let i = 0; i < candidates.length; i += 25) cases.push(...(await Promise.all(candidates.slice(i, i + 25).map((c) => ports.cases.getCase(c.caseId)))));
  // cases[i] is the case of candidates[i]: its package is the object listed, and permanent
  const packages: TransferredPackage[] = cases
    .filter((c, i): c is Case => !!c?.archive && c.archive.retention === 'permanent' && c.archive.key === candidates[i].key)
    .map((c) => ({ caseId: c.caseId, archivalCode: c.archive!.archivalCode, title: `${c.matterName}（${c.applicant.name}）`, key: c.archive!.key, versionId: c.archive!.versionId, sha256: c.archive!.sha256, bytes: c.archive!.bytes }));
  if (!packages.length) throw new Invalid(`no permanent package of ${req.year} in ${region} is waiting for transfer`, [{ path: 'year', message: 'nothing to transfer' }]);
  if (packages.length > MAX_TRANSFER_PACKAGES) throw new Invalid(`${packages.length} packages are more than one batch takes (${MAX_TRANSFER_PACKAGES}): transfer the region county by county`, [{ path: 'region', message: 'too many packages for one batch' }]);

  const at = now.toISOString();
  // the id names its region and year: the batch is found in their partition
  const transferId = newId(`TR${region}${req.year}`);
  const base = { transferId, year: req.year, region, dueBy: transferDueBy(Number(req.year)), packages, preparedAt: at };
  const signed = manifestSignedObject(base, `陕西政务服务网（${ports.regions.name(region, true) ?? region}）`);
  const block = await signAndStamp(ports, signed, at);
  const body = Buffer.from(manifestXml(signed, block));
  const lock = { mode: 'COMPLIANCE' as const, retainUntil: LOCK_HORIZON.toISOString(), legalHold: true };
  const stored = await ports.archive.store(`transfers/${region}/${req.year}/${transferId}.xml`, body, lock);
  const differences = lockDifferences(lock, await ports.archiveLocks.lockOf(stored));
  if (differences.length) throw new ArchiveFault(transferId, 'lock_not_held', `the archive reports transfer manifest ${stored.key} with ${differences.map((d) => d.detail).join('; ')}`);
  const transfer: Transfer = { ...base, status: 'prepared', bundle: { bucket: stored.bucket, key: stored.key, versionId: stored.versionId, sha256: sha256Hex(body), bytes: body.length }, preparedBy: actorOf(caller, 'archivist'), version: 1 };
  await ports.transfers.create(transfer);
  return view(transfer);
}

/** GET /v1/archive/transfers/{transferId}: the batch, its manifest and whether the archive has received it. */
export async function readTransfer(ports: GatePorts & Pick<Ports, 'transfers'>, caller: Caller, transferId: string) {
  const t = await ports.transfers.get(transferId);
  if (!t) throw new NotFound(`there is no transfer ${transferId}`);
  await authorize(ports, caller, 'archive.transfer_read', { kind: 'region', region: t.region }, ports.clock.now());
  return view(t);
}

/** POST /v1/archive/transfers/{transferId}/receipt [E26]: the state archive's receipt, recorded once. */
export async function recordReceipt(ports: GatePorts & Pick<Ports, 'transfers'>, caller: Caller, transferId: string, req: { receivedBy: string; note?: string }) {
  const now = ports.clock.now();
  const t = await ports.transfers.get(transferId);
  if (!t) throw new NotFound(`there is no transfer ${transferId}`);
  await authorize(ports, caller, 'archive.transfer', { kind: 'region', region: t.region }, now);
  if (t.status !== 'prepared') throw new Conflict(`transfer ${transferId} is ${t.status}`, { from: t.status, allowed: [] });
  const received: Transfer = { ...t, status: 'received', receipt: { receivedBy: req.receivedBy, ...(req.note ? { note: req.note } : {}), recordedBy: actorOf(caller, 'archivist'), recordedAt: now.toISOString() }, version: t.version + 1 };
  if (!(await ports.transfers.save(received, t.version))) throw new Conflict(`transfer ${transferId} changed meanwhile`, { from: t.status, allowed: [] });
  return view(received);
}
