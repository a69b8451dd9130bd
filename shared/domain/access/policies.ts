import type { Role } from '../caller.ts';

/**
 * Who may take each action [N13], in one table: the roles that may ask, and the ownership rule the gate
 * (`gate.ts`) then applies to the subject as it is now. The route table (`shared/http/routes.ts`) names
 * one action per route, so a route's roles and ownership are declared here and nowhere else; the steps
 * ask the gate for the same actions.
 */
export type Ownership =
  /** anyone, without a token (the published catalog, verification of licences and notices) */
  | 'public'
  /** anyone holding one of the roles */
  | 'any'
  /** the caller's own records only (their cases, uploads, authorisations): the subject is the caller */
  | 'self'
  /** a filing: a citizen in their own real name, an agent under a live authorisation, a clerk at a hall that receives the matter */
  | 'filing'
  /** the applicant, the agent they authorise now, staff of a department on the case, supervisors and archivists over its region */
  | 'case_party'
  /** the applicant of record, nobody else */
  | 'applicant'
  /** the applicant or the agent they authorise now */
  | 'applicant_or_agent'
  /** the applicant, the agent they authorise now, or a clerk of the accepting department (补正 at the window) */
  | 'correction_desk'
  /** staff of the task's department in its step's role, as the staff register gives it */
  | 'task_department'
  /** as task_department, and a taken task only by its taker, their recorded backup while they are away, or the head [H22] */
  | 'task_taker'
  /** staff of the department itself; a supervisor over its region may read */
  | 'own_department'
  /** a supervisor or archivist whose region contains the subject's */
  | 'own_region'
  /** the licence's holder (whoever acts for them in their real name), staff of the issuing department, supervisors over its region */
  | 'licence_party'
  /** the head of the department that issued the licence, as its staff register gives it */
  | 'licence_issuer'
  /** a catalog administrator of a department the catalog lists */
  | 'catalog_proposer'
  /** the reviewer the change waits for, never its proposer [N10] */
  | 'catalog_reviewer'
  /** the booker of the booking, nobody else (to anyone else it does not exist) [H20] */
  | 'booker'
  /** staff of a department in the hall (the hall is their department's region code), as the staff register gives them [H8] */
  | 'hall_staff';

export interface Policy {
  roles: readonly Role[] | 'public';
  ownership: Ownership;
}

const PUBLIC = { roles: 'public', ownership: 'public' } as const;
const STAFF = ['clerk', 'handler', 'head'] as const;
const REVIEWERS = ['handler', 'head'] as const;
const FILERS = ['citizen', 'agent', 'clerk'] as const;
const CASE_READERS = [...FILERS, 'handler', 'head', 'supervisor', 'archivist'] as const;
const CATALOG_OVERSIGHT = ['catalog_admin', 'office_reviewer', 'justice_reviewer', 'supervisor'] as const;
const CATALOG_REVIEW = ['office_reviewer', 'justice_reviewer', 'catalog_admin'] as const;

