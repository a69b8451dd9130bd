import type { Authorisation } from '../authorisation.ts';
import type { Booking } from '../booking.ts';
import { hasRole, STAFF_ROLES, type Caller, type Role, type StaffRole } from '../caller.ts';
import type { Case, Channel, Task } from '../case.ts';
import type { ChangeRequest } from '../catalog-change.ts';
import { Forbidden, NotFound } from '../errors.ts';
import { actsForHolder, type Licence } from '../licence.ts';
import type { Matter } from '../matter.ts';
import type { Ports } from '../ports.ts';
import { takenTaskRefusal } from '../rules/h22-ab-post.ts';
import { authorisationRefusal } from '../rules/h26-agent-authorisation.ts';
import { hallOf, windowReceives } from '../rules/h8-single-window.ts';
import { regionContains } from '../rules/n4-region-scope.ts';
import { realNameApplicant, type ApplicantClaim } from '../rules/n13-real-name.ts';
import { rolesInDepartment } from '../rules/n13-staff-register.ts';
import type { Absence, RegisterEntry } from '../staff.ts';
import { POLICIES, type Action } from './policies.ts';

/**
 * The one access gate [N13]. Every route and every step asks it whether a caller may take an action on
 * a subject as the subject is now; nothing else decides. `decide` is pure: it reads the caller, the
 * action's policy (`policies.ts`), the subject and the facts the gate looked up (the staff register,
 * the resident's authorisation, the taker's absence), and answers with the role the caller acts in
 * or the refusal. `authorize` looks the facts up through the ports and throws the refusal.
 */
export type Subject =
  /** the caller's own records, or records of no one in particular */
  | { kind: 'none' }
  /** a filing about to be made */
  | { kind: 'filing'; applicantSub: string; channel: Channel; matter: Pick<Matter, 'code' | 'region' | 'regionName' | 'townshipName'>; applicant: ApplicantClaim }
  | { kind: 'case'; case: Case }
  | { kind: 'task'; case: Case; task: Task }
  | { kind: 'department'; dept: string }
  | { kind: 'region'; region: string }
  | { kind: 'licence'; licence: Licence }
  | { kind: 'change'; change: ChangeRequest }
  | { kind: 'booking'; booking: Pick<Booking, 'bookingId' | 'booker'> }
  | { kind: 'hall'; hallId: string };

export interface Facts {
  /** the staff register's entry for the caller in the department the subject belongs to */
  register?: RegisterEntry;
  /** the authorisation the subject's applicant gave the calling agent, if any */
  authorisation?: Authorisation;
  /** the recorded absence of the taker of the subject task, if any */
  takerAbsence?: Absence;
}

export type Verdict = { ok: true; role: Role } | { ok: false; error: Forbidden | NotFound };

/** Which facts `decide` needs for this caller and subject: what `authorize` looks up, and nothing more. */
export function factsNeeded(caller: Caller, action: Action, subject: Subject): { registerOf?: string; authorisationOf?: string; absenceOf?: { dept: string; sub: string } } {
  const staff = hasRole(caller, ...STAFF_ROLES) && !!caller.dept && !REGISTER_EXEMPT.has(action);
  const needs: ReturnType<typeof factsNeeded> = {};
  const deptOf = (): string | undefined => {
    switch (subject.kind) {
      case 'task':
        return subject.task.dept;
      case 'case':
        return [subject.case.acceptingDept, ...subject.case.handlingDepts].find((d) => d === caller.dept);
      case 'department':
        return subject.dept;
      case 'licence':
        return subject.licence.issuer.dept === caller.dept ? caller.dept : undefined;
      case 'hall':
        return hallOf(caller.dept) === subject.hallId ? caller.dept : undefined;
      default:
        return undefined;
    }
  };
  const dept = staff ? deptOf() : undefined;
  if (dept) needs.registerOf = dept;
  if (hasRole(caller, 'agent')) {
    if (subject.kind === 'filing') needs.authorisationOf = subject.applicantSub;
    if (subject.kind === 'case' || subject.kind === 'task') needs.authorisationOf = subject.case.applicant.sub;
  }
  if (subject.kind === 'task' && POLICIES[action].ownership === 'task_taker' && subject.task.assignee && subject.task.assignee.sub !== caller.sub) {
    needs.absenceOf = { dept: subject.task.dept, sub: subject.task.assignee.sub };
  }
  return needs;
}

