/** Roles (API.md "Identity"); real-name identity comes from the province's OIDC issuer [N13]. */
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

/** The roles of a department's staff: the window (clerk) and the reviewers (handler, head). */
export const STAFF_ROLES = ['clerk', 'handler', 'head'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** 实名 claims set by the province's real-name system [N13]: a person's document, and the enterprise they act for. */
export interface RealName {
  idType?: 'resident_id' | 'passport' | 'other';
  idNumber?: string;
  orgName?: string;
  /** 统一社会信用代码 */
  orgCode?: string;
}

/** Who calls: the verified token's claims. */
export interface Caller extends RealName {
  sub: string;
  name: string;
  roles: Role[];
  /** department code, staff only */
  dept?: string;
  /** 6-digit region code: staff, agents, supervisors and archivists */
  region?: string;
  /** the self-service kiosk (自助服务机) the session runs on, when the citizen signed in at one [H11] */
  kiosk?: string;
}

export const hasRole = (caller: Pick<Caller, 'roles'>, ...roles: readonly Role[]) => roles.some((r) => caller.roles.includes(r));