export const POLICIES = {
  'openapi.read': PUBLIC,
  'catalog.search': PUBLIC,
  'catalog.guide': PUBLIC,
  'licence.verify': PUBLIC,
  'notice.verify': PUBLIC,
  // 网上预约 [H20]: halls, hours and slots are public; a citizen books in their own real name
  'hall.read': PUBLIC,
  'booking.create': { roles: ['citizen'], ownership: 'self' },
  'booking.list_own': { roles: ['citizen'], ownership: 'self' },
  'booking.read': { roles: ['citizen'], ownership: 'booker' },
  'booking.cancel': { roles: ['citizen'], ownership: 'booker' },
  // the hall's windows, hours and daily limit are its heads' to set [H11]; every change is recorded
  'hall.manage': { roles: ['head'], ownership: 'hall_staff' },
  // at the hall [H20]: check-in, calling a window's queue, a no-show, the day's queue; its clerks and heads
  'hall.desk': { roles: ['clerk', 'head'], ownership: 'hall_staff' },
  'catalog.propose': { roles: ['catalog_admin'], ownership: 'catalog_proposer' },
  'catalog.read_change': { roles: CATALOG_OVERSIGHT, ownership: 'any' },
  'catalog.decide_change': { roles: CATALOG_REVIEW, ownership: 'catalog_reviewer' },
  'catalog.oversee': { roles: CATALOG_OVERSIGHT, ownership: 'any' },
  'upload.create': { roles: FILERS, ownership: 'self' },
  'case.file': { roles: FILERS, ownership: 'filing' },
  'case.list_own': { roles: ['citizen', 'agent'], ownership: 'self' },
  'case.read': { roles: CASE_READERS, ownership: 'case_party' },
  'case.correct': { roles: FILERS, ownership: 'correction_desk' },
  'case.withdraw': { roles: ['citizen', 'agent'], ownership: 'applicant_or_agent' },
  'case.evaluate': { roles: ['citizen'], ownership: 'applicant' },
  'case.complain': { roles: ['citizen', 'agent'], ownership: 'applicant_or_agent' },
  'authorisation.manage': { roles: ['citizen'], ownership: 'self' },
  'complaint.list': { roles: ['supervisor'], ownership: 'own_region' },
  // [N20] the rules are for every department to know; the alerts for the supervisors of their region
  'supervision.rules': { roles: ['supervisor', ...STAFF], ownership: 'any' },
  'supervision.alerts': { roles: ['supervisor'], ownership: 'own_region' },
  'supervision.metrics': { roles: ['supervisor'], ownership: 'own_region' },
  // [N21] a 差评's follow-up: the accepting department answers it; its staff and the region's supervisors list them
  'evaluation.list': { roles: ['supervisor', 'clerk', 'head'], ownership: 'own_department' },
  'evaluation.follow_up': { roles: ['clerk', 'head'], ownership: 'own_department' },
  'complaint.handle': { roles: ['supervisor'], ownership: 'own_region' },
  'task.list': { roles: STAFF, ownership: 'own_department' },
  'task.claim': { roles: STAFF, ownership: 'task_department' },
  'task.complete': { roles: STAFF, ownership: 'task_taker' },
  'task.offline_step': { roles: REVIEWERS, ownership: 'task_taker' },
  'task.special_procedure': { roles: REVIEWERS, ownership: 'task_taker' },
  'task.extend': { roles: ['head'], ownership: 'task_taker' },
  'staff.manage': { roles: ['head'], ownership: 'own_department' },
  'staff.read': { roles: ['head', 'supervisor'], ownership: 'own_department' },
  'licence.read': { roles: ['citizen', ...STAFF, 'supervisor'], ownership: 'licence_party' },
  'licence.list_own': { roles: ['citizen'], ownership: 'self' },
  'licence.revoke': { roles: ['head'], ownership: 'licence_issuer' },
  'trust_anchor.manage': { roles: ['operator'], ownership: 'any' },
  'trust_anchor.read': { roles: ['operator', 'supervisor'], ownership: 'any' },
  'archive.read': { roles: ['archivist', 'supervisor'], ownership: 'own_region' },
  // the package holds the applicant's materials: archivists of the region only [E18]
  'archive.download': { roles: ['archivist'], ownership: 'own_region' },
  // 四性检测 [E18]: archivists run them over their region; supervisors read the results
  'archive.check': { roles: ['archivist'], ownership: 'own_region' },
  'archive.check_read': { roles: ['archivist', 'supervisor'], ownership: 'own_region' },
  // 移交 [E26]: archivists prepare batches and record the state archive's receipt; supervisors follow them
  'archive.transfer': { roles: ['archivist'], ownership: 'own_region' },
  'archive.transfer_read': { roles: ['archivist', 'supervisor'], ownership: 'own_region' },
  // 鉴定 and 销毁 [E18]: archivists propose and destroy; a head and then another archivist approve (the order in rules/e18-destruction.ts)
  'archive.appraise': { roles: ['archivist'], ownership: 'own_region' },
  'archive.appraise_approve': { roles: ['head', 'archivist'], ownership: 'own_region' },
  'archive.appraise_read': { roles: ['archivist', 'head', 'supervisor'], ownership: 'own_region' },
  // 保管期限表 [E22]: set by the province's archivists, read by archivists and supervisors
  'archive.schedule_set': { roles: ['archivist'], ownership: 'own_region' },
  'archive.schedule_read': { roles: ['archivist', 'supervisor'], ownership: 'any' },
} as const satisfies Record<string, Policy>;

export type Action = keyof typeof POLICIES;

export const policyOf = (action: Action): Policy => POLICIES[action];

/** The roles that may ask for an action, or 'public'. */
export const rolesOf = (action: Action): readonly Role[] | 'public' => POLICIES[action].roles;
