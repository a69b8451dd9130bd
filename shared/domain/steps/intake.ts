import { isBookingId, type Booking } from '../booking.ts';
import { authorize, type Subject } from '../access/gate.ts';
import { shanghaiDate } from '../calendar.ts';
import { hasRole, type Caller } from '../caller.ts';
import type { Actor, Applicant, Case, CaseMaterial, Channel, Task } from '../case.ts';
import { ACCEPTANCE_WORKING_DAYS } from '../clock.ts';
import { Invalid, OpenCaseExists } from '../errors.ts';
import { childId, receiptNoFor } from '../ids.ts';
import type { Matter } from '../matter.ts';
import { makeNotice } from '../notices.ts';
import type { Ports } from '../ports.ts';
import type { MaterialRef } from '../rules/e14-material-requirements.ts';
import { defaultIdType, identityNumberError } from '../rules/n13-identity-numbers.ts';
import { realNameApplicant, type ApplicantClaim } from '../rules/n13-real-name.ts';
import { hallOf } from '../rules/h8-single-window.ts';
import { assertFormWithinLimits } from '../rules/n15-application-form.ts';
import { checkMaterials } from './materials.ts';
import { metricDimensions } from '../business-metrics.ts';

/** An application as a filer sends it (API.md `POST /v1/cases`). */
export interface ApplicationRequest {
  matterCode: string;
  /** who applies: online or at a kiosk the filer's own real name [N13]; a clerk or agent names who they file for */
  applicant: ApplicantClaim;
  channel: Channel;
  form?: Record<string, unknown>;
  materials: MaterialRef[];
  /** the applicant's `sub`, when a clerk or agent files for them */
  onBehalfOf?: string;
  /** a window filing from the booking the clerk called (网上预约) [H20] */
  bookingId?: string;
}

/** What the intake hands to the routing workflow: one filing, its id and time fixed before it runs. */
export interface RoutingInput {
  caseId: string;
  submittedAt: string;
  filer: Caller;
  request: ApplicationRequest;
}

export interface Validated {
  materials: CaseMaterial[];
  applicant: Applicant;
  matterVersion: number;
  filedAt?: Case['filedAt'];
  /** the booking the case is filed from, as it was read: served in the case's own transaction */
  booking?: { bookingId: string; version: number };
}

export interface Receipt {
  caseId: string;
  receiptNo: string;
  status: 'submitted';
  submittedAt: string;
  receipt: { noticeId: string; title: string; sha256: string; acceptBy: string; matterName: string; acceptingDept: string };
}

/**
 * Who may file, and for whom [N15] [H8] [H11] [H26]: a citizen files for themself online or at a
 * self-service kiosk; a window clerk or a village agent files on behalf of an applicant named by
 * `onBehalfOf`. A kiosk filing is one made in a kiosk session (its token names the kiosk), and a kiosk
 * session files nothing but kiosk filings, so the channel on the record is where it happened.
 */
export function applicantSubFor(filer: Pick<Caller, 'sub' | 'roles' | 'kiosk'>, req: Pick<ApplicationRequest, 'channel' | 'onBehalfOf'>): string {
  const onBehalf = req.onBehalfOf;
  if (hasRole(filer, 'clerk', 'agent')) {
    if (!onBehalf) throw new Invalid('a clerk or agent files on behalf of an applicant: onBehalfOf is required', [{ path: 'onBehalfOf', message: 'required' }]);
    const expected = hasRole(filer, 'clerk') ? 'window' : 'agent';
    if (req.channel !== expected) {
      throw new Invalid(`a filing by ${expected === 'window' ? 'a clerk' : 'an agent'} uses channel "${expected}"`, [{ path: 'channel', message: `must be ${expected}` }]);
    }
    return onBehalf;
  }
  if (hasRole(filer, 'citizen')) {
    if (req.channel !== 'online' && req.channel !== 'kiosk') throw new Invalid('a citizen files online or at a kiosk', [{ path: 'channel', message: 'must be online or kiosk' }]);
    // [H11] 自助服务: the kiosk is known from the session, not taken from the request
    if (req.channel === 'kiosk' && !filer.kiosk) {
      throw new Invalid('channel "kiosk" is for filings made at a self-service kiosk; this session did not start at one', [{ path: 'channel', message: 'must be online' }]);
    }
    if (req.channel === 'online' && filer.kiosk) throw new Invalid(`this session runs on kiosk ${filer.kiosk}: its filings use channel "kiosk"`, [{ path: 'channel', message: 'must be kiosk' }]);
    return onBehalf ?? filer.sub;
  }
  // whoever holds none of the filing roles is refused by the gate (case.file), not here
  return filer.sub;
}

/** The applicant's identity number, checked against its standard (GB 11643, GB 32100) whoever files [N13]. */
export function checkIdentityNumber(applicant: ApplicantClaim, today: string): void {
  const idType = applicant.idType ?? defaultIdType(applicant.type);
  const error = identityNumberError(idType, applicant.idNumber, today);
  if (error) throw new Invalid(`the applicant’s identity number is not valid: ${error}`, [{ path: 'applicant.idNumber', message: error }]);
}

