import { appraisalStore } from '#shared/adapters/dynamodb/appraisals';
import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { metrics } from '#shared/adapters/metrics';
import { archiver } from '#shared/adapters/s3/archive';
import { settings, systemClock } from '#shared/adapters/system';
import { destroyAppraised } from '#shared/domain/steps/appraisals';
import { apiHandler } from '#shared/http/handler';

const ports = { appraisals: appraisalStore, cases: caseRepository, staff: staffRegister, authorisations: authorisationStore, clock: systemClock, settings, metrics, archive: archiver };

/**
 * 销毁 [E18]: the one function whose role (zwfw-archive-destruction) the archive bucket's policy lets
 * delete versions, and it deletes only what an approved appraisal lists, after its waiting period, and
 * only what the store itself lets go.
 */
export const handler = apiHandler('archive-destruction', {
  'POST /v1/archive/appraisals/{appraisalId}/destroy': async ({ caller, path }) => ({ body: await destroyAppraised(ports, caller, path.appraisalId) }),
});
