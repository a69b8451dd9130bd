import type * as z from 'zod/mini';
import { PERMISSIONS } from '../auth/permissions.ts';
import {
  ChangeDecision,
  ChangeProposal,
  ChangeRejection,
  ComplaintHandling,
  ComplaintRequest,
  CorrectionRequest,
  CreateCaseRequest,
  EvaluationRequest,
  ExtensionRequest,
  AbsenceRequest,
  StaffRolesRequest,
  AuthorisationRequest,
  OfflineStepRequest,
  SpecialProcedureEnd,
  SpecialProcedureRequest,
  TaskDecision,
  UploadRequest,
} from '../domain/schemas.ts';

/**
 * The public API's routes (API.md), as data: the API stack creates the API Gateway resources from this
 * table and the OpenAPI document is generated from it, so the two cannot drift apart.
 */
export type FunctionName = 'matters' | 'catalog' | 'uploads' | 'intake' | 'cases' | 'tasks' | 'licences' | 'archive' | 'openapi';

export interface RouteSpec {
  method: 'GET' | 'POST';
  path: string;
  fn: FunctionName;
  summary: string;
  /** no token needed (N8: the catalog is published; licences and notices are verifiable by anyone) */
  public?: boolean;
  body?: { name: string; schema: z.ZodMiniType };
  requiredHeaders?: string[];
  roles?: string[];
  /** the success status */
  status?: number;
}