export async function loadOpenMatter(ports: Pick<Ports, 'catalog'>, code: string, version?: number): Promise<Matter> {
  const matter = await ports.catalog.getMatter(code, version);
  if (!matter) throw new Invalid(`there is no matter ${code}`, [{ path: 'matterCode', message: 'unknown matter' }]);
  // suspended and cancelled matters take no new cases [N8] (dynamic management)
  if (matter.status !== 'published') throw new Invalid(`matter ${code} is ${matter.status} and takes no new applications`);
  return matter;
}

/** The applicant on the record: the filer's real name, the name the resident authorised, or as the clerk checked it in person. */
function applicantOnRecord(input: RoutingInput, applicantSub: string): Applicant {
  const { filer, request } = input;
  // the gate has checked that an online or kiosk filing names the filer's own identity: it is recorded as the token carries it
  const claim = request.channel === 'online' || request.channel === 'kiosk' ? (realNameApplicant(filer, request.applicant) as { applicant: ApplicantClaim }).applicant : request.applicant;
  return {
    type: claim.type,
    name: claim.name,
    idNumber: claim.idNumber.toUpperCase(),
    ...(claim.idType ? { idType: claim.idType } : {}),
    sub: applicantSub,
    // [H8] a walk-in applicant's documents were checked by the clerk at the window
    ...(request.channel === 'window' ? { verifiedBy: { sub: filer.sub, name: filer.name, ...(filer.dept ? { dept: filer.dept } : {}), at: input.submittedAt } } : {}),
  };
}

/**
 * Routing step 1 [N14] 统一收件: the application against the catalog, the filer's right to file it (the
 * gate), and the uploaded bytes. Refusals are 422 (invalid for the matter) or 403 (not the filer's to make).
 */
export async function validateApplication(ports: Pick<Ports, 'catalog' | 'uploads' | 'cases' | 'trustAnchors' | 'staff' | 'authorisations' | 'bookings'>, input: RoutingInput): Promise<Validated> {
  const { filer, request } = input;
  assertFormWithinLimits(request.form);
  const applicantSub = applicantSubFor(filer, request);
  const today = shanghaiDate(input.submittedAt);
  checkIdentityNumber(request.applicant, today);
  const matter = await loadOpenMatter(ports, request.matterCode);
  const subject: Subject = { kind: 'filing', applicantSub, channel: request.channel, matter, applicant: request.applicant };
  await authorize(ports, filer, 'case.file', subject, new Date(input.submittedAt));
  const applicant = applicantOnRecord(input, applicantSub);
  const booking = request.bookingId === undefined ? undefined : await bookingToServe(ports, filer, request, applicant);
  const filedAt: Case['filedAt'] = request.channel === 'kiosk' ? { kiosk: filer.kiosk } : request.channel === 'window' ? { hall: hallOf(filer.dept), ...(booking ? { booking: booking.bookingId } : {}) } : undefined;
  const materials = await checkMaterials(ports, matter, request.materials, filer.sub, applicant, input.submittedAt);
  return { materials, applicant, matterVersion: matter.version, ...(filedAt ? { filedAt } : {}), ...(booking ? { booking: { bookingId: booking.bookingId, version: booking.version } } : {}) };
}

/**
 * The booking a window filing is made from [H20]: one this hall's window called, for this matter, booked
 * by the applicant the clerk names (the same identity number); the case then records it, and the
 * booking is served in the case's own transaction.
 */
async function bookingToServe(ports: Pick<Ports, 'bookings'>, filer: Caller, request: ApplicationRequest, applicant: Applicant): Promise<Booking> {
  const refuse = (message: string) => new Invalid(`this case cannot be filed from booking ${request.bookingId}: ${message}`, [{ path: 'bookingId', message }]);
  if (request.channel !== 'window') throw refuse('a booking is filed from at the window');
  const b = isBookingId(request.bookingId!) ? await ports.bookings.get(request.bookingId!) : undefined;
  if (!b || b.hallId !== hallOf(filer.dept)) throw refuse(`no booking of this hall has the id`);
  if (b.status !== 'called') throw refuse(`it is ${b.status}; a booking is filed from once its window has called it`);
  if (b.matterCode !== request.matterCode) throw refuse(`it was booked for ${b.matterName}`);
  if (b.booker.idNumber && b.booker.idNumber.toUpperCase() !== applicant.idNumber) throw refuse('it was booked by someone else');
  return b;
}

export function acceptanceTask(c: Case, n: number, at: string, assignee?: Actor): Task {
  return {
    taskId: childId(c.caseId, 'A', n),
    caseId: c.caseId,
    kind: 'acceptance',
    dept: c.acceptingDept,
    region: c.region,
    matterCode: c.matterCode,
    status: 'open',
    deadline: c.acceptBy,
    createdAt: at,
    ...(assignee ? { assignee } : {}),
  };
}

