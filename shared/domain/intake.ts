import type { Caller } from '../auth/caller.ts';
import { addWorkingDays, shanghaiDate } from '../calendar/working-days.ts';
import { getMatter } from '../catalog/catalog-store.ts';
import { forbidden, unprocessable, type FieldError } from '../http/problem.ts';
import { countCase } from '../observability.ts';
import { assertAgentAuthorised } from './authorisations.ts';
import { checkUpload, isOwnUpload } from '../storage/uploads.ts';
import type { Actor, Case, CaseMaterial, Task } from './case.ts';
import { commitCase, getCase } from './case-store.ts';
import { receiptNoFor } from './ids.ts';
import type { Material, Matter } from './matter.ts';
import { makeNotice } from './notices.ts';
import type { CreateCaseRequest } from './schemas.ts';
import { defaultIdType, identityNumberError } from './rules/id-numbers.ts';
import { hallOf, windowReceives } from './rules/window.ts';

/** 5 working days to decide on acceptance (or to issue the one-time correction notice). */
export const ACCEPTANCE_WORKING_DAYS = 5;

/** What the intake Lambda hands to the routing workflow. */
export interface RoutingInput {
  caseId: string;
  submittedAt: string;
  filer: Actor & { roles: string[]; kiosk?: string };
  request: CreateCaseRequest;
}

export interface Receipt {
  caseId: string;
  receiptNo: string;
  status: 'submitted';
  submittedAt: string;
  receipt: { noticeId: string; title: string; sha256: string; acceptBy: string; matterName: string; acceptingDept: string };
}

export function actorOf(caller: Caller, role = caller.roles[0]): Actor {
  return { sub: caller.sub, name: caller.name, role, ...(caller.dept ? { dept: caller.dept } : {}) };
}

/**
 * Who may file, and for whom (N15, H8, H11, H13): a citizen files for themself online or at a
 * self-service kiosk; a window clerk or a village agent files on behalf of an applicant, who is then
 * named by `onBehalfOf`. A kiosk filing is one made in a kiosk session (its token names the kiosk),
 * and a kiosk session files nothing but kiosk filings, so the channel on the record is where it happened.
 */
export function applicantSubFor(filer: { sub: string; roles: string[]; kiosk?: string }, req: CreateCaseRequest): string {
  const onBehalf = req.onBehalfOf;
  if (filer.roles.includes('clerk') || filer.roles.includes('agent')) {
    if (!onBehalf) throw unprocessable('a clerk or agent files on behalf of an applicant: onBehalfOf is required', [{ path: 'onBehalfOf', message: 'required' }]);
    const expected = filer.roles.includes('clerk') ? 'window' : 'agent';
    if (req.channel !== expected) {
      throw unprocessable(`a filing by ${filer.roles.includes('clerk') ? 'a clerk' : 'an agent'} uses channel "${expected}"`, [{ path: 'channel', message: `must be ${expected}` }]);
    }
    return onBehalf;
  }
  if (filer.roles.includes('citizen')) {
    if (onBehalf && onBehalf !== filer.sub) throw forbidden('a citizen files only for themself');
    if (req.channel !== 'online' && req.channel !== 'kiosk') {
      throw unprocessable('a citizen files online or at a kiosk', [{ path: 'channel', message: 'must be online or kiosk' }]);
    }
    // H11 自助服务: the kiosk is known from the session, not taken from the request
    if (req.channel === 'kiosk' && !filer.kiosk) {
      throw unprocessable('channel "kiosk" is for filings made at a self-service kiosk; this session did not start at one', [{ path: 'channel', message: 'must be online' }]);
    }
    if (req.channel === 'online' && filer.kiosk) {
      throw unprocessable(`this session runs on kiosk ${filer.kiosk}: its filings use channel "kiosk"`, [{ path: 'channel', message: 'must be kiosk' }]);
    }
    return filer.sub;
  }
  throw forbidden('filing needs the role citizen, agent or clerk');
}

/**
 * Where an offline filing is made, checked against the matter: a window clerk files only what their
 * hall receives (H8 一窗受理, H20 上下联办); a kiosk takes any matter of the province, as online does.
 */