/** Managing the register is the head's (their appointment is not the register's to give); work on cases and tasks follows it. */
const REGISTER_EXEMPT = new Set<Action>(['staff.manage', 'staff.read']);

/** The roles a task's step is done in: the window decides acceptance, the department reviews [N13]. */
export const stepRoles = (task: Pick<Task, 'kind'>): StaffRole[] => (task.kind === 'acceptance' ? ['clerk'] : ['handler', 'head']);

const deny = (message: string): Verdict => ({ ok: false, error: new Forbidden(message) });
const hidden = (message: string): Verdict => ({ ok: false, error: new NotFound(message) });
const allow = (role: Role): Verdict => ({ ok: true, role });

/**
 * The first question, asked before any subject is read: do the caller's roles admit the action at all?
 * The API edge asks it of every request; `decide` begins with it.
 */
export function mayAsk(caller: Caller, action: Action): Forbidden | undefined {
  const roles = POLICIES[action].roles;
  if (roles === 'public' || caller.roles.some((r) => (roles as readonly Role[]).includes(r))) return undefined;
  return new Forbidden(`${action} needs one of the roles: ${roles.join(', ')}`);
}

export function decide(caller: Caller, action: Action, subject: Subject, facts: Facts, now: Date): Verdict {
  const policy = POLICIES[action];
  if (policy.roles === 'public') return allow(caller.roles[0]);
  const refused = mayAsk(caller, action);
  if (refused) return { ok: false, error: refused };
  const held = caller.roles.filter((r) => (policy.roles as readonly Role[]).includes(r));
  const prefer = (...roles: Role[]) => roles.find((r) => held.includes(r)) ?? held[0];

  switch (policy.ownership) {
    case 'any':
    case 'self':
      return allow(held[0]);

    case 'filing':
      return filing(caller, subject, facts, now);

    case 'case_party': {
      const c = caseOf(subject);
      const role = caseRole(caller, c, facts, now, held);
      return role ? allow(role) : hidden(`there is no case ${c.caseId}`);
    }

    case 'applicant':
    case 'applicant_or_agent':
    case 'correction_desk': {
      const c = caseOf(subject);
      if (caller.sub === c.applicant.sub && held.includes('citizen')) return allow('citizen');
      if (policy.ownership !== 'applicant' && held.includes('agent') && !authorisationRefusal(facts.authorisation, caller.sub, c.matterCode, now)) return allow('agent');
      if (policy.ownership === 'correction_desk' && held.includes('clerk') && rolesInDepartment(caller, c.acceptingDept, facts.register).includes('clerk')) return allow('clerk');
      // whoever may see the case is told why not; to anyone else it does not exist
      return caseRole(caller, c, facts, now, caller.roles) ? deny(`only ${OWNERS[policy.ownership]} may do this on case ${c.caseId}`) : hidden(`there is no case ${c.caseId}`);
    }

    case 'task_department':
    case 'task_taker': {
      if (subject.kind !== 'task') throw new TypeError(`${action} is decided on a task`);
      const { task } = subject;
      const stepped = stepRoles(task).filter((r) => held.includes(r));
      if (!stepped.length) return deny(`a ${task.kind} task is acted on by ${stepRoles(task).filter((r) => (policy.roles as readonly Role[]).includes(r)).join(' or ') || 'other roles'}`);
      if (caller.dept !== task.dept) return deny('this task belongs to another department');
      const registered = rolesInDepartment(caller, task.dept, facts.register).filter((r) => stepped.includes(r));
      if (!registered.length) return deny(`the staff register of ${task.dept} does not give ${caller.sub} the role ${stepped.join(' or ')}`);
      const role = registered.includes('head') ? 'head' : registered[0];
      if (policy.ownership === 'task_taker') {
        const refusal = takenTaskRefusal(caller, task, role, facts.takerAbsence, now);
        if (refusal) return deny(refusal);
      }
      return allow(role);
    }

    case 'own_department': {
      // a supervisor may ask for a whole region over the departments (a department's staff never)
      if (subject.kind === 'region') return held.includes('supervisor') && regionContains(caller.region, subject.region) ? allow('supervisor') : deny(`region ${subject.region} is not one ${caller.sub} supervises`);
      if (subject.kind !== 'department') throw new TypeError(`${action} is decided on a department`);
      if (held.includes('supervisor') && regionContains(caller.region, hallOf(subject.dept)?.slice(0, 6))) return allow('supervisor');
      if (caller.dept !== subject.dept) return deny(`this is for staff of ${subject.dept}`);
      if (REGISTER_EXEMPT.has(action)) return held.includes('head') ? allow('head') : deny(`${action} is the department head’s`);
      const roles = rolesInDepartment(caller, subject.dept, facts.register).filter((r) => held.includes(r));
      return roles.length ? allow(roles[0]) : deny(`the staff register of ${subject.dept} gives ${caller.sub} no role`);
    }

    case 'own_region': {
      const region = subject.kind === 'region' ? subject.region : subject.kind === 'case' ? subject.case.region : undefined;
      if (!caller.region) return deny('a supervisor’s or archivist’s token names the region they act for (region claim)');
      if (!region || !regionContains(caller.region, region)) {
        return subject.kind === 'case' ? hidden(`there is no case ${subject.case.caseId}`) : deny(`region ${region} is outside ${caller.region}`);
      }
      return allow(prefer('supervisor', 'archivist'));
    }

    case 'licence_party': {
      if (subject.kind !== 'licence') throw new TypeError(`${action} is decided on a licence`);
      const l = subject.licence;
      if (held.includes('citizen') && actsForHolder(caller, l.holder)) return allow('citizen');
      const staff = rolesInDepartment(caller, l.issuer.dept, facts.register).filter((r) => held.includes(r));
      if (staff.length) return allow(staff[0]);
      if (held.includes('supervisor') && regionContains(caller.region, l.issuer.region)) return allow('supervisor');
      return hidden(`there is no licence ${l.licenceId}`);
    }

    case 'licence_issuer': {
      if (subject.kind !== 'licence') throw new TypeError(`${action} is decided on a licence`);
      const l = subject.licence;
      if (rolesInDepartment(caller, l.issuer.dept, facts.register).includes('head')) return allow('head');
      return hidden(`there is no licence ${l.licenceId}`);
    }

    case 'hall_staff': {
      if (subject.kind !== 'hall') throw new TypeError(`${action} is decided on a hall`);
      if (!caller.dept || hallOf(caller.dept) !== subject.hallId) return deny(`this is for the staff of hall ${subject.hallId}`);
      const roles = rolesInDepartment(caller, caller.dept, facts.register).filter((r) => held.includes(r));
      return roles.length ? allow(roles.includes('head') ? 'head' : roles[0]) : deny(`the staff register of ${caller.dept} gives ${caller.sub} no role`);
    }

    case 'booker': {
      if (subject.kind !== 'booking') throw new TypeError(`${action} is decided on a booking`);
      return caller.sub === subject.booking.booker.sub ? allow('citizen') : hidden(`there is no booking ${subject.booking.bookingId}`);
    }

    case 'catalog_proposer':
      return caller.dept ? allow('catalog_admin') : deny('catalog changes are proposed by a catalog_admin of a department');

    case 'catalog_reviewer': {
      if (subject.kind !== 'change') throw new TypeError(`${action} is decided on a catalog change`);
      const c = subject.change;
      const step = c.chain[c.step];
      if (!step || !caller.roles.includes(step.role) || (step.dept && caller.dept !== step.dept)) {
        return deny(`change ${c.id} waits for ${step?.label ?? 'nobody'} (${step?.role}${step?.dept ? ` of ${step.dept}` : ''})`);
      }
      if (caller.sub === c.proposer.sub || c.history.some((h) => h.action === 'approve' && h.actor.sub === caller.sub)) {
        return deny('nobody approves their own change, or approves one change twice');
      }
      return allow(step.role);
    }
  }
}

