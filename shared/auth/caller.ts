import type { APIGatewayProxyEvent } from 'aws-lambda';
import { forbidden, unauthorized } from '../http/problem.ts';

/** Roles (API.md "Identity"); real-name identity comes from the province's OIDC issuer (N13). */
export const ROLES = [
  'citizen',
  'agent',
  'clerk',
  'handler',
  'head',
  'catalog_admin',
  'office_reviewer',
  'justice_reviewer',
  'supervisor',
  'archivist',
  'operator',
] as const;
export type Role = (typeof ROLES)[number];

export interface Caller {
  sub: string;
  name: string;
  roles: Role[];
  /** department code, staff only */
  dept?: string;
  /** 6-digit region code, staff and agents */
  region?: string;
  /** the self-service kiosk (自助服务机, H11) the session runs on, when the citizen signed in at one */
  kiosk?: string;
}

/** The authorizer hands claims to the handler as a flat string map (API Gateway's authorizer context). */
export function callerToContext(c: Caller): Record<string, string> {
  return { sub: c.sub, name: c.name, roles: c.roles.join(','), dept: c.dept ?? '', region: c.region ?? '', kiosk: c.kiosk ?? '' };
}

export function callerFromEvent(event: Pick<APIGatewayProxyEvent, 'requestContext'>): Caller | undefined {
  const ctx = event.requestContext?.authorizer as Record<string, string> | undefined | null;
  if (!ctx?.sub) return undefined;
  return {
    sub: ctx.sub,
    name: ctx.name ?? '',
    roles: (ctx.roles ?? '').split(',').filter(Boolean) as Role[],
    dept: ctx.dept || undefined,
    region: ctx.region || undefined,
    kiosk: ctx.kiosk || undefined,
  };
}

export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw unauthorized('a valid bearer token is required');
  return caller;
}

export function requireRole(caller: Caller | undefined, ...roles: Role[]): Caller {
  const c = requireCaller(caller);
  if (!roles.some((r) => c.roles.includes(r))) {
    throw forbidden(`this action needs one of the roles: ${roles.join(', ')}`);
  }
  return c;
}
