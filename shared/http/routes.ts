import { rolesOf, type Action } from '../domain/access/policies.ts';
import type { Role } from '../domain/caller.ts';
import type { ResponseSchemaName } from './responses.ts';
import type { RequestSchemaName } from './schemas.ts';

/**
 * The public API's routes (API.md), declared once: each names the function that serves it and the
 * action it is, whose roles and ownership rule the access policies hold (`shared/domain/access/`). The
 * API stack creates the API Gateway resources from this table, the OpenAPI document is generated from
 * it, and each handler implements exactly the routes it lists for its function.
 */
export type FunctionName = 'matters' | 'catalog' | 'uploads' | 'intake' | 'cases' | 'authorisations' | 'complaints' | 'tasks' | 'staff' | 'licences' | 'verification' | 'trust-anchors' | 'archive' | 'archive-destruction' | 'supervision' | 'halls' | 'booking-notices' | 'openapi';

export interface RouteSpec {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly fn: FunctionName;
  /** what the caller asks to do: the gate decides it, from the policy of the same name */
  readonly action: Action;
  readonly summary: string;
  /** the request body's schema, by name in `REQUEST_SCHEMAS` (./schemas.ts): a name, so a Lambda that reads the table does not bundle every schema */
  readonly body?: { readonly name: RequestSchemaName };
  readonly requiredHeaders?: readonly string[];
  /** headers the route reads when sent (an Idempotency-Key that makes a retry safe) */
  readonly optionalHeaders?: readonly string[];
  /** the query parameters the route reads (each described once in QUERY_PARAMETERS, shared/http/openapi.ts) */
  readonly query?: readonly QueryParameter[];
  /** the success answer's schema, by name in `RESPONSE_SCHEMAS` (./responses.ts), where the document describes it */
  readonly response?: { readonly name: ResponseSchemaName };
  /** the success status */
  readonly status?: number;
  /** what a success answers with when it is a document rather than JSON; the request's Accept must name it first (406 otherwise) */
  readonly produces?: 'application/pdf';
}

/** Every query parameter any route reads; `limit` and `cursor` page a list (API.md "Lists"). */
export type QueryParameter = 'q' | 'region' | 'dept' | 'type' | 'level' | 'parent' | 'status' | 'bad' | 'mine' | 'as' | 'matterCode' | 'from' | 'to' | 'date' | 'windowId' | 'by' | 'sha256' | 'limit' | 'cursor';
const PAGED = ['limit', 'cursor'] as const;

/** `METHOD /path/{param}`, as API Gateway names a route in its events. */
export type RouteKey = `${RouteSpec['method']} ${string}`;