const SPECS: Omit<RouteSpec, 'public' | 'roles'>[] = [
  { method: 'GET', path: '/v1/openapi.json', fn: 'openapi', summary: 'This document' },
  { method: 'GET', path: '/v1/matters', fn: 'matters', summary: 'Search published matters (事项库, N8)' },
  { method: 'GET', path: '/v1/matters/{code}', fn: 'matters', summary: 'The service guide (办事指南) of a matter' },
  { method: 'POST', path: '/v1/catalog/changes', fn: 'catalog', summary: 'Propose a catalog change (N10)', body: { name: 'ChangeProposal', schema: ChangeProposal }, status: 201 },
  { method: 'GET', path: '/v1/catalog/changes/{id}', fn: 'catalog', summary: 'A catalog change and its review history' },
  {
    method: 'POST',
    path: '/v1/catalog/changes/{id}/approve',
    fn: 'catalog',
    summary: 'Approve the step a change waits at; the last step applies it as a new version (N10)',
    body: { name: 'ChangeDecision', schema: ChangeDecision },
  },
  { method: 'POST', path: '/v1/catalog/changes/{id}/reject', fn: 'catalog', summary: 'Reject a change with reasons', body: { name: 'ChangeRejection', schema: ChangeRejection } },
  {
    method: 'GET',
    path: '/v1/catalog/consistency',
    fn: 'catalog',
    summary: 'Where same-level regions differ in matters, steps, days or materials (平级相同, N11); ?level=county|city&parent=',
  },
  {
    method: 'GET',
    path: '/v1/catalog/completeness',
    fn: 'catalog',
    summary: 'Published guides missing required fields (N20); ?region=',
  },
  { method: 'POST', path: '/v1/uploads', fn: 'uploads', summary: 'A presigned PUT for one material', body: { name: 'UploadRequest', schema: UploadRequest }, status: 201 },
  {
    method: 'POST',
    path: '/v1/cases',
    fn: 'intake',
    summary: 'Submit an application (统一收件, N14)',
    body: { name: 'CreateCaseRequest', schema: CreateCaseRequest },
    requiredHeaders: ['Idempotency-Key'],
    status: 201,
  },
  { method: 'GET', path: '/v1/cases', fn: 'cases', summary: 'The caller’s own cases (?mine=true)' },
  { method: 'GET', path: '/v1/cases/{caseId}', fn: 'cases', summary: 'A case with its tasks, notices and timeline' },
  { method: 'POST', path: '/v1/cases/{caseId}/corrections', fn: 'cases', summary: 'Answer a correction notice (补齐补正)', body: { name: 'CorrectionRequest', schema: CorrectionRequest } },
  { method: 'POST', path: '/v1/cases/{caseId}/withdraw', fn: 'cases', summary: 'Withdraw before acceptance' },
  { method: 'GET', path: '/v1/cases/{caseId}/audit/verify', fn: 'cases', summary: 'Recompute the audit trail’s hash chain (H9, E17)' },
  { method: 'GET', path: '/v1/cases/{caseId}/notices/{noticeId}', fn: 'cases', summary: 'A notice (文书) and a short-lived link to its PDF (202 while it is being rendered)' },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/evaluation',
    fn: 'cases',
    summary: 'Rate a completed case once, 1–5 (好差评, N21, H10)',
    body: { name: 'EvaluationRequest', schema: EvaluationRequest },
    status: 201,
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/complaints',
    fn: 'cases',
    summary: 'Complain about how a case is handled (投诉, N21, H10)',
    body: { name: 'ComplaintRequest', schema: ComplaintRequest },
    status: 201,
  },
  {
    method: 'POST',
    path: '/v1/authorisations',
    fn: 'cases',
    summary: 'Authorise an agent (代办员) to file for me (H13, H26)',
    body: { name: 'AuthorisationRequest', schema: AuthorisationRequest },
    status: 201,
  },
  { method: 'POST', path: '/v1/authorisations/{agentSub}/revoke', fn: 'cases', summary: 'Revoke an agent’s authorisation' },
  { method: 'GET', path: '/v1/complaints', fn: 'cases', summary: 'Open complaints, oldest first (?status=open)' },
  {
    method: 'POST',
    path: '/v1/complaints/{complaintId}/handle',
    fn: 'cases',
    summary: 'Record how a complaint was handled',
    body: { name: 'ComplaintHandling', schema: ComplaintHandling },
  },
  { method: 'GET', path: '/v1/tasks', fn: 'tasks', summary: 'Open tasks of the caller’s department' },
  { method: 'POST', path: '/v1/tasks/{taskId}/complete', fn: 'tasks', summary: 'Decide an acceptance or review task', body: { name: 'TaskDecision', schema: TaskDecision } },
  {
    method: 'POST',
    path: '/v1/tasks/{taskId}/offline-steps',
    fn: 'tasks',
    summary: 'Record a site inspection, expert review or hearing (N17)',
    body: { name: 'OfflineStepRequest', schema: OfflineStepRequest },
    status: 201,
  },
  {
    method: 'POST',
    path: '/v1/tasks/{taskId}/special-procedures',
    fn: 'tasks',
    summary: 'Start a special procedure: the clock stops until it ends (听证、检验、鉴定、专家评审 …)',
    body: { name: 'SpecialProcedureRequest', schema: SpecialProcedureRequest },
  },
  {
    method: 'POST',
    path: '/v1/tasks/{taskId}/special-procedures/end',
    fn: 'tasks',
    summary: 'End the special procedure: its working days are added to the deadline',
    body: { name: 'SpecialProcedureEnd', schema: SpecialProcedureEnd },
  },
  {
    method: 'POST',
    path: '/v1/tasks/{taskId}/extension',
    fn: 'tasks',
    summary: 'Extend the time limit once, by up to ten working days, with a notice (head only)',
    body: { name: 'ExtensionRequest', schema: ExtensionRequest },
  },
  { method: 'POST', path: '/v1/tasks/{taskId}/claim', fn: 'tasks', summary: 'Take a task: it is yours to complete (首问负责; AB岗 backups act when you are away)' },
  { method: 'POST', path: '/v1/staff/absences', fn: 'tasks', summary: 'Record a member of staff as away, with their backup (AB岗, H22; head only)', body: { name: 'AbsenceRequest', schema: AbsenceRequest } },
  { method: 'POST', path: '/v1/staff/{sub}/roles', fn: 'tasks', summary: 'Set a member of staff’s roles in the department, with a reason (N13; head only, recorded)', body: { name: 'StaffRolesRequest', schema: StaffRolesRequest } },
  { method: 'GET', path: '/v1/staff', fn: 'tasks', summary: 'The department’s staff register and its record of changes (?dept=)' },
  { method: 'GET', path: '/v1/licences/{licenceId}', fn: 'licences', summary: 'An e-licence (电子证照, E15)' },
  { method: 'GET', path: '/v1/licences/{licenceId}/verify', fn: 'licences', summary: 'Verify an e-licence’s signature and status' },
  { method: 'GET', path: '/v1/notices/{noticeId}/verify', fn: 'licences', summary: 'Check a notice (文书) by its number and a SHA-256 (?sha256= of its PDF or content), as each notice says it may be' },
  { method: 'GET', path: '/v1/archive/{caseId}', fn: 'archive', summary: 'Where a case’s archive package is, and its lock (E22–E24)' },
];

/** Every route with its permission from the one matrix (shared/auth/permissions.ts); a route without one fails here. */
export const ROUTES: RouteSpec[] = SPECS.map((r) => {
  const p = PERMISSIONS[`${r.method} ${r.path}`];
  if (!p) throw new Error(`route ${r.method} ${r.path} has no entry in shared/auth/permissions.ts`);
  return { ...r, ...(p.roles === 'public' ? { public: true } : { roles: p.roles }) };
});
