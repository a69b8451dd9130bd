import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { systemClock } from '#shared/adapters/system';
import { recordAbsence, setStaffRoles, staffRecord } from '#shared/domain/steps/staff';
import { apiHandler } from '#shared/http/handler';
import { parseBody } from '#shared/http/parse';
import { AbsenceRequest, StaffRolesRequest } from '#shared/http/schemas';

const ports = { staff: staffRegister, authorisations: authorisationStore, clock: systemClock };

/** A department's staff register [N13] and its AB岗 absences [H22], kept by its head. */
export const handler = apiHandler('staff', {
  'POST /v1/staff/{sub}/roles': async ({ caller, path, body }) => ({ body: await setStaffRoles(ports, caller, path.sub, parseBody(StaffRolesRequest, body)) }),
  'GET /v1/staff': async ({ caller, query }) => ({ body: await staffRecord(ports, caller, query.dept) }),
  'POST /v1/staff/absences': async ({ caller, body }) => ({ status: 201, body: await recordAbsence(ports, caller, parseBody(AbsenceRequest, body)) }),
});
