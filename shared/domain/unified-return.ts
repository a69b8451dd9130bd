import { archiveCaseFile } from '../archive/archive.ts';
import { getLicence, issueLicence } from '../licence/licence.ts';
import type { Case, CaseResult } from './case.ts';
import { commitCase, getCaseFile } from './case-store.ts';
import { withRetry } from './decisions.ts';
import { SYSTEM } from './forwarding.ts';
import { licenceKey } from './keys.ts';
import { countCase } from '../observability.ts';
import { shanghaiDate } from '../calendar/working-days.ts';
import { makeNotice } from './notices.ts';
import { departmentNames } from '../catalog/catalog-store.ts';

/**
 * The unified return workflow (N14 统一反馈, E15): when every department has decided, one result; if
 * approved, an e-licence signed and issued; the decision notice; the case completed. Idempotent.
 */
export async function issueResult(caseId: string, now = () => new Date()): Promise<{ caseId: string; status: string; outcome?: string; licenceId?: string }> {
  return withRetry(caseId, async () => {
    const file = await getCaseFile(caseId);
    if (!file) throw new Error(`case ${caseId} not found`);
    const c = file.case;
    if (c.status !== 'decided') return { caseId, status: c.status, outcome: c.result?.outcome, licenceId: c.result?.licenceId };
    const at = now().toISOString();
    const reviews = file.tasks.filter((t) => t.kind === 'review');
    const names = await departmentNames(reviews.map((t) => t.dept));
    const opinions = reviews.map((t) => ({ dept: t.dept, deptName: names[t.dept], decision: t.decision as 'approve' | 'deny', opinion: t.opinion, reason: t.reason }));
    const outcome = opinions.every((o) => o.decision === 'approve') ? 'approved' : 'denied';
    const licence = outcome === 'approved' ? await issueLicence(c, at) : undefined;
    const result: CaseResult = { outcome, decidedAt: at, opinions, ...(licence ? { licenceId: licence.licenceId } : {}) };
    const notice = makeNotice(caseId, 'decision', file.notices.length + 1, at, {
      outcome,
      opinions,
      ...(licence ? { licenceId: licence.licenceId } : {}),
    });
    // 送达回执: the decision is served electronically to the applicant's account as it is issued (N14 统一反馈)
    const delivery = makeNotice(caseId, 'delivery', file.notices.length + 2, at, {
      documentId: notice.noticeId,
      documentTitle: notice.title,
      documentSha256: notice.sha256,
      method: 'electronic',
      recipient: { name: c.applicant.name, sub: c.applicant.sub },
    });
    const after: Case = { ...c, status: 'completed', completedAt: at, result };
    await commitCase({
      before: c,
      after,
      event: { at, actor: SYSTEM, action: 'unified_return', detail: { outcome, licenceId: licence?.licenceId, noticeId: notice.noticeId, deliveryNoticeId: delivery.noticeId } },
      notices: [notice, delivery],
      // rendered by the workflow's next step (RenderNotices), before the archive that needs them
      noticesRenderedBy: 'workflow',
      extraPuts: licence ? [{ ...licenceKey(licence.licenceId), type: 'licence', ...licence }] : [],
    });
    countCase('CaseCompleted');
    // N20 时效性: completed within the promised working days, or not
    countCase(c.deadline && shanghaiDate(at) > c.deadline ? 'CaseCompletedOverdue' : 'CaseCompletedOnTime');
    return { caseId, status: after.status, outcome, licenceId: licence?.licenceId };
  });
}

/** Archives a completed case into the Object Lock bucket and records where (E22–E24). Idempotent. */
export async function archiveCase(caseId: string, now = () => new Date()): Promise<{ caseId: string; key?: string; versionId?: string }> {
  return withRetry(caseId, async () => {
    const file = await getCaseFile(caseId);
    if (!file) throw new Error(`case ${caseId} not found`);
    const c = file.case;
    if (c.archive) return { caseId, key: c.archive.key, versionId: c.archive.versionId };
    if (c.status !== 'completed') throw new Error(`case ${caseId} is ${c.status}; only completed cases are archived`);
    const at = now().toISOString();
    const licence = c.result?.licenceId ? await getLicence(c.result.licenceId) : undefined;
    const archive = await archiveCaseFile(file, licence, at);
    await commitCase({
      before: c,
      after: { ...c, archive, pendingWorkflow: undefined },
      event: { at, actor: SYSTEM, action: 'archive', detail: { key: archive.key, versionId: archive.versionId, retainUntil: archive.retainUntil } },
    });
    return { caseId, key: archive.key, versionId: archive.versionId };
  });
}
