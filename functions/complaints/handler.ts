import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { metrics } from '#shared/adapters/metrics';
import { systemClock } from '#shared/adapters/system';
import { handleComplaint, listOpenComplaints } from '#shared/domain/steps/complaints';
import { apiHandler } from '#shared/http/handler';
import { pageOf } from '#shared/http/paging';
import { parseBody } from '#shared/http/parse';
import { badRequest } from '#shared/http/problem';
import { ComplaintHandling } from '#shared/http/schemas';

const ports = { cases: caseRepository, staff: staffRegister, authorisations: authorisationStore, clock: systemClock, metrics };

/** The supervisors' complaint queue [N21] [H10]: open complaints of their region, and how each was handled. */
export const handler = apiHandler('complaints', {
  'GET /v1/complaints': async ({ caller, query }) => {
    if ((query.status ?? 'open') !== 'open') throw badRequest('only status=open is listed', [{ path: 'status', message: 'must be open' }]);
    return { body: await listOpenComplaints(ports, caller, pageOf(query)) };
  },
  'POST /v1/complaints/{complaintId}/handle': async ({ caller, path, body }) => ({ body: await handleComplaint(ports, caller, path.complaintId, parseBody(ComplaintHandling, body)) }),
});
