import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { callerToContext } from '#shared/auth/caller';
import { claimsToCaller, remoteJwks, verifyJwt } from '#shared/auth/jwt';
import { logger } from '#shared/observability';

// N13: every caller is a real-name identity; the province's OIDC issuer signs it, we verify it here.
const issuer = process.env.JWT_ISSUER ?? '';
const keys = remoteJwks(process.env.JWKS_URL ?? '');

/** Token authorizer: verifies the RS256 bearer token and passes the caller's claims to the handlers. */
export const handler = async (event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
  const token = (event.authorizationToken ?? '').replace(/^Bearer\s+/i, '');
  try {
    const caller = claimsToCaller(await verifyJwt(token, { issuer, key: keys }));
    // Allow every route of this API stage: each handler enforces its own role and ownership rules, and a
    // stage-wide policy stays valid when API Gateway caches the authorizer result across routes.
    const [arnBase, stage] = event.methodArn.split('/');
    return {
      principalId: caller.sub,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: `${arnBase}/${stage}/*` }],
      },
      context: callerToContext(caller),
    };
  } catch (err) {
    logger.info('token refused', { reason: (err as Error).message });
    // API Gateway turns this exact message into a 401 (the UNAUTHORIZED gateway response).
    throw new Error('Unauthorized');
  }
};
