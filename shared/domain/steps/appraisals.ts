import { authorize } from '../access/gate.ts';
import { actorOf } from '../actor.ts';
import type { Appraisal, AppraisalItem, RegisterLine } from '../appraisal.ts';
import type { Caller } from '../caller.ts';
import type { Case } from '../case.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Ports } from '../ports.ts';
import { regionContains } from '../rules/n4-region-scope.ts';
import { approvalRefusal, deciderRole, waitingOver } from '../rules/e18-destruction.ts';
import { runCaseStep, type StepPorts } from './run.ts';

type GatePorts = Pick<Ports, 'staff' | 'authorisations' | 'clock'>;
type AppraisalPorts = GatePorts & Pick<Ports, 'appraisals' | 'cases' | 'settings'>;

/** The packages one appraisal lists at most; more are appraised in further lists. */
export const MAX_APPRAISAL_ITEMS = 500;

const view = ({ version: _v, ...a }: Appraisal) => a;

/**
 * POST /v1/archive/appraisals [E18]: an archivist lists the packages of their region whose retention
 * has passed by `before` (and by now), under no legal hold and not destroyed, read from the expiry
 * index; 201 with the list, 422 when there is none. Nothing is destroyed by a proposal.
 */
export async function proposeAppraisal(ports: AppraisalPorts, caller: Caller, req: { before: string; region?: string }) {
  const now = ports.clock.now();
  const region = req.region ?? caller.region ?? '610000';
  await authorize(ports, caller, 'archive.appraise', { kind: 'region', region }, now);
  const cutoff = new Date(Math.min(Date.parse(req.before), now.getTime())).toISOString();
  const items: AppraisalItem[] = [];
  for await (const caseId of ports.cases.expiring(cutoff)) {
    const c = await ports.cases.getCase(caseId);
    if (!c?.archive || c.destroyed || c.archive.legalHold || c.archive.retention === 'permanent' || !regionContains(region, c.region) || c.archive.retainUntil > cutoff) continue;
    items.push({ caseId, archivalCode: c.archive.archivalCode, title: `${c.matterName}（${c.applicant.name}）`, retention: c.archive.retention, retainUntil: c.archive.retainUntil, bucket: c.archive.bucket, key: c.archive.key, versionId: c.archive.versionId, sha256: c.archive.sha256 });
    if (items.length === MAX_APPRAISAL_ITEMS) break;
  }
  if (!items.length) throw new Invalid(`no package of ${region} has passed its retention by ${cutoff}`, [{ path: 'before', message: 'nothing to appraise' }]);
  const appraisal: Appraisal = { appraisalId: newId('AP'), region, before: cutoff, status: 'proposed', items, proposedBy: actorOf(caller, 'archivist'), proposedAt: now.toISOString(), approvals: [], version: 1 };
  await ports.appraisals.create(appraisal);
  return view(appraisal);
}

async function load(ports: AppraisalPorts, caller: Caller, appraisalId: string, action: 'archive.appraise' | 'archive.appraise_approve' | 'archive.appraise_read') {
  const a = await ports.appraisals.get(appraisalId);
  if (!a) throw new NotFound(`there is no appraisal ${appraisalId}`);
  await authorize(ports, caller, action, { kind: 'region', region: a.region }, ports.clock.now());
  return a;
}

async function save(ports: AppraisalPorts, before: Appraisal, after: Appraisal) {
  if (!(await ports.appraisals.save(after, before.version))) throw new Conflict(`appraisal ${before.appraisalId} changed meanwhile`, { from: before.status, allowed: [] });
  return view(after);
}

/**
 * POST /v1/archive/appraisals/{id}/approve [E18]: a department head of the region first, then an
 * archivist; nobody twice, never the proposer (409 naming why). The second approval starts the
 * waiting period.
 */
export async function approveAppraisal(ports: AppraisalPorts, caller: Caller, appraisalId: string) {
  const a = await load(ports, caller, appraisalId, 'archive.appraise_approve');
  const refusal = approvalRefusal(a, caller);
  if (refusal) throw new Conflict(refusal, { from: a.status, allowed: [] });
  const now = ports.clock.now();
  const role = a.approvals.length === 0 ? 'head' : 'archivist';
  const approvals = [...a.approvals, { by: actorOf(caller, role), at: now.toISOString() }];
  const done = approvals.length === 2;
  return save(ports, a, { ...a, approvals, ...(done ? { status: 'approved', destroyAfter: new Date(now.getTime() + ports.settings.destructionWaitSeconds * 1000).toISOString() } : {}), version: a.version + 1 });
}

