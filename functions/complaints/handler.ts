import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { metrics } from '#shared/adapters/metrics';
import { systemClock } from '#shared/adapters/system';
import { catalogReader } from '#shared/adapters/dynamodb/catalog';
import { regions } from '#shared/adapters/regions';
import { handleComplaint, listOpenComplaints } from '#shared/domain/steps/complaints';
import { answerFollowUp, listFollowUps } from '#shared/domain/steps/evaluations';
import { apiHandler } from '#shared/http/handler';
import { pageOf } from '#shared/http/paging';
import { parseBody, queryChoice } from '#shared/http/parse';
import { badRequest } from '#shared/http/problem';
import { ComplaintHandling, FollowUpRequest } from '#shared/http/schemas';

const ports = { cases: caseRepository, staff: staffRegister, authorisations: authorisationStore, clock: systemClock, metrics, catalog: catalogReader, regions };

/**
 * What applicants say of the service [N21] [H10]: the supervisors' complaint queue, and the 差评 the
 * departments follow up (整改).
 */
export const handler = apiHandler('complaints', {
  'GET /v1/complaints': async ({ caller, query }) => {
    if ((query.status ?? 'open') !== 'open') throw badRequest('only status=open is listed', [{ path: 'status', message: 'must be open' }]);
    return { body: await listOpenComplaints(ports, caller, pageOf(query)) };
  },
  'POST /v1/complaints/{complaintId}/handle': async ({ caller, path, body }) => ({ body: await handleComplaint(ports, caller, path.complaintId, parseBody(ComplaintHandling, body)) }),
  'GET /v1/evaluations': async ({ caller, query }) => {
    if (query.bad !== 'true') throw badRequest('the 差评 and their follow-ups are listed with ?bad=true', [{ path: 'bad', message: 'must be true' }]);
    const status = queryChoice('status', query.status, ['open', 'answered'] as const);
    return { body: await listFollowUps(ports, caller, { status, region: query.region, dept: query.dept }, pageOf(query)) };
  },
  'POST /v1/evaluations/{evaluationId}/follow-up': async ({ caller, path, body }) => ({ body: await answerFollowUp(ports, caller, path.evaluationId, parseBody(FollowUpRequest, body)) }),
});
