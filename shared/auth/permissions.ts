import type { Role } from './caller.ts';

/**
 * N13: who may call what, in one place. Each route names the roles that may call it and the ownership
 * rule the domain then applies to the data (own case, own department, own region …). The API handler
 * refuses a role that is not listed with 403 before any domain code runs; test/e2e/permissions.test.ts
 * walks every route with every role.
 */
export type Ownership =
  | 'public'
  /** the applicant, or the agent or clerk who filed for them */
  | 'own_case'
  /** staff of the department the task or case belongs to */
  | 'own_department'
  /** the proposer's region (local catalog changes) or the province (common ones) */
  | 'own_region'
  /** anyone with the role */
  | 'any';

export interface Permission {
  roles: Role[] | 'public';
  ownership: Ownership;
}

const STAFF: Role[] = ['clerk', 'handler', 'head'];
const FILERS: Role[] = ['citizen', 'agent', 'clerk'];
const CATALOG_OVERSIGHT: Role[] = ['catalog_admin', 'office_reviewer', 'justice_reviewer', 'supervisor'];
const PUBLIC: Permission = { roles: 'public', ownership: 'public' };

export const PERMISSIONS: Record<string, Permission> = {
  'GET /v1/openapi.json': PUBLIC,
  'GET /v1/matters': PUBLIC,
  'GET /v1/matters/{code}': PUBLIC,
  'GET /v1/licences/{licenceId}': PUBLIC,
  'GET /v1/licences/{licenceId}/verify': PUBLIC,
  'GET /v1/notices/{noticeId}/verify': PUBLIC,
  'POST /v1/catalog/changes': { roles: ['catalog_admin'], ownership: 'own_region' },
  'GET /v1/catalog/changes/{id}': { roles: CATALOG_OVERSIGHT, ownership: 'any' },
  'POST /v1/catalog/changes/{id}/approve': { roles: ['office_reviewer', 'justice_reviewer', 'catalog_admin'], ownership: 'own_region' },
  'POST /v1/catalog/changes/{id}/reject': { roles: ['office_reviewer', 'justice_reviewer', 'catalog_admin'], ownership: 'own_region' },
  'GET /v1/catalog/consistency': { roles: CATALOG_OVERSIGHT, ownership: 'any' },
  'GET /v1/catalog/completeness': { roles: CATALOG_OVERSIGHT, ownership: 'any' },
  'POST /v1/uploads': { roles: FILERS, ownership: 'any' },
  'POST /v1/cases': { roles: FILERS, ownership: 'own_case' },
  'GET /v1/cases': { roles: ['citizen', 'agent'], ownership: 'own_case' },
  'GET /v1/cases/{caseId}': { roles: [...FILERS, 'handler', 'head', 'supervisor', 'archivist'], ownership: 'own_case' },
  'POST /v1/cases/{caseId}/corrections': { roles: FILERS, ownership: 'own_case' },
  'POST /v1/cases/{caseId}/withdraw': { roles: FILERS, ownership: 'own_case' },
  'GET /v1/cases/{caseId}/audit/verify': { roles: [...FILERS, 'handler', 'head', 'supervisor', 'archivist'], ownership: 'own_case' },
  'GET /v1/cases/{caseId}/notices/{noticeId}': { roles: [...FILERS, 'handler', 'head', 'supervisor', 'archivist'], ownership: 'own_case' },
  'POST /v1/cases/{caseId}/evaluation': { roles: FILERS, ownership: 'own_case' },
  'POST /v1/cases/{caseId}/complaints': { roles: FILERS, ownership: 'own_case' },
  'POST /v1/authorisations': { roles: ['citizen'], ownership: 'any' },
  'POST /v1/authorisations/{agentSub}/revoke': { roles: ['citizen'], ownership: 'any' },
  'GET /v1/complaints': { roles: ['supervisor'], ownership: 'any' },
  'POST /v1/complaints/{complaintId}/handle': { roles: ['supervisor'], ownership: 'any' },
  'GET /v1/tasks': { roles: STAFF, ownership: 'own_department' },
  'POST /v1/tasks/{taskId}/complete': { roles: STAFF, ownership: 'own_department' },
  'POST /v1/tasks/{taskId}/offline-steps': { roles: ['handler', 'head'], ownership: 'own_department' },
  'POST /v1/tasks/{taskId}/special-procedures': { roles: ['handler', 'head'], ownership: 'own_department' },
  'POST /v1/tasks/{taskId}/special-procedures/end': { roles: ['handler', 'head'], ownership: 'own_department' },
  'POST /v1/tasks/{taskId}/extension': { roles: ['head'], ownership: 'own_department' },
  'POST /v1/tasks/{taskId}/claim': { roles: STAFF, ownership: 'own_department' },
  'POST /v1/staff/absences': { roles: ['head'], ownership: 'own_department' },
  'POST /v1/staff/{sub}/roles': { roles: ['head'], ownership: 'own_department' },
  'GET /v1/staff': { roles: ['head', 'supervisor'], ownership: 'own_department' },
  'GET /v1/archive/{caseId}': { roles: ['archivist', 'supervisor'], ownership: 'any' },
};

/** The roles a route allows, or 'public'; undefined for a route the matrix does not know (refused). */
export const permissionOf = (route: string): Permission | undefined => PERMISSIONS[route];