/** POST /v1/archive/appraisals/{id}/reject [E18]: a head or an archivist of the region, with the reason, while it is proposed. */
export async function rejectAppraisal(ports: AppraisalPorts, caller: Caller, appraisalId: string, req: { reason: string }) {
  const a = await load(ports, caller, appraisalId, 'archive.appraise_approve');
  if (a.status !== 'proposed') throw new Conflict(`the appraisal is ${a.status}`, { from: a.status, allowed: [] });
  const by = actorOf(caller, deciderRole(caller));
  return save(ports, a, { ...a, status: 'rejected', rejection: { by, at: ports.clock.now().toISOString(), reason: req.reason }, version: a.version + 1 });
}

/** GET /v1/archive/appraisals/{id}: the list, its approvals, and once destroyed its register lines. */
export async function readAppraisal(ports: AppraisalPorts, caller: Caller, appraisalId: string) {
  const a = await load(ports, caller, appraisalId, 'archive.appraise_read');
  return { ...view(a), register: a.status === 'destroyed' ? await ports.appraisals.registerOf(appraisalId) : [] };
}

/**
 * POST /v1/archive/appraisals/{id}/destroy [E18]: once approved and the waiting period over (409
 * before), every listed package's version is deleted if the store lets it go, and its case records
 * the destruction on its audit trail; what the store refuses stays, and says why. Every item is a line
 * in the destruction register, kept for good. Run by the one function whose role the archive bucket
 * lets delete.
 */
export async function destroyAppraised(ports: AppraisalPorts & StepPorts & Pick<Ports, 'archive'>, caller: Caller, appraisalId: string) {
  const a = await load(ports, caller, appraisalId, 'archive.appraise');
  const now = ports.clock.now();
  if (a.status !== 'approved') throw new Conflict(`the appraisal is ${a.status}; only an approved one is destroyed`, { from: a.status, allowed: [] });
  if (!waitingOver(a, now)) throw new Conflict(`the waiting period runs until ${a.destroyAfter}`, { from: a.status, allowed: [], extra: { destroyAfter: a.destroyAfter } });
  const by = actorOf(caller, 'archivist');
  const at = now.toISOString();
  const lines: RegisterLine[] = [];
  for (const item of a.items) {
    const c = await ports.cases.getCase(item.caseId);
    // a package put under a legal hold since, or otherwise changed, is not the one appraised: it stays
    const changed = !c?.archive || c.archive.versionId !== item.versionId || c.archive.legalHold;
    const result = c?.destroyed ? { destroyed: true as const } : changed ? { destroyed: false as const, reason: 'the package is no longer the one appraised (changed or under a legal hold)' } : await ports.archive.destroy(item);
    if (result.destroyed && c && !c.destroyed) await markDestroyed(ports, c, appraisalId, at, by);
    lines.push({ ...item, appraisalId, region: a.region, outcome: result.destroyed ? 'destroyed' : 'refused', ...(result.destroyed ? {} : { reason: result.reason }), approvedBy: a.approvals.map((x) => `${x.by.name}（${x.by.role}）`), at, by });
  }
  await ports.appraisals.register(lines);
  const destroyed = lines.filter((l) => l.outcome === 'destroyed').length;
  const saved = await save(ports, a, { ...a, status: 'destroyed', destruction: { by, at, destroyed, refused: lines.length - destroyed }, version: a.version + 1 });
  return { ...saved, register: lines };
}

async function markDestroyed(ports: StepPorts, c: Case, appraisalId: string, at: string, by: Appraisal['proposedBy']) {
  await runCaseStep(ports, { caseId: c.caseId }, async ({ file }) => {
    const now = file.case;
    if (now.destroyed) return { result: () => ({}) };
    return {
      change: { before: now, after: { ...now, destroyed: { at, appraisalId } }, event: { at, actor: by, action: 'destroy', detail: { appraisalId, key: now.archive?.key, versionId: now.archive?.versionId } } },
      result: () => ({}),
    };
  });
}