const OWNERS: Record<string, string> = {
  applicant: 'the applicant',
  applicant_or_agent: 'the applicant or the agent they authorise',
  correction_desk: 'the applicant, the agent they authorise, or a clerk of the accepting department',
};

function caseOf(subject: Subject): Case {
  if (subject.kind === 'case' || subject.kind === 'task') return subject.case;
  throw new TypeError(`a case is needed, not a ${subject.kind}`);
}

/**
 * How the caller stands to a case, decided from the case as it is now: its applicant; the agent the
 * applicant authorises now [H26]; staff of a department on the case, as the register gives them [N13];
 * a supervisor or archivist over its region [N4]. A clerk who once filed, or an agent whose
 * authorisation was revoked, has no lasting right to it.
 */
function caseRole(caller: Caller, c: Case, facts: Facts, now: Date, roles: readonly Role[]): Role | undefined {
  if (caller.sub === c.applicant.sub && roles.includes('citizen')) return 'citizen';
  if (roles.includes('agent') && !authorisationRefusal(facts.authorisation, caller.sub, c.matterCode, now)) return 'agent';
  for (const dept of [c.acceptingDept, ...c.handlingDepts]) {
    const staff = rolesInDepartment(caller, dept, facts.register).filter((r) => roles.includes(r));
    if (staff.length) return staff.includes('head') ? 'head' : staff[0];
  }
  for (const r of ['supervisor', 'archivist'] as const) if (roles.includes(r) && regionContains(caller.region, c.region)) return r;
  return undefined;
}

