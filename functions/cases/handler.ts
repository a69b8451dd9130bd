import { requireCaller } from '#shared/auth/caller';
import { submitCorrection, withdraw } from '#shared/domain/applicant-actions';
import { getCaseFile, listMyCases } from '#shared/domain/case-store';
import { assertVisible, caseSummary, caseView } from '#shared/domain/case-view';
import { CorrectionRequest } from '#shared/domain/schemas';
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
    case 'POST /v1/cases/{caseId}/corrections': {
      const c = await submitCorrection(caller, caseId, parseBody(CorrectionRequest, req.body));
      return { body: { caseId, status: c.status } };
    }
    case 'POST /v1/cases/{caseId}/withdraw': {
      const c = await withdraw(caller, caseId);
      return { body: { caseId, status: c.status } };
    }
    default:
      throw notFound(`no route ${req.route}`);
  }
});
