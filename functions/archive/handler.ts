import { archiveCheckStore } from '#shared/adapters/dynamodb/archive-checks';
import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { archiveLocks } from '#shared/adapters/s3/archive-locks';
import { downloads } from '#shared/adapters/s3/downloads';
import { settings, systemClock } from '#shared/adapters/system';
import { readArchiveCheck, requestArchiveCheck } from '#shared/domain/steps/archive-checks';
import { packageLink, readArchive } from '#shared/domain/steps/reads';
import { apiHandler } from '#shared/http/handler';
import { parseBody } from '#shared/http/parse';
import { ArchiveCheckRequest } from '#shared/http/schemas';

const ports = { cases: caseRepository, staff: staffRegister, authorisations: authorisationStore, clock: systemClock, archiveLocks, downloads, archiveChecks: archiveCheckStore, settings };

/**
 * The archive's API [E18] [E22] [E24]: where a case's package is and the lock the object store really
 * holds on it, a link to the package itself, and four-property checks asked for and read (run by the
 * archive-checks function).
 */
export const handler = apiHandler('archive', {
  'GET /v1/archive/{caseId}': async ({ caller, path }) => ({ body: await readArchive(ports, caller, path.caseId) }),
  'GET /v1/archive/{caseId}/package': async ({ caller, path }) => ({ body: await packageLink(ports, caller, path.caseId) }),
  'POST /v1/archive/checks': async ({ caller, body }) => ({ status: 202, body: await requestArchiveCheck(ports, caller, parseBody(ArchiveCheckRequest, body)) }),
  'GET /v1/archive/checks/{checkId}': async ({ caller, path }) => ({ body: await readArchiveCheck(ports, caller, path.checkId) }),
});
