import { requireCaller } from '#shared/auth/caller';
import { evaluate, submitCorrection, withdraw } from '#shared/domain/applicant-actions';
import { verifyChain } from '#shared/domain/audit';
import { getCaseFile, listMyCases } from '#shared/domain/case-store';
import { assertVisible, caseSummary, caseView, noticeView } from '#shared/domain/case-view';
import { presignNotice } from '#shared/storage/documents';
import { AuthorisationRequest, ComplaintHandling, ComplaintRequest, CorrectionRequest, EvaluationRequest } from '#shared/domain/schemas';
import { grantAuthorisation, revokeAuthorisation } from '#shared/domain/authorisations';
import { fileComplaint, handleComplaint, listOpenComplaints } from '#shared/domain/complaints';
import { apiHandler } from '#shared/http/api';
import { pageLimit } from '#shared/http/paging';
import { parseBody } from '#shared/http/parse';
import { badRequest, notFound } from '#shared/http/problem';

/** Case reads and the applicant's own actions: GET /v1/cases[/{caseId}], corrections, withdrawal. */
export const handler = apiHandler(async (req) => {
  const caller = requireCaller(req.caller);
  const caseId = req.path.caseId;
  switch (req.route) {
    case 'GET /v1/cases': {
      if (req.query.mine !== 'true') throw badRequest('list your own cases with ?mine=true', [{ path: 'mine', message: 'must be true' }]);
      const page = await listMyCases(caller.sub, pageLimit(req.query), req.query.cursor);
      return { body: { items: page.items.map(caseSummary), nextCursor: page.nextCursor } };
    }
    case 'GET /v1/cases/{caseId}':
      return { body: caseView(assertVisible(caller, await getCaseFile(caseId), caseId)) };
    case 'GET /v1/cases/{caseId}/notices/{noticeId}': {
      // whoever may see the case may have its notices (N14, API.md); to anyone else neither exists
      const file = assertVisible(caller, await getCaseFile(caseId), caseId);
      const notice = file.notices.find((n) => n.noticeId === decodeURIComponent(req.path.noticeId));
      if (!notice) throw notFound(`case ${caseId} has no notice ${req.path.noticeId}`);
      if (!notice.pdf) return { status: 202, headers: { 'retry-after': '1' }, body: noticeView(notice) };
      return { body: { ...noticeView(notice), ...(await presignNotice(notice.pdf, notice.title)) } };
    }
    case 'POST /v1/cases/{caseId}/corrections': {
      const c = await submitCorrection(caller, caseId, parseBody(CorrectionRequest, req.body));
      return { body: { caseId, status: c.status } };
    }
    case 'POST /v1/cases/{caseId}/withdraw': {
      const c = await withdraw(caller, caseId);
      return { body: { caseId, status: c.status } };
    }
    case 'POST /v1/cases/{caseId}/evaluation': {
      const c = await evaluate(caller, caseId, parseBody(EvaluationRequest, req.body));
      return { status: 201, body: { caseId, evaluation: c.evaluation } };
    }
    case 'POST /v1/cases/{caseId}/complaints':
      return { status: 201, body: await fileComplaint(caller, caseId, parseBody(ComplaintRequest, req.body)) };
    case 'POST /v1/authorisations':
      return { status: 201, body: await grantAuthorisation(caller, parseBody(AuthorisationRequest, req.body)) };
    case 'POST /v1/authorisations/{agentSub}/revoke':
      await revokeAuthorisation(caller, decodeURIComponent(req.path.agentSub));
      return { body: { agentSub: req.path.agentSub, revoked: true } };
    case 'GET /v1/complaints': {
      if ((req.query.status ?? 'open') !== 'open') throw badRequest('only status=open is listed', [{ path: 'status', message: 'must be open' }]);
      const page = await listOpenComplaints(pageLimit(req.query), req.query.cursor);
      return { body: page };
    }
    case 'POST /v1/complaints/{complaintId}/handle':
      return { body: await handleComplaint(caller, req.path.complaintId, parseBody(ComplaintHandling, req.body)) };
    case 'GET /v1/cases/{caseId}/audit/verify': {
      // H9, E17: recompute the chain; an altered, removed or reordered event breaks it where it happened
      const file = assertVisible(caller, await getCaseFile(caseId), caseId);
      const brokenAt = verifyChain(file.events);
      const head = file.events.at(-1)?.hash ?? null;
      const headMatches = head === file.case.lastEventHash;
      return {
        body: {
          caseId,
          valid: brokenAt === null && headMatches && file.events.length === file.case.eventSeq,
          events: file.events.length,
          ...(brokenAt !== null ? { brokenAt } : !headMatches || file.events.length !== file.case.eventSeq ? { brokenAt: Math.min(file.events.length, file.case.eventSeq) + 1 } : {}),
          head,
        },
      };
    }
    default:
      throw notFound(`no route ${req.route}`);
  }
});
