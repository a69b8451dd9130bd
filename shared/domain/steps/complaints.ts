import { actorOf } from '../actor.ts';
import type { Caller } from '../caller.ts';
import type { Complaint } from '../complaint.ts';
import { Conflict, NotFound } from '../errors.ts';
import { caseIdOf } from '../ids.ts';
import { authorize } from '../access/gate.ts';
import type { Page, PageRequest, Ports } from '../ports.ts';
import { runCaseStep, type StepPorts } from './run.ts';

/** A supervisor of the case's region records how a complaint was handled [N21] [H10]: once, in the case's audit trail. */
export async function handleComplaint(ports: StepPorts, caller: Caller, complaintId: string, req: { result: string; upheld: boolean }): Promise<Complaint> {
  const caseId = caseIdOf(complaintId, ['C']);
  if (!caseId) throw new NotFound(`there is no complaint ${complaintId}`);
  return runCaseStep(ports, { caseId, caller, action: 'complaint.handle' }, ({ file, role, at }) => {
    const complaint = file.complaints.find((c) => c.complaintId === complaintId);
    if (!complaint) throw new NotFound(`there is no complaint ${complaintId}`);
    if (complaint.status !== 'open') throw new Conflict('the complaint has already been handled', { extra: { handledAt: complaint.handledAt } });
    const actor = actorOf(caller, role);
    const handled: Complaint = { ...complaint, status: 'handled', handledBy: actor, handledAt: at, result: req.result, upheld: req.upheld };
    return {
      change: { before: file.case, after: file.case, event: { at, actor, action: 'handle_complaint', detail: { complaintId, upheld: req.upheld } }, complaint: { handled } },
      result: () => handled,
    };
  });
}

/** The open complaints a supervisor supervises (those of cases in their region), oldest first. */
export async function listOpenComplaints(ports: Pick<Ports, 'cases' | 'staff' | 'authorisations' | 'clock'>, caller: Caller, page: PageRequest): Promise<Page<Complaint>> {
  await authorize(ports, caller, 'complaint.list', { kind: 'region', region: caller.region ?? '' }, ports.clock.now());
  return ports.cases.listOpenComplaints(caller.region, page);
}
