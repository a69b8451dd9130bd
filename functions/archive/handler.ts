import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { archiveLocks } from '#shared/adapters/s3/archive-locks';
import { downloads } from '#shared/adapters/s3/downloads';
import { systemClock } from '#shared/adapters/system';
import { packageLink, readArchive } from '#shared/domain/steps/reads';
import { apiHandler } from '#shared/http/handler';

const ports = { cases: caseRepository, staff: staffRegister, authorisations: authorisationStore, clock: systemClock, archiveLocks, downloads };

/** Where a case's archive package is and the lock the object store really holds on it [E22] [E24]. */
export const handler = apiHandler('archive', {
  'GET /v1/archive/{caseId}': async ({ caller, path }) => ({ body: await readArchive(ports, caller, path.caseId) }),
  'GET /v1/archive/{caseId}/package': async ({ caller, path }) => ({ body: await packageLink(ports, caller, path.caseId) }),
});
