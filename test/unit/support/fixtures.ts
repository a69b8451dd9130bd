import { createHash, randomUUID } from 'node:crypto';
import { departments, DEMO_FOOD_MATTER_CODE, DEMO_PARALLEL_MATTER_CODE, matters } from '#shared/catalog/demo-seed';
import type { Caller, Role } from '#shared/domain/caller';
import type { Channel } from '#shared/domain/case';
import { newCaseId } from '#shared/domain/ids';
import { completeTask, type TaskDecision } from '#shared/domain/steps/complete-task';
import { openReviews } from '#shared/domain/steps/forwarding';
import { recordSubmission, validateApplication, type ApplicationRequest, type Receipt } from '#shared/domain/steps/intake';
import { issueResult } from '#shared/domain/steps/unified-return';
import { renderCaseNotices } from '#shared/domain/steps/render-notices';
import type { MemoryPorts } from './memory-ports';
import { minimalPdf } from '../../support/minimal-pdf';

/** The demo catalog, as the steps read it: 雁塔区's food licence (one department) and disability subsidies (two, in parallel). */
export const FOOD = DEMO_FOOD_MATTER_CODE;
export const PARALLEL = DEMO_PARALLEL_MATTER_CODE;
export const FOOD_DEPT = '610113-XZSP';

export function seedCatalog(ports: MemoryPorts): void {
  for (const m of matters) {
    ports.state.matters.set(m.code, structuredClone(m));
    ports.state.versions.set(`${m.code}@${m.version}`, structuredClone(m));
  }
  for (const d of departments) ports.state.departments.set(d.code, d);
}

/** People with real-name identities [N13], as the province's system puts them in their tokens. */
export interface Person {
  sub: string;
  name: string;
  idNumber: string;
}
export const PEOPLE: Record<'wang' | 'chen' | 'ma', Person> = {
  wang: { sub: 'c-wang', name: '王小明', idNumber: '610113199001011230' },
  chen: { sub: 'c-chen', name: '陈另一', idNumber: '610104199001010012' },
  ma: { sub: 'resident-ma', name: '马大娘', idNumber: '610113194001010104' },
};

export const citizen = (p: { sub: string; name: string; idNumber: string }, extra: Partial<Caller> = {}): Caller => ({ sub: p.sub, name: p.name, roles: ['citizen'], idType: 'resident_id', idNumber: p.idNumber, ...extra });
export const staff = (sub: string, role: Role, dept: string, extra: Partial<Caller> = {}): Caller => ({ sub, name: sub, roles: [role], dept, region: dept.slice(0, 6), ...extra });
export const person = (p: { name: string; idNumber: string }) => ({ type: 'person' as const, name: p.name, idNumber: p.idNumber });

/** An upload of the filer's, with its bytes and the SHA-256 they declared (a lie when `declared` is given). */
export function upload(ports: MemoryPorts, owner: string, text: string, declared?: string): string {
  const bytes = minimalPdf(text);
  const key = `uploads/${owner}/${randomUUID()}/m.pdf`;
  ports.state.uploads.set(key, { owner, bytes, declared: declared ?? createHash('sha256').update(bytes).digest('hex') });
  return key;
}

/** The required materials of a matter, each uploaded by the filer. */
export function materialsFor(ports: MemoryPorts, filer: string, matterCode: string) {
  const m = ports.state.matters.get(matterCode)!;
  // a licence material the filer holds no e-licence for is uploaded as a scan
  return m.materials.filter((x) => x.required && (x.source === 'applicant' || (x.source === 'licence' && x.licenceType))).map((x) => ({ code: x.code, objectKey: upload(ports, filer, `${matterCode} ${x.code}`) }));
}

/** The application a filer sends for `matterCode` on `channel`, with every required material. */
export function application(ports: MemoryPorts, filer: Caller, matterCode: string, channel: Channel, applicant: { name: string; idNumber: string }, extra: Partial<ApplicationRequest> = {}): ApplicationRequest {
  return { matterCode, applicant: person(applicant), channel, materials: materialsFor(ports, filer.sub, matterCode), ...extra };
}

/** Both routing steps, as the routing workflow runs them. */
export async function file(ports: MemoryPorts, filer: Caller, request: ApplicationRequest): Promise<Receipt> {
  const at = ports.clock.now();
  const input = { caseId: newCaseId(at), submittedAt: at.toISOString(), filer, request };
  return recordSubmission(ports, { ...input, validated: await validateApplication(ports, input) });
}

/** A case filed online by `who` and accepted by the window of its department. */
export async function acceptedCase(ports: MemoryPorts, who: Person = PEOPLE.wang, matterCode = FOOD): Promise<string> {
  const { caseId } = await file(ports, citizen(who), application(ports, citizen(who), matterCode, 'online', who));
  const dept = ports.state.matters.get(matterCode)!.dept;
  await completeTask(ports, staff('clerk-1', 'clerk', dept), `${caseId}.A1`, { decision: 'accept' });
  return caseId;
}

/** A case in review: accepted, and forwarded (the forwarding workflow's step run). */
export async function caseInReview(ports: MemoryPorts, who: Person = PEOPLE.wang, matterCode = FOOD): Promise<string> {
  const caseId = await acceptedCase(ports, who, matterCode);
  await openReviews(ports, caseId);
  return caseId;
}

/** A case every department has decided, and the unified return has completed. */
export async function completedCase(ports: MemoryPorts, decision: TaskDecision = { decision: 'approve' }, who: Person = PEOPLE.wang, matterCode = FOOD): Promise<string> {
  const caseId = await caseInReview(ports, who, matterCode);
  for (const t of ports.state.cases.get(caseId)!.tasks.filter((x) => x.kind === 'review')) await completeTask(ports, staff(`handler-${t.dept}`, 'handler', t.dept), t.taskId, decision);
  await issueResult(ports, caseId);
  // as the unified return workflow does before it archives: every notice rendered to its PDF [N14]
  await renderCaseNotices(ports, caseId);
  return caseId;
}

/** What a call refused with: the domain error's class and message. */
export async function refusal(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('it was allowed');
}

/** A filed case taken through acceptance, every review approving, and the unified return. */
export async function approve(ports: MemoryPorts, caseId: string): Promise<void> {
  const c = ports.state.cases.get(caseId)!.case;
  await completeTask(ports, staff('clerk-1', 'clerk', c.acceptingDept), `${caseId}.A1`, { decision: 'accept' });
  await openReviews(ports, caseId);
  for (const t of ports.state.cases.get(caseId)!.tasks.filter((x) => x.kind === 'review')) await completeTask(ports, staff(`handler-${t.dept}`, 'handler', t.dept), t.taskId, { decision: 'approve' });
  await issueResult(ports, caseId);
}
