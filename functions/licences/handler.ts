import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { systemClock } from '#shared/adapters/system';
import { readLicence } from '#shared/domain/steps/reads';
import { apiHandler } from '#shared/http/handler';

const ports = { cases: caseRepository, staff: staffRegister, authorisations: authorisationStore, clock: systemClock };

/** An e-licence [E15], to its holder, the issuing department's staff and supervisors over its region. */
export const handler = apiHandler('licences', {
  'GET /v1/licences/{licenceId}': async ({ caller, path }) => ({ body: await readLicence(ports, caller, path.licenceId) }),
});
