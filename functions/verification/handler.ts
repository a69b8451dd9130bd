import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { signer } from '#shared/adapters/kms/signer';
import { regions } from '#shared/adapters/regions';
import { systemClock } from '#shared/adapters/system';
import { verifyLicence, verifyNotice } from '#shared/domain/steps/reads';
import { apiHandler } from '#shared/http/handler';

const ports = { cases: caseRepository, signer, regions, clock: systemClock };

/** Public checks of what the platform issued [E16] [N14]: is this licence, is this notice, as issued; nothing about its holder. */
export const handler = apiHandler('verification', {
  'GET /v1/licences/{licenceId}/verify': async ({ path, query }) => ({ body: await verifyLicence(ports, path.licenceId, query.sha256) }),
  'GET /v1/notices/{noticeId}/verify': async ({ path, query }) => ({ body: await verifyNotice(ports, path.noticeId, query.sha256) }),
});
