import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { callerToContext } from '#shared/auth/context';
import { claimsToCaller, issuerKeys, verifyJwt } from '#shared/auth/jwt';
import { env } from '#shared/adapters/env';
import { logger } from '#shared/adapters/observability';

// [N13] every caller is a real-name identity; the province's OIDC issuer signs it, for this API's audience
const issuer = env('JWT_ISSUER');
const audience = env('JWT_AUDIENCE');
const keys = issuerKeys(env('JWKS_URL'));

/** Token authorizer: verifies the RS256 bearer token and passes the caller's claims, and its expiry, to the handlers. */
export const handler = async (event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
  const token = (event.authorizationToken ?? '').replace(/^Bearer\s+/i, '');
  try {
    const claims = await verifyJwt(token, { issuer, audience, keys });
    const caller = claimsToCaller(claims);
    // Allow every route of this API stage: the gate decides each action from the route table, and a
    // stage-wide policy stays valid when API Gateway caches the authorizer result across routes.
    const [arnBase, stage] = event.methodArn.split('/');
    return {
      principalId: caller.sub,
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: `${arnBase}/${stage}/*` }] },
      context: callerToContext(caller, claims.exp as number),
    };
  } catch (err) {
    logger.info('token refused', { reason: (err as Error).message });
    // API Gateway turns this exact message into a 401 (the UNAUTHORIZED gateway response).
    throw new Error('Unauthorized');
  }
};
