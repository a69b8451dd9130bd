import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { metrics } from '#shared/adapters/metrics';
import { downloads } from '#shared/adapters/s3/downloads';
import { systemClock } from '#shared/adapters/system';
import { listMyLicences, revokeLicence } from '#shared/domain/steps/licences';
import { readLicence } from '#shared/domain/steps/reads';
import { apiHandler } from '#shared/http/handler';
import { pageOf } from '#shared/http/paging';
import { parseBody } from '#shared/http/parse';
import { badRequest } from '#shared/http/problem';
import { LicenceRevocation } from '#shared/http/schemas';

const ports = { cases: caseRepository, staff: staffRegister, authorisations: authorisationStore, clock: systemClock, metrics, downloads };

/** The licence store [E15] [E16]: the holder's own licences, one licence to whoever may see it, its revocation by the issuer. */
export const handler = apiHandler('licences', {
  'GET /v1/licences': async ({ caller, query }) => {
    if (query.mine !== 'true') throw badRequest('list your own licences with ?mine=true', [{ path: 'mine', message: 'must be true' }]);
    if (query.as !== undefined && query.as !== 'person' && query.as !== 'org') throw badRequest('as is person or org', [{ path: 'as', message: 'person or org' }]);
    return { body: await listMyLicences(ports, caller, (query.as as 'person' | 'org' | undefined) ?? 'person', pageOf(query)) };
  },
  'GET /v1/licences/{licenceId}': async ({ caller, path }) => ({ body: await readLicence(ports, caller, path.licenceId) }),
  'POST /v1/licences/{licenceId}/revoke': async ({ caller, path, body }) => ({ body: await revokeLicence(ports, caller, path.licenceId, parseBody(LicenceRevocation, body)) }),
});
