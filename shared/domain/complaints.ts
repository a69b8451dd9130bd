import type * as z from 'zod/mini';
import type { Caller } from '../auth/caller.ts';
import { conflict, forbidden, notFound } from '../http/problem.ts';
import { countCase } from '../observability.ts';
import type { Actor } from './case.ts';
import { commitCase, getCaseFile, queryPage, type Page } from './case-store.ts';
import { canSee } from './case-view.ts';
import { withRetry } from './decisions.ts';
import { loadOwn } from './applicant-actions.ts';
import { actorOf } from './intake.ts';
import { caseIdOfTask, complaintKey, GSI } from './keys.ts';
import type { ComplaintHandling, ComplaintRequest } from './schemas.ts';

/**
 * 投诉 (N21, H10 投诉监督): the applicant complains about how a case is handled; a supervisor records
 * how it was handled. Both are steps of the case, in its audit trail; open complaints form a queue.
 */
export interface Complaint {
  complaintId: string;
  caseId: string;
  category: z.infer<typeof ComplaintRequest>['category'];
  text: string;
  status: 'open' | 'handled';
  filedBy: Actor;
  filedAt: string;
  dept: string;
  handledBy?: Actor;
  handledAt?: string;
  result?: string;
  upheld?: boolean;
}

const item = (c: Complaint) => ({
  ...complaintKey(c.caseId, c.complaintId),
  type: 'complaint',
  ...c,
  // open complaints sit in the supervisors' queue (the work-queue index, a partition of their own)
  ...(c.status === 'open' ? { queuePk: 'COMPLAINTS#OPEN', queueSk: `${c.filedAt}#${c.complaintId}` } : {}),
});

export async function fileComplaint(caller: Caller, caseId: string, req: z.infer<typeof ComplaintRequest>, now = () => new Date()): Promise<Complaint> {
  return withRetry(caseId, async () => {
    const file = await loadOwn(caller, caseId);
    const at = now().toISOString();
    const actor = actorOf(caller);
    const complaint: Complaint = {
      complaintId: `${caseId}.C${file.complaints.length + 1}`,
      caseId,
      category: req.category,
      text: req.text,
      status: 'open',
      filedBy: actor,
      filedAt: at,
      dept: file.case.acceptingDept,
    };
    await commitCase({ before: file.case, after: file.case, event: { at, actor, action: 'complain', detail: { complaintId: complaint.complaintId, category: req.category } }, extraPuts: [item(complaint)] });
    countCase('CaseComplaint');
    return complaint;
  });
}

export async function handleComplaint(caller: Caller, complaintId: string, req: z.infer<typeof ComplaintHandling>, now = () => new Date()): Promise<Complaint> {
  if (!caller.roles.includes('supervisor')) throw forbidden('complaints are handled by a supervisor');
  const caseId = caseIdOfTask(complaintId);
  return withRetry(caseId, async () => {
    const file = await getCaseFile(caseId);
    const complaint = file?.complaints.find((c) => c.complaintId === complaintId);
    if (!file || !complaint || !canSee(caller, file.case)) throw notFound(`there is no complaint ${complaintId}`);
    if (complaint.status !== 'open') throw conflict('the complaint has already been handled', { handledAt: complaint.handledAt });
    const at = now().toISOString();
    const actor = actorOf(caller, 'supervisor');
    const handled: Complaint = { ...complaint, status: 'handled', handledBy: actor, handledAt: at, result: req.result, upheld: req.upheld };
    await commitCase({
      before: file.case,
      after: file.case,
      event: { at, actor, action: 'handle_complaint', detail: { complaintId, upheld: req.upheld } },
      replacePuts: [{ item: item(handled), status: 'open' }],
    });
    return handled;
  });
}

export const listOpenComplaints = (limit: number, cursor?: string): Promise<Page<Complaint>> =>
  queryPage<Complaint>({ IndexName: GSI.queue, KeyConditionExpression: 'queuePk = :p', ExpressionAttributeValues: { ':p': 'COMPLAINTS#OPEN' } }, limit, cursor);
