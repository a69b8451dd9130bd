import { SYSTEM } from '../actor.ts';
import { shanghaiDate } from '../calendar.ts';
import type { Case, CaseResult } from '../case.ts';
import { Conflict } from '../errors.ts';
import { licenceFor, signedPart, type Licence } from '../licence.ts';
import { noticeIssuer } from '../notices.ts';
import type { Ports } from '../ports.ts';
import { outcomeOf } from '../rules/n14-unified-return.ts';
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
    if (outcome === 'approved') {
      const unsigned = licenceFor(c, at);
      licence = { ...unsigned, status: 'valid', ...(await ports.signer.sign(signedPart(unsigned))) };
    }
    const result: CaseResult = { outcome, decidedAt: at, opinions, ...(licence ? { licenceId: licence.licenceId } : {}) };
    const issue = noticeIssuer(caseId, file.notices.length, at);
    const notice = issue('decision', { outcome, opinions, ...(licence ? { licenceId: licence.licenceId } : {}) });
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
      },
      // [N20] 时效性: completed within the promised working days, or not
      metrics: ['CaseCompleted', c.deadline && shanghaiDate(at) > c.deadline ? 'CaseCompletedOverdue' : 'CaseCompletedOnTime'],
      result: answer,
    };
  });
}

/** Archives a completed case into the Object Lock bucket and records where [E22] [E23] [E24]. Idempotent. */
export async function archiveCase(ports: StepPorts & Pick<Ports, 'archive'>, caseId: string) {
  return runCaseStep(ports, { caseId }, async ({ file, at }) => {
    const c = file.case;
    const answer = (saved: Case) => ({ caseId, key: saved.archive?.key, versionId: saved.archive?.versionId });
    if (c.archive) return { result: answer };
    if (c.status !== 'completed') throw new Conflict(`case ${caseId} is ${c.status}; only completed cases are archived`, { from: c.status, allowed: [] });
    const licence = c.result?.licenceId ? await ports.cases.getLicence(c.result.licenceId) : undefined;
    const archive = await ports.archive.package(file, licence, at);
    return {
      change: {
        before: c,
        after: { ...c, archive, pendingWorkflow: undefined },
        event: { at, actor: SYSTEM, action: 'archive', detail: { key: archive.key, versionId: archive.versionId, retainUntil: archive.retainUntil } },
      },
      result: answer,
    };
  });
}