/** Who may file for whom [N13] [N15] [H8] [H26]. */
function filing(caller: Caller, subject: Subject, facts: Facts, now: Date): Verdict {
  if (subject.kind !== 'filing') throw new TypeError('case.file is decided on a filing');
  const { channel, matter } = subject;
  if (channel === 'window') {
    if (!hasRole(caller, 'clerk')) return deny('a window filing is made by a clerk');
    const hall = hallOf(caller.dept);
    if (!hall) return deny('a window filing needs the clerk’s department, which names their hall');
    if (!windowReceives(hall, matter.region)) {
      const where = matter.townshipName ? `${matter.regionName}${matter.townshipName}` : matter.regionName;
      return deny(`the window at hall ${hall} does not receive matter ${matter.code}: it is handled in ${where} (${matter.region}); file it at that hall or online`);
    }
    return allow('clerk');
  }
  if (channel === 'agent') {
    if (!hasRole(caller, 'agent')) return deny('an agent filing is made by an agent');
    const refusal = authorisationRefusal(facts.authorisation, caller.sub, matter.code, now);
    if (refusal) return deny(refusal);
    const a = facts.authorisation!;
    const named = realNameApplicant({ name: a.applicantName, idType: a.applicantIdType, idNumber: a.applicantIdNumber }, subject.applicant);
    if ('mismatch' in named) return deny(`an agent files in the name the resident authorised them under [H26]: ${named.mismatch.join('; ')}`);
    return allow('agent');
  }
  if (!hasRole(caller, 'citizen')) return deny('an online or kiosk filing is made by the applicant themself');
  if (subject.applicantSub !== caller.sub) return deny('a citizen files only for themself');
  const named = realNameApplicant(caller, subject.applicant);
  if ('mismatch' in named) return deny(`an online or kiosk filing is in the filer’s own real name [N13]: ${named.mismatch.join('; ')}`);
  return allow('citizen');
}

/** Looks up the facts the decision needs, decides, and throws the refusal; returns the role the caller acts in. */
export async function authorize(ports: Pick<Ports, 'staff' | 'authorisations'>, caller: Caller, action: Action, subject: Subject, now: Date): Promise<Role> {
  const needs = factsNeeded(caller, action, subject);
  const [register, authorisation, takerAbsence] = await Promise.all([
    needs.registerOf ? ports.staff.entry(needs.registerOf, caller.sub) : undefined,
    needs.authorisationOf ? ports.authorisations.get(needs.authorisationOf, caller.sub) : undefined,
    needs.absenceOf ? ports.staff.absence(needs.absenceOf.dept, needs.absenceOf.sub, now) : undefined,
  ]);
  const verdict = decide(caller, action, subject, { register, authorisation, takerAbsence }, now);
  if (!verdict.ok) throw verdict.error;
  return verdict.role;
}