function receiptOf(c: Case, noticeId = childId(c.caseId, 'N', 1), sha256 = '', deptName = c.acceptingDept): Receipt {
  return {
    caseId: c.caseId,
    receiptNo: c.receiptNo,
    status: 'submitted',
    submittedAt: c.submittedAt,
    receipt: { noticeId, title: '接收回执', sha256, acceptBy: c.acceptBy, matterName: c.matterName, acceptingDept: deptName },
  };
}

/**
 * Routing step 2 [N14]: route to the accepting department and record the case, its first audit event,
 * the acceptance task and the receipt (接收回执) in one transaction. Safe to run twice. A second open
 * case of the same matter for the same applicant is refused whatever the channel [N15]; the refusal
 * names the open case only to a filer the gate lets see it.
 */
export async function recordSubmission(
  ports: Pick<Ports, 'cases' | 'catalog' | 'clock' | 'calendar' | 'metrics' | 'staff' | 'authorisations' | 'bookings'>,
  input: RoutingInput & { validated: Validated },
): Promise<Receipt> {
  const existing = await ports.cases.getCase(input.caseId);
  if (existing) return receiptOf(existing);
  const matter = await loadOpenMatter(ports, input.request.matterCode, input.validated.matterVersion);
  const acceptBy = ports.calendar.addWorkingDays(input.submittedAt, ACCEPTANCE_WORKING_DAYS).date;
  const { sub, name, roles, dept } = input.filer;
  const filedBy: Actor = { sub, name, role: input.request.channel === 'window' ? 'clerk' : input.request.channel === 'agent' ? 'agent' : roles.includes('citizen') ? 'citizen' : roles[0], ...(dept ? { dept } : {}) };
  const c: Case = {
    caseId: input.caseId,
    receiptNo: receiptNoFor(input.caseId, matter.region),
    matterCode: matter.code,
    matterVersion: matter.version,
    matterName: matter.name,
    matterType: matter.type,
    region: matter.region,
    acceptingDept: matter.dept,
    handlingDepts: matter.handlingDepts,
    promiseDays: matter.promiseDays,
    retention: matter.retention,
    applicant: input.validated.applicant,
    filedBy,
    channel: input.request.channel,
    ...(input.validated.filedAt ? { filedAt: input.validated.filedAt } : {}),
    form: input.request.form ?? {},
    materials: input.validated.materials,
    status: 'submitted',
    submittedAt: input.submittedAt,
    acceptBy,
    version: 0,
    eventSeq: 0,
    lastEventHash: '',
  };
  const receipt = makeNotice(c.caseId, 'receipt', 1, input.submittedAt, {
    receiptNo: c.receiptNo,
    matter: { code: matter.code, name: matter.name, version: matter.version },
    applicant: { name: c.applicant.name, type: c.applicant.type },
    acceptingDept: { code: matter.dept, name: matter.deptName },
    materials: c.materials.map((m) => ({ code: m.code, name: m.name, sha256: m.sha256, waived: m.waived ?? false })),
    acceptBy,
  });
  try {
    const served = input.validated.booking ? await ports.bookings.get(input.validated.booking.bookingId) : undefined;
    const saved = await ports.cases.commit({
      after: c,
      event: { at: input.submittedAt, actor: filedBy, action: 'submit', detail: { channel: c.channel, receiptNo: c.receiptNo, ...(served ? { bookingId: served.bookingId } : {}) } },
      newTasks: [acceptanceTask(c, 1, input.submittedAt)],
      notices: [receipt],
      // [H20] the booking the case is filed from is served with it, only while it is as validated
      ...(served && input.validated.booking ? { servedBooking: { booking: { ...served, status: 'served', servedAt: input.submittedAt, caseId: c.caseId, version: input.validated.booking.version + 1 }, expectedVersion: input.validated.booking.version } } : {}),
    });
    ports.metrics.count('CaseSubmitted', metricDimensions(saved));
    return receiptOf(saved, receipt.noticeId, receipt.sha256, matter.deptName);
  } catch (err) {
    // a retried step finds the case its first run wrote
    const again = await ports.cases.getCase(input.caseId);
    if (again) return receiptOf(again);
    if (err instanceof OpenCaseExists) throw await disclosed(ports, input.filer, err);
    throw err;
  }
}

/** The duplicate-filing refusal, naming the open case only if the filer may see it (its applicant, or staff of its departments). */
async function disclosed(ports: Pick<Ports, 'cases' | 'staff' | 'authorisations' | 'clock'>, filer: Caller, err: OpenCaseExists): Promise<OpenCaseExists> {
  const open = err.open.caseId ? await ports.cases.getCase(err.open.caseId) : undefined;
  const visible = open && (await authorize(ports, filer, 'case.read', { kind: 'case', case: open }, ports.clock.now()).then(() => true, () => false));
  return new OpenCaseExists(visible ? err.open : {}, { cause: err });
}
