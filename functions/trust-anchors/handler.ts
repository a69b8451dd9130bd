import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { trustAnchorStore } from '#shared/adapters/dynamodb/trust-anchors';
import { systemClock } from '#shared/adapters/system';
import { addTrustAnchor, listTrustAnchors, revokeTrustAnchor } from '#shared/domain/steps/trust-anchors';
import { apiHandler } from '#shared/http/handler';
import { parseBody } from '#shared/http/parse';
import { TrustAnchorRequest, TrustAnchorRevocation } from '#shared/http/schemas';

const ports = { trustAnchors: trustAnchorStore, staff: staffRegister, authorisations: authorisationStore, clock: systemClock };

/** The operators' trust anchors [E13]: the CAs signed materials are checked against, every change recorded. */
export const handler = apiHandler('trust-anchors', {
  'POST /v1/trust-anchors': async ({ caller, body }) => ({ status: 201, body: await addTrustAnchor(ports, caller, parseBody(TrustAnchorRequest, body)) }),
  'GET /v1/trust-anchors': async ({ caller }) => ({ body: await listTrustAnchors(ports, caller) }),
  'POST /v1/trust-anchors/{anchorId}/revoke': async ({ caller, path, body }) => ({ body: await revokeTrustAnchor(ports, caller, path.anchorId, parseBody(TrustAnchorRevocation, body)) }),
});
