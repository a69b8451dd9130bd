import { trustAnchorStore } from '#shared/adapters/dynamodb/trust-anchors';
import { CALENDAR } from '#shared/adapters/calendar';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { catalogReader } from '#shared/adapters/dynamodb/catalog';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { metrics } from '#shared/adapters/metrics';
import { downloads } from '#shared/adapters/s3/downloads';
import { uploadStore } from '#shared/adapters/s3/uploads';
import { settings, systemClock } from '#shared/adapters/system';
import { answerCorrection, evaluate, fileComplaint, withdraw } from '#shared/domain/steps/applicant-actions';
import { listMyCases, readCase, readNotice, verifyAudit } from '#shared/domain/steps/reads';
import { apiHandler } from '#shared/http/handler';
import { pageOf } from '#shared/http/paging';
import { parseBody } from '#shared/http/parse';
import { badRequest } from '#shared/http/problem';
import { ComplaintRequest, CorrectionRequest, EvaluationRequest } from '#shared/http/schemas';

const ports = { cases: caseRepository, staff: staffRegister, authorisations: authorisationStore, trustAnchors: trustAnchorStore, clock: systemClock, calendar: CALENDAR, settings, metrics, catalog: catalogReader, uploads: uploadStore, downloads };

/** A case and what its applicant does with it: read it, its notices and its audit trail; correct, withdraw, rate, complain. */
export const handler = apiHandler('cases', {
  'GET /v1/cases': async ({ caller, query }) => {
    if (query.mine !== 'true') throw badRequest('list your own cases with ?mine=true', [{ path: 'mine', message: 'must be true' }]);
    return { body: await listMyCases(ports, caller, pageOf(query)) };
  },
  'GET /v1/cases/{caseId}': async ({ caller, path }) => ({ body: await readCase(ports, caller, path.caseId) }),
  'GET /v1/cases/{caseId}/notices/{noticeId}': async ({ caller, path }) => {
    const { rendering, notice } = await readNotice(ports, caller, path.caseId, path.noticeId);
    return rendering ? { status: 202, headers: { 'retry-after': '1' }, body: notice } : { body: notice };
  },
  'GET /v1/cases/{caseId}/audit/verify': async ({ caller, path }) => ({ body: await verifyAudit(ports, caller, path.caseId) }),
  'POST /v1/cases/{caseId}/corrections': async ({ caller, path, body }) => {
    const c = await answerCorrection(ports, caller, path.caseId, parseBody(CorrectionRequest, body));
    return { body: { caseId: c.caseId, status: c.status } };
  },
  'POST /v1/cases/{caseId}/withdraw': async ({ caller, path }) => {
    const c = await withdraw(ports, caller, path.caseId);
    return { body: { caseId: c.caseId, status: c.status } };
  },
  'POST /v1/cases/{caseId}/evaluation': async ({ caller, path, body }) => {
    const c = await evaluate(ports, caller, path.caseId, parseBody(EvaluationRequest, body));
    return { status: 201, body: { caseId: c.caseId, evaluation: c.evaluation } };
  },
  'POST /v1/cases/{caseId}/complaints': async ({ caller, path, body }) => ({ status: 201, body: await fileComplaint(ports, caller, path.caseId, parseBody(ComplaintRequest, body)) }),
});
