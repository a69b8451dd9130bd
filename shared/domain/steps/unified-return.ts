import { SYSTEM } from '../actor.ts';
import { shanghaiDate } from '../calendar.ts';
import type { ArchiveRecord, Case, CaseResult } from '../case.ts';
import { assemblePackage, type AssemblyPorts } from '../efile/assemble.ts';
import { archivalCode } from '../efile/package.ts';
import { ArchiveFault, Conflict } from '../errors.ts';
import { licenceFor, signedPart, type Licence } from '../licence.ts';
import { licenceTypeOf } from '../matter.ts';
import { APPEAL_RIGHTS, noticeIssuer } from '../notices.ts';
import type { Ports } from '../ports.ts';
import { outcomeOf } from '../rules/n14-unified-return.ts';
import { archiveLock, lockDifferences, retentionAtArchiving } from '../rules/e22-retention.ts';
import { baseCodeOf } from '../retention-schedule.ts';
import { runCaseStep, type StepPorts } from './run.ts';


/**
 * The unified return [N14] 统一反馈 [E15]: when every department has decided, one result; if approved,
 * an e-licence signed and issued; the decision notice and its delivery receipt (送达回执); the case
 * completed. Idempotent: a case no longer `decided` is answered as it is.
 */
export async function issueResult(ports: StepPorts & Pick<Ports, 'catalog' | 'signer'>, caseId: string) {
  return runCaseStep(ports, { caseId }, async ({ file, at }) => {
    const c = file.case;
    const answer = (saved: Case) => ({ caseId, status: saved.status, outcome: saved.result?.outcome, licenceId: saved.result?.licenceId });
    if (c.status !== 'decided') return { result: answer };
    const reviews = file.tasks.filter((t) => t.kind === 'review');
    const names = await ports.catalog.departmentNames(reviews.map((t) => t.dept));
    const opinions = reviews.map((t) => ({ dept: t.dept, deptName: names[t.dept], decision: t.decision as 'approve' | 'deny', opinion: t.opinion, reason: t.reason }));
    const outcome = outcomeOf(opinions);
    let licence: Licence | undefined;
    let superseded: { before: Licence; after: Licence } | undefined;
    if (outcome === 'approved') {
      const [matter, issuer] = await Promise.all([ports.catalog.getMatter(c.matterCode, c.matterVersion), ports.catalog.getDepartment(c.acceptingDept)]);
      // faults of the catalog, not of the case: the workflow retries, the sweeper re-drives
      if (!matter) throw new Error(`case ${caseId}: matter ${c.matterCode} v${c.matterVersion} is not in the catalog`);
      if (!issuer?.uscc) throw new Error(`case ${caseId}: department ${c.acceptingDept} has no 统一社会信用代码 to issue a licence under`);
      const predecessor = await licenceChanged(ports, c, licenceTypeOf(matter).code);
      const unsigned = licenceFor(c, matter, { ...issuer, uscc: issuer.uscc }, at, predecessor);
      licence = { ...unsigned, status: 'valid', ...(await ports.signer.sign(signedPart(unsigned))) };
      // [E16] a change or renewal supersedes the licence it was made from
      if (predecessor) superseded = { before: predecessor, after: { ...predecessor, status: 'superseded', supersededBy: licence.licenceId } };
    }
    const result: CaseResult = { outcome, decidedAt: at, opinions, ...(licence ? { licenceId: licence.licenceId } : {}) };
    const issue = noticeIssuer(caseId, file.notices.length, at);
    const notice = issue('decision', { outcome, opinions, ...(licence ? { licenceId: licence.licenceId } : {}), ...(outcome !== 'approved' ? { rights: APPEAL_RIGHTS } : {}) });
    // 送达回执: the decision is served electronically to the applicant's account as it is issued [N14]
    const delivery = issue('delivery', {
      documentId: notice.noticeId,
      documentTitle: notice.title,
      documentSha256: notice.sha256,
      method: 'electronic',
      recipient: { name: c.applicant.name, sub: c.applicant.sub },
    });
    return {
      change: {
        before: c,
        after: { ...c, status: 'completed', completedAt: at, result },
        event: { at, actor: SYSTEM, action: 'unified_return', detail: { outcome, licenceId: licence?.licenceId, noticeId: notice.noticeId, deliveryNoticeId: delivery.noticeId } },
        notices: [notice, delivery],
        // rendered by the workflow's next step (RenderNotices), before the archive that needs them
        noticesRenderedBy: 'workflow',
        ...(licence ? { licence } : {}),
        ...(superseded ? { licenceUpdates: [superseded] } : {}),
      },
      // [N20] 时效性: completed within the promised working days, or not
      metrics: ['CaseCompleted', c.deadline && shanghaiDate(at) > c.deadline ? 'CaseCompletedOverdue' : 'CaseCompletedOnTime'],
      result: answer,
    };
  });
}

