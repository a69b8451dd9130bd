import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { systemClock } from '#shared/adapters/system';
import { grantAuthorisation, revokeAuthorisation } from '#shared/domain/steps/authorisations';
import { apiHandler } from '#shared/http/handler';
import { parseBody } from '#shared/http/parse';
import { AuthorisationRequest } from '#shared/http/schemas';

const ports = { authorisations: authorisationStore, staff: staffRegister, clock: systemClock };

/** A resident's authorisations of village agents [H26]: given and revoked by the resident. */
export const handler = apiHandler('authorisations', {
  'POST /v1/authorisations': async ({ caller, body }) => ({ status: 201, body: await grantAuthorisation(ports, caller, parseBody(AuthorisationRequest, body)) }),
  'POST /v1/authorisations/{agentSub}/revoke': async ({ caller, path }) => {
    await revokeAuthorisation(ports, caller, path.agentSub);
    return { body: { agentSub: path.agentSub, revoked: true } };
  },
});