const SPECS = [
  { method: 'GET', path: '/v1/openapi.json', fn: 'openapi', action: 'openapi.read', summary: 'This document' },
  { method: 'GET', path: '/v1/matters', fn: 'matters', action: 'catalog.search', summary: 'Search published matters (事项库) [N8]', query: ['q', 'region', 'dept', 'type', ...PAGED], response: { name: 'MatterPage' } },
  { method: 'GET', path: '/v1/matters/{code}', fn: 'matters', action: 'catalog.guide', summary: 'The service guide (办事指南) of a matter' },
  { method: 'POST', path: '/v1/catalog/changes', fn: 'catalog', action: 'catalog.propose', summary: 'Propose a catalog change [N10]', body: { name: 'ChangeProposal' }, status: 201 },
  { method: 'GET', path: '/v1/catalog/changes/{id}', fn: 'catalog', action: 'catalog.read_change', summary: 'A catalog change and its review history' },
  {
    method: 'POST',
    path: '/v1/catalog/changes/{id}/approve',
    fn: 'catalog', action: 'catalog.decide_change',
    summary: 'Approve the step a change waits at; the last step applies it as a new version [N10]',
    body: { name: 'ChangeDecision' },
  },
  { method: 'POST', path: '/v1/catalog/changes/{id}/reject', fn: 'catalog', action: 'catalog.decide_change', summary: 'Reject a change with reasons', body: { name: 'ChangeRejection' } },
  {
    method: 'GET',
    path: '/v1/catalog/consistency',
    query: ['level', 'parent'],
    fn: 'catalog', action: 'catalog.oversee',
    summary: 'Where same-level regions differ in matters, steps, days or materials (平级相同) [N11]; ?level=county|city&parent=',
  },
  {
    method: 'GET',
    path: '/v1/catalog/completeness',
    query: ['region'],
    fn: 'catalog', action: 'catalog.oversee',
    summary: 'Published guides missing required fields [N20]; ?region=',
  },
  { method: 'GET', path: '/v1/halls', fn: 'halls', action: 'hall.read', summary: 'The halls (政务大厅, 便民服务站) of a region and below, with their windows and hours [H8] [H11]; ?region=', query: ['region', ...PAGED] },
  { method: 'GET', path: '/v1/halls/{hallId}', fn: 'halls', action: 'hall.read', summary: 'A hall, its windows and its hours [H11]' },
  {
    method: 'POST',
    path: '/v1/halls/{hallId}/configuration',
    fn: 'halls', action: 'hall.manage',
    summary: 'Set a hall’s windows, hours (at least seven a working day) and daily limit, from its current version; recorded [H8] [H11] [H21]',
    body: { name: 'HallConfiguration' },
  },
  { method: 'GET', path: '/v1/halls/{hallId}/changes', fn: 'halls', action: 'hall.manage', summary: 'Who changed a hall’s configuration, when, and to what', query: [...PAGED] },
  { method: 'GET', path: '/v1/halls/{hallId}/slots', fn: 'halls', action: 'hall.read', summary: 'Bookable slots from the hall’s hours, with places left, up to 30 days ahead [H20] [H21]; ?matterCode=&from=&to=', query: ['matterCode', 'from', 'to', ...PAGED] },
  {
    method: 'POST',
    path: '/v1/bookings',
    fn: 'halls', action: 'booking.create',
    summary: 'Book a slot at a window, in your real name (网上预约) [H20]; a full slot is 409',
    body: { name: 'BookingRequest' },
    requiredHeaders: ['Idempotency-Key'],
    status: 201,
  },
  { method: 'POST', path: '/v1/halls/{hallId}/check-in', fn: 'halls', action: 'hall.desk', summary: 'Check a booking in with its code: it joins its window’s queue [H20]', body: { name: 'CheckInRequest' } },
  {
    method: 'POST',
    path: '/v1/halls/{hallId}/windows/{windowId}/call-next',
    fn: 'halls', action: 'hall.desk',
    summary: 'Call the next checked-in booking of a window, by arrival; 204 when none waits (AB岗 [H22]); the same Idempotency-Key again answers with the one it called',
    optionalHeaders: ['Idempotency-Key'],
  },
  { method: 'GET', path: '/v1/halls/{hallId}/queue', fn: 'halls', action: 'hall.desk', summary: 'A hall’s bookings of a day: called, waiting, booked, done; ?date=&windowId=', query: ['date', 'windowId', ...PAGED] },
  { method: 'POST', path: '/v1/bookings/{bookingId}/no-show', fn: 'halls', action: 'hall.desk', summary: 'Mark a called booking (or one not checked in by its slot’s end) a no-show' },
  { method: 'GET', path: '/v1/bookings', fn: 'halls', action: 'booking.list_own', summary: 'Your bookings, the latest slot first (?mine=true)', query: ['mine', ...PAGED] },
  { method: 'GET', path: '/v1/bookings/{bookingId}', fn: 'halls', action: 'booking.read', summary: 'One of your bookings' },
  {
    method: 'GET',
    path: '/v1/bookings/{bookingId}/notice',
    fn: 'booking-notices', action: 'booking.read',
    summary: 'Your booking notice (网上预约回执) as a PDF, with its check-in code [H20]; send Accept: application/pdf',
    produces: 'application/pdf',
  },
  { method: 'POST', path: '/v1/bookings/{bookingId}/cancel', fn: 'halls', action: 'booking.cancel', summary: 'Cancel your booking before its slot begins; its place goes back' },
  { method: 'POST', path: '/v1/uploads', fn: 'uploads', action: 'upload.create', summary: 'A presigned PUT for one material, or one for each of several (`files`, up to 10): {uploads: [...]} in the order asked [E12]', body: { name: 'UploadRequest' }, status: 201, response: { name: 'UploadLinks' } },
  {
    method: 'POST',
    path: '/v1/cases',
    fn: 'intake', action: 'case.file',
    summary: 'Submit an application (统一收件) [N14]',
    body: { name: 'CreateCaseRequest' },
    requiredHeaders: ['Idempotency-Key'],
    response: { name: 'Receipt' },
    status: 201,
  },
  { method: 'GET', path: '/v1/cases', fn: 'cases', action: 'case.list_own', summary: 'The caller’s own cases (?mine=true)', query: ['mine', ...PAGED] },
  { method: 'GET', path: '/v1/cases/{caseId}', fn: 'cases', action: 'case.read', summary: 'A case with its tasks, notices and timeline', response: { name: 'CaseView' } },
  { method: 'POST', path: '/v1/cases/{caseId}/corrections', fn: 'cases', action: 'case.correct', summary: 'Answer a correction notice (补齐补正)', body: { name: 'CorrectionRequest' } },
  { method: 'POST', path: '/v1/cases/{caseId}/withdraw', fn: 'cases', action: 'case.withdraw', summary: 'Withdraw before acceptance' },
  { method: 'GET', path: '/v1/cases/{caseId}/audit/verify', fn: 'cases', action: 'case.read', summary: 'Recompute the audit trail’s hash chain [H9] [E17]' },
  { method: 'GET', path: '/v1/cases/{caseId}/notices/{noticeId}', fn: 'cases', action: 'case.read', summary: 'A notice (文书) and a short-lived link to its PDF (202 while it is being rendered)' },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/evaluation',
    fn: 'cases', action: 'case.evaluate',
    summary: 'Rate a completed case once, 1–5, and each dimension if wished (好差评); 1 and 2 open a follow-up [N21] [H10]',
    body: { name: 'EvaluationRequest' },
    status: 201,
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/complaints',
    fn: 'cases', action: 'case.complain',
    summary: 'Complain about how a case is handled (投诉) [N21] [H10]',
    body: { name: 'ComplaintRequest' },
    status: 201,
  },
  {
    method: 'POST',
    path: '/v1/authorisations',
    fn: 'authorisations', action: 'authorisation.manage',
    summary: 'Authorise an agent (代办员) to file for me [H13] [H26]',
    body: { name: 'AuthorisationRequest' },
    status: 201,
  },
  { method: 'POST', path: '/v1/authorisations/{agentSub}/revoke', fn: 'authorisations', action: 'authorisation.manage', summary: 'Revoke an agent’s authorisation' },
  { method: 'GET', path: '/v1/complaints', fn: 'complaints', action: 'complaint.list', summary: 'Open complaints, oldest first (?status=open)', query: ['status', ...PAGED] },
  { method: 'GET', path: '/v1/evaluations', fn: 'complaints', action: 'evaluation.list', summary: '差评 and their follow-ups (?bad=true&status=open|answered&region=&dept=): a department’s, or a region’s for its supervisors [N21]', query: ['bad', 'status', 'region', 'dept', ...PAGED] },
  {
    method: 'POST',
    path: '/v1/evaluations/{evaluationId}/follow-up',
    fn: 'complaints', action: 'evaluation.follow_up',
    summary: 'Answer a 差评’s follow-up (整改) once: what was done, whether the applicant was reached [N21] [H10]',
    body: { name: 'FollowUpRequest' },
  },
  { method: 'GET', path: '/v1/supervision/rules', fn: 'supervision', action: 'supervision.rules', summary: 'Every e-supervision rule: its id, level, category, phase and article [N20]' },
  { method: 'GET', path: '/v1/supervision/metrics', fn: 'supervision', action: 'supervision.metrics', summary: 'A region’s or department’s figures for a period (?from=&to=&region=&dept=&by=region|dept|channel|day|hall) [N20] [N21]; a hall’s bookings, check-ins, no-shows and waiting [H20]', query: ['from', 'to', 'region', 'dept', 'by'] },
  { method: 'GET', path: '/v1/supervision/alerts', fn: 'supervision', action: 'supervision.alerts', summary: 'Alerts of the supervisor’s region (?level=yellow|red&status=open|cleared&region=&dept=), paged [N20]', query: ['level', 'status', 'region', 'dept', ...PAGED] },
  {
    method: 'POST',
    path: '/v1/complaints/{complaintId}/handle',
    fn: 'complaints', action: 'complaint.handle',
    summary: 'Record how a complaint was handled',
    body: { name: 'ComplaintHandling' },
  },
  { method: 'GET', path: '/v1/tasks', fn: 'tasks', action: 'task.list', summary: 'Open tasks of the caller’s department', query: ['status', ...PAGED], response: { name: 'TaskPage' } },
  { method: 'POST', path: '/v1/tasks/{taskId}/complete', fn: 'tasks', action: 'task.complete', summary: 'Decide an acceptance or review task', body: { name: 'TaskDecision' }, response: { name: 'TaskOutcome' } },
  {
    method: 'POST',
    path: '/v1/tasks/{taskId}/offline-steps',
    fn: 'tasks', action: 'task.offline_step',
    summary: 'Record a site inspection, expert review or hearing [N17]',
    body: { name: 'OfflineStepRequest' },
    status: 201,
  },
  {
    method: 'POST',
    path: '/v1/tasks/{taskId}/special-procedures',
    fn: 'tasks', action: 'task.special_procedure',
    summary: 'Start a special procedure: the clock stops until it ends (听证、检验、鉴定、专家评审 …)',
    body: { name: 'SpecialProcedureRequest' },
  },
  {
    method: 'POST',
    path: '/v1/tasks/{taskId}/special-procedures/end',
    fn: 'tasks', action: 'task.special_procedure',
    summary: 'End the special procedure: its working days are added to the deadline',
    body: { name: 'SpecialProcedureEnd' },
  },
  {
    method: 'POST',
    path: '/v1/tasks/{taskId}/extension',
    fn: 'tasks', action: 'task.extend',
    summary: 'Extend the time limit once, by up to ten working days, with a notice (head only)',
    body: { name: 'ExtensionRequest' },
  },
  { method: 'POST', path: '/v1/tasks/{taskId}/claim', fn: 'tasks', action: 'task.claim', summary: 'Take a task: it is yours to complete (首问负责; AB岗 backups act when you are away)' },
  { method: 'POST', path: '/v1/staff/absences', fn: 'staff', action: 'staff.manage', summary: 'Record a member of staff as away, with their backup (AB岗, [H22]; head only)', body: { name: 'AbsenceRequest' } },
  { method: 'POST', path: '/v1/staff/{sub}/roles', fn: 'staff', action: 'staff.manage', summary: 'Set a member of staff’s roles in the department, with a reason ([N13]; head only, recorded)', body: { name: 'StaffRolesRequest' } },
  { method: 'GET', path: '/v1/staff', fn: 'staff', action: 'staff.read', summary: 'The department’s staff register and its record of changes (?dept=)', query: ['dept'] },
  { method: 'POST', path: '/v1/trust-anchors', fn: 'trust-anchors', action: 'trust_anchor.manage', summary: 'Add a trust anchor (a CA certificate) that signed materials may chain to [E13]', body: { name: 'TrustAnchorRequest' }, status: 201 },
  { method: 'GET', path: '/v1/trust-anchors', fn: 'trust-anchors', action: 'trust_anchor.read', summary: 'The trust anchors, with every change [E13]' },
  { method: 'POST', path: '/v1/trust-anchors/{anchorId}/revoke', fn: 'trust-anchors', action: 'trust_anchor.manage', summary: 'Revoke a trust anchor, with the reason [E13]', body: { name: 'TrustAnchorRevocation' } },
  { method: 'GET', path: '/v1/licences', fn: 'licences', action: 'licence.list_own', summary: 'The caller’s own e-licences (?mine=true; &as=org for the enterprise their token names) [E16]', query: ['mine', 'as', ...PAGED] },
  { method: 'GET', path: '/v1/licences/{licenceId}', fn: 'licences', action: 'licence.read', summary: 'An e-licence (电子证照) with a short-lived link to its signed PDF rendition (pdf, null until rendered) [E15]' },
  { method: 'POST', path: '/v1/licences/{licenceId}/revoke', fn: 'licences', action: 'licence.revoke', summary: 'Revoke an e-licence, with the reason (head of the issuing department) [E16]', body: { name: 'LicenceRevocation' } },
  { method: 'GET', path: '/v1/licences/{licenceId}/verify', fn: 'verification', action: 'licence.verify', summary: 'Verify an e-licence’s signature and status; ?sha256= of a PDF checks it is the licence’s rendition as its issuer signed it [E15] [E16]', query: ['sha256'] },
  { method: 'GET', path: '/v1/notices/{noticeId}/verify', fn: 'verification', action: 'notice.verify', summary: 'Check a notice (文书) by its number and a SHA-256 (?sha256= of its PDF or content), as each notice says it may be', query: ['sha256'] },
  { method: 'GET', path: '/v1/archive/{caseId}', fn: 'archive', action: 'archive.read', summary: 'Where a case’s archive package is, and its lock [E22] [E23] [E24]', response: { name: 'ArchiveRecord' } },
  { method: 'POST', path: '/v1/archive/checks', fn: 'archive', action: 'archive.check', summary: 'Ask for a four-property check (四性检测) of every package, or a sample, of a year and region [E18]', body: { name: 'ArchiveCheckRequest' }, status: 202 },
  { method: 'GET', path: '/v1/archive/checks/{checkId}', fn: 'archive', action: 'archive.check_read', summary: 'A four-property check run: its status, counts and every failure by case, property and item [E18]' },
  { method: 'POST', path: '/v1/archive/transfers', fn: 'archive', action: 'archive.transfer', summary: 'Bundle a year’s permanent packages of a region for the state archive: a signed, time-stamped, locked 移交清单 [E26]', body: { name: 'TransferRequest' }, status: 202 },
  { method: 'GET', path: '/v1/archive/transfers/{transferId}', fn: 'archive', action: 'archive.transfer_read', summary: 'A transfer batch: its packages, its manifest and the state archive’s receipt [E26]' },
  { method: 'POST', path: '/v1/archive/transfers/{transferId}/receipt', fn: 'archive', action: 'archive.transfer', summary: 'Record the state archive’s receipt of a transfer batch, once [E26]', body: { name: 'TransferReceipt' } },
  { method: 'POST', path: '/v1/archive/appraisals', fn: 'archive', action: 'archive.appraise', summary: 'List the packages of a region whose retention has passed, for destruction (鉴定) [E18]', body: { name: 'AppraisalRequest' }, status: 201 },
  { method: 'GET', path: '/v1/archive/appraisals/{appraisalId}', fn: 'archive', action: 'archive.appraise_read', summary: 'An appraisal: its list, approvals, and its destruction register (销毁清册) once destroyed [E18]' },
  { method: 'POST', path: '/v1/archive/appraisals/{appraisalId}/approve', fn: 'archive', action: 'archive.appraise_approve', summary: 'Approve an appraisal: a department head first, then an archivist; nobody twice, never the proposer [E18]' },
  { method: 'POST', path: '/v1/archive/appraisals/{appraisalId}/reject', fn: 'archive', action: 'archive.appraise_approve', summary: 'Reject an appraisal, with the reason [E18]', body: { name: 'AppraisalRejection' } },
  { method: 'POST', path: '/v1/archive/appraisals/{appraisalId}/destroy', fn: 'archive-destruction', action: 'archive.appraise', summary: 'Destroy an approved appraisal’s packages after the waiting period, as far as the store lets go; every item in the register [E18]' },
  { method: 'GET', path: '/v1/archive/retention-schedule', fn: 'archive', action: 'archive.schedule_read', summary: 'The retention schedule (保管期限表): each matter type’s retention class and its basis [E22]' },
  { method: 'GET', path: '/v1/archive/retention-schedule/{baseCode}', fn: 'archive', action: 'archive.schedule_read', summary: 'One matter type’s entry of the retention schedule, with every change [E22]' },
  { method: 'POST', path: '/v1/archive/retention-schedule/{baseCode}', fn: 'archive', action: 'archive.schedule_set', summary: 'Set a matter type’s retention class, with its basis (archivists of the province; recorded) [E22]', body: { name: 'ScheduleEntryRequest' } },
  { method: 'GET', path: '/v1/archive/{caseId}/package', fn: 'archive', action: 'archive.download', summary: 'A short-lived link to the case’s DA/T 48 package itself, readable without the platform [E24]' },
] as const satisfies readonly RouteSpec[];

export const ROUTES: readonly RouteSpec[] = SPECS;

/** The routes one function serves, by key: what its handler must implement, no more and no less. */
type KeysOf<S, F> = S extends { fn: F; method: infer M extends string; path: infer P extends string } ? `${M} ${P}` : never;
export type RoutesOf<F extends FunctionName> = KeysOf<(typeof SPECS)[number], F>;

export const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>): RouteKey => `${r.method} ${r.path}`;
export const routeOf = (key: string): RouteSpec | undefined => ROUTES.find((r) => routeKey(r) === key);
/** A route anyone may call, with no token [N8]. */
export const isPublic = (r: RouteSpec) => rolesOf(r.action) === 'public';
/** The roles a route admits (empty for a public one). */
export const rolesOfRoute = (r: RouteSpec): readonly Role[] => {
  const roles = rolesOf(r.action);
  return roles === 'public' ? [] : roles;
};