/**
 * The licence a case changes or renews: one of the type it issues that served one of its materials
 * (免提交 [E14]), held by the same applicant and still valid. A first issue has none.
 */
async function licenceChanged(ports: Pick<Ports, 'cases'>, c: Case, type: string): Promise<Licence | undefined> {
  const served = [...new Set(c.materials.flatMap((m) => (m.licenceId ? [m.licenceId] : [])))];
  const licences = await Promise.all(served.map((id) => ports.cases.getLicence(id)));
  return licences.find((l): l is Licence => !!l && l.type === type && l.status === 'valid' && l.holder.type === c.applicant.type && l.holder.idNumber === c.applicant.idNumber);
}

/**
 * Archives a completed case [E22] [E23] [E24] [E25]: one DA/T 48 package, one object, written with its
 * COMPLIANCE lock in the same request, the lock read back and compared before anything is recorded
 * [E18]. Idempotent: a case already archived is answered as it is, and a package already written by an
 * earlier attempt is adopted, not written again (one version under the key).
 */
export async function archiveCase(ports: StepPorts & AssemblyPorts & Pick<Ports, 'archive' | 'archiveLocks' | 'catalog' | 'settings' | 'retentionSchedule'>, caseId: string) {
  return runCaseStep(ports, { caseId }, async ({ file, at }) => {
    const c = file.case;
    const answer = (saved: Case) => ({ caseId, key: saved.archive?.key, versionId: saved.archive?.versionId });
    if (c.archive) return { result: answer };
    if (c.status !== 'completed') throw new Conflict(`case ${caseId} is ${c.status}; only completed cases are archived`, { from: c.status, allowed: [] });
    const closedAt = c.completedAt ?? at;
    // kept for what the retention schedule says now [E22], else what the matter said at filing
    const retention = retentionAtArchiving(c.retention, (await ports.retentionSchedule.get(baseCodeOf(c.matterCode)))?.retention);
    const kept = { ...file, case: { ...c, retention } };
    const lock = archiveLock(closedAt, retention, ports.settings.devRetentionSeconds);
    const key = archiveKey(c);
    let stored = await ports.archive.existing(key);
    let parts: number | undefined;
    if (!stored) {
      const [licence, names] = await Promise.all([c.result?.licenceId ? ports.cases.getLicence(c.result.licenceId) : undefined, ports.catalog.departmentNames([c.acceptingDept])]);
      const pkg = await assemblePackage(ports, { file: kept, licence, deptName: names[c.acceptingDept] ?? c.acceptingDept, retainUntil: lock.retainUntil, createdAt: at });
      stored = await ports.archive.store(key, pkg.bytes, lock);
      parts = pkg.parts;
    }
    const reported = await ports.archiveLocks.lockOf(stored);
    const differences = lockDifferences(lock, reported);
    if (differences.length) throw new ArchiveFault(caseId, 'lock_not_held', `the archive reports package ${key} (${stored.versionId}) with ${differences.map((d) => d.detail).join('; ')}`);
    const archive: ArchiveRecord = {
      bucket: stored.bucket,
      key: stored.key,
      versionId: stored.versionId,
      sha256: stored.sha256,
      bytes: stored.bytes,
      ...(parts ? { parts } : {}),
      format: 'DA/T 48',
      archivalCode: archivalCode(c.acceptingDept, closedAt, retention, c.caseId),
      retention,
      // what the store reports, which is what was asked (compared above)
      retainUntil: new Date(reported.retainUntil!).toISOString(),
      mode: 'COMPLIANCE',
      legalHold: reported.legalHold,
      archivedAt: at,
    };
    return {
      change: {
        before: c,
        after: { ...c, archive, pendingWorkflow: undefined },
        event: { at, actor: SYSTEM, action: 'archive', detail: { key: archive.key, versionId: archive.versionId, sha256: archive.sha256, archivalCode: archive.archivalCode, retainUntil: archive.retainUntil, legalHold: archive.legalHold } },
      },
      result: answer,
    };
  });
}

/** One object per case, by region and year of filing: the archive's listing follows its 全宗 and 年度. */
export const archiveKey = (c: Case) => `archive/${c.region}/${c.submittedAt.slice(0, 4)}/${c.caseId}.xml`;
