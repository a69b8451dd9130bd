import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { Caller, RealName, Role } from '../domain/caller.ts';

/**
 * The verified caller travels from the authorizer to the handlers as API Gateway's authorizer context:
 * a flat map of strings, with the token's expiry, so a handler refuses a token the moment it expires
 * even while the authorizer's answer is still cached.
 */
export function callerToContext(c: Caller, exp: number): Record<string, string> {
  return {
    sub: c.sub,
    name: c.name,
    roles: c.roles.join(','),
    dept: c.dept ?? '',
    region: c.region ?? '',
    kiosk: c.kiosk ?? '',
    idType: c.idType ?? '',
    idNumber: c.idNumber ?? '',
    orgName: c.orgName ?? '',
    orgCode: c.orgCode ?? '',
    exp: String(exp),
  };
}

const contextOf = (event: Pick<APIGatewayProxyEvent, 'requestContext'>) => event.requestContext?.authorizer as Record<string, string> | undefined | null;

export function callerFromEvent(event: Pick<APIGatewayProxyEvent, 'requestContext'>): Caller | undefined {
  const ctx = contextOf(event);
  if (!ctx?.sub) return undefined;
  const realName: RealName = {
    ...(ctx.idType ? { idType: ctx.idType as RealName['idType'] } : {}),
    ...(ctx.idNumber ? { idNumber: ctx.idNumber } : {}),
    ...(ctx.orgName ? { orgName: ctx.orgName } : {}),
    ...(ctx.orgCode ? { orgCode: ctx.orgCode } : {}),
  };
  return {
    sub: ctx.sub,
    name: ctx.name ?? '',
    roles: (ctx.roles ?? '').split(',').filter(Boolean) as Role[],
    dept: ctx.dept || undefined,
    region: ctx.region || undefined,
    kiosk: ctx.kiosk || undefined,
    ...realName,
  };
}

/** The same leeway the authorizer allows for clock skew, seconds. */
const LEEWAY_SECONDS = 30;

/** Whether the token the context came from has expired (a context without an expiry counts as expired). */
export function tokenExpired(event: Pick<APIGatewayProxyEvent, 'requestContext'>, now = Date.now()): boolean {
  const exp = Number(contextOf(event)?.exp);
  return !Number.isFinite(exp) || exp + LEEWAY_SECONDS < Math.floor(now / 1000);
}