export function filingPlace(filer: RoutingInput['filer'], channel: CreateCaseRequest['channel'], matter: Pick<Matter, 'region' | 'regionName' | 'townshipName' | 'code'>): Case['filedAt'] {
  if (channel === 'kiosk') return { kiosk: filer.kiosk };
  if (channel !== 'window') return undefined;
  const hall = hallOf(filer.dept);
  if (!hall) throw forbidden('a window filing needs the clerk’s department, which names their hall');
  if (!windowReceives(hall, matter.region)) {
    const where = matter.townshipName ? `${matter.regionName}${matter.townshipName}` : matter.regionName;
    throw forbidden(`the window at hall ${hall} does not receive matter ${matter.code}: it is handled in ${where} (${matter.region}); file it at that hall or online`);
  }
  return { hall };
}

/** The applicant's identity number, checked against its standard (GB 11643, GB 32100). */
export function checkIdentityNumber(applicant: CreateCaseRequest['applicant'], today: string): void {
  const idType = applicant.idType ?? defaultIdType(applicant.type);
  const error = identityNumberError(idType, applicant.idNumber, today);
  if (error) throw unprocessable(`the applicant’s identity number is not valid: ${error}`, [{ path: 'applicant.idNumber', message: error }]);
}

/**
 * Checks the materials against the matter's guide: every material named exists, every required one
 * is there (or waived because the shared store holds it, E14), and every upload's bytes match their
 * declared SHA-256. Returns the case's material list; refuses with 422 listing every problem at once.
 */
export async function checkMaterials(matter: Matter, refs: CreateCaseRequest['materials'], uploaderSub: string, already: CaseMaterial[] = []): Promise<CaseMaterial[]> {
  const errors: FieldError[] = [];
  const byCode = new Map<string, Material>(matter.materials.map((m) => [m.code, m]));
  const given = new Map<string, CaseMaterial>(already.map((m) => [m.code, m]));
  // the uploads are read and hashed side by side; the checks below take their results in order
  const checks = refs.map((ref) => (ref.objectKey && byCode.has(ref.code) && isOwnUpload(ref.objectKey, uploaderSub) ? checkUpload(ref.objectKey) : undefined));
  await Promise.all(checks.map((c) => c?.catch(() => undefined)));
  for (const [i, ref] of refs.entries()) {
    const path = `materials.${i}`;
    const def = byCode.get(ref.code);
    if (!def) {
      errors.push({ path: `${path}.code`, message: `the matter has no material ${ref.code}` });
      continue;
    }
    if (!ref.objectKey && !ref.licenceId) {
      errors.push({ path, message: 'a material needs an objectKey or a licenceId' });
      continue;
    }
    if (ref.objectKey) {
      if (!isOwnUpload(ref.objectKey, uploaderSub)) {
        errors.push({ path: `${path}.objectKey`, message: 'not an upload of the filer' });
        continue;
      }
      const check = await checks[i]!;
      if (!check.ok) {
        errors.push({
          path: `${path}.objectKey`,
          message: check.reason === 'sha256_mismatch' ? `the bytes do not match the declared sha256 (${check.declared})` : `upload ${check.reason.replaceAll('_', ' ')}`,
        });
        continue;
      }
      given.set(ref.code, { code: ref.code, name: def.name, objectKey: ref.objectKey, sha256: check.sha256, size: check.size });
    } else {
      given.set(ref.code, { code: ref.code, name: def.name, licenceId: ref.licenceId });
    }
  }
  for (const def of matter.materials) {
    if (given.has(def.code)) continue;
    // E14: what the shared exchange platform already holds is not asked for again
    if (def.waivable && def.source !== 'applicant') {
      given.set(def.code, { code: def.code, name: def.name, waived: true });
    } else if (def.required) {
      errors.push({ path: 'materials', message: `required material ${def.code} (${def.name}) is missing` });
    }
  }
  if (errors.length) throw unprocessable('the application does not meet the matter’s material requirements', errors);
  return matter.materials.filter((d) => given.has(d.code)).map((d) => given.get(d.code)!);
}

export async function loadOpenMatter(code: string, version?: number): Promise<Matter> {
  const matter = await getMatter(code, version);
  if (!matter) throw unprocessable(`there is no matter ${code}`, [{ path: 'matterCode', message: 'unknown matter' }]);
  // suspended and cancelled matters take no new cases (N8: dynamic management)
  if (matter.status !== 'published') throw unprocessable(`matter ${code} is ${matter.status} and takes no new applications`);
  return matter;
}

/** Routing step 1: validate the application against the catalog and the uploaded bytes. */
export async function validateApplication(input: RoutingInput): Promise<{ materials: CaseMaterial[]; applicantSub: string; matterVersion: number; filedAt?: Case['filedAt'] }> {
  const applicantSub = applicantSubFor(input.filer, input.request);
  checkIdentityNumber(input.request.applicant, shanghaiDate(input.submittedAt));
  // H13, H26: an agent files only what the applicant authorised them to
  if (input.request.channel === 'agent') await assertAgentAuthorised(applicantSub, input.filer.sub, input.request.matterCode, new Date(input.submittedAt));
  const matter = await loadOpenMatter(input.request.matterCode);
  const filedAt = filingPlace(input.filer, input.request.channel, matter);
  const materials = await checkMaterials(matter, input.request.materials, input.filer.sub);
  return { materials, applicantSub, matterVersion: matter.version, ...(filedAt ? { filedAt } : {}) };
}

/**
 * Routing step 2: route to the accepting department and record the case, its first audit event, the
 * acceptance task and the receipt in one transaction (N14: 统一收件). Safe to run twice.
 */
export async function recordSubmission(input: RoutingInput & { validated: Awaited<ReturnType<typeof validateApplication>> }): Promise<Receipt> {
  const existing = await getCase(input.caseId);
  if (existing) return receiptOf(existing);
  const matter = await loadOpenMatter(input.request.matterCode, input.validated.matterVersion);
  const acceptBy = addWorkingDays(input.submittedAt, ACCEPTANCE_WORKING_DAYS).date;
  const { roles, kiosk, ...filer } = input.filer;
  const c: Case = {
    caseId: input.caseId,
    receiptNo: receiptNoFor(input.caseId, matter.region),
    matterCode: matter.code,
    matterVersion: matter.version,
    matterName: matter.name,
    region: matter.region,
    acceptingDept: matter.dept,
    handlingDepts: matter.handlingDepts,
    promiseDays: matter.promiseDays,
    retention: matter.retention,
    applicant: { ...input.request.applicant, idNumber: input.request.applicant.idNumber.toUpperCase(), sub: input.validated.applicantSub },
    filedBy: filer,
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
  const task = acceptanceTask(c, 1, input.submittedAt);
  const receipt = makeNotice(c.caseId, 'receipt', 1, input.submittedAt, {
    receiptNo: c.receiptNo,
    matter: { code: matter.code, name: matter.name, version: matter.version },
    applicant: { name: c.applicant.name, type: c.applicant.type },
    acceptingDept: { code: matter.dept, name: matter.deptName },
    materials: c.materials.map((m) => ({ code: m.code, name: m.name, sha256: m.sha256, waived: m.waived ?? false })),
    acceptBy,
  });
  try {
    const saved = await commitCase({
      after: c,
      event: { at: input.submittedAt, actor: filer, action: 'submit', detail: { channel: c.channel, receiptNo: c.receiptNo } },
      newTasks: [task],
      notices: [receipt],
    });
    countCase('CaseSubmitted');
    return receiptOf(saved, receipt.noticeId, receipt.sha256, matter.deptName);
  } catch (err) {
    // a retried step finds the case its first run wrote
    const again = await getCase(input.caseId);
    if (again) return receiptOf(again);
    throw err;
  }
}

export function acceptanceTask(c: Case, n: number, at: string): Task {
  return {
    taskId: `${c.caseId}.A${n}`,
    caseId: c.caseId,
    kind: 'acceptance',
    dept: c.acceptingDept,
    region: c.region,
    matterCode: c.matterCode,
    status: 'open',
    deadline: c.acceptBy,
    createdAt: at,
  };
}

function receiptOf(c: Case, noticeId = `${c.caseId}.N1`, sha256 = '', deptName = c.acceptingDept): Receipt {
  return {
    caseId: c.caseId,
    receiptNo: c.receiptNo,
    status: 'submitted',
    submittedAt: c.submittedAt,
    receipt: { noticeId, title: '接收回执', sha256, acceptBy: c.acceptBy, matterName: c.matterName, acceptingDept: deptName },
  };
}

