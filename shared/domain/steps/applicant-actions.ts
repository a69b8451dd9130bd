import { actorOf } from '../actor.ts';
import type { Caller } from '../caller.ts';
import type { Case, Evaluation, EvaluationDimension, FollowUp, Task } from '../case.ts';
import { ACCEPTANCE_WORKING_DAYS } from '../clock.ts';
import type { Complaint, ComplaintCategory } from '../complaint.ts';
import { Invalid } from '../errors.ts';
import { childId } from '../ids.ts';
import { assertTransition } from '../lifecycle.ts';
import { noticeIssuer } from '../notices.ts';
import type { Ports } from '../ports.ts';
import type { MaterialRef } from '../rules/e14-material-requirements.ts';
import { unsupplied } from '../rules/h22-one-time-correction.ts';
import { assertEvaluable, isBadEvaluation } from '../rules/n21-evaluation.ts';
import { acceptanceTask } from './intake.ts';
import { checkMaterials } from './materials.ts';
import { runCaseStep, type StepPorts } from './run.ts';
import { metricDimensions } from '../business-metrics.ts';

/**
 * Answering a correction notice [H22] 补齐补正: the new materials are checked like an intake, every item
 * the notice listed must now be there, and the case goes back to the accepting department as a new
 * acceptance task with a fresh 5-working-day limit, taken by the clerk who answers for the case
 * (首问负责 [H10]). The applicant, the agent they authorise, or a clerk of the accepting department at
 * the window may answer it.
 */
export async function answerCorrection(ports: StepPorts & Pick<Ports, 'catalog' | 'uploads' | 'trustAnchors' | 'calendar'>, caller: Caller, caseId: string, req: { materials: MaterialRef[] }) {
  return runCaseStep(ports, { caseId, caller, action: 'case.correct' }, async ({ file, role, at }) => {
    const c = file.case;
    assertTransition(c.status, 'submitted');
    const matter = await ports.catalog.getMatter(c.matterCode, c.matterVersion);
    if (!matter) throw new Error(`matter ${c.matterCode} v${c.matterVersion} is gone from the catalog`);
    const request = [...file.tasks].reverse().find((t) => t.kind === 'acceptance' && t.decision === 'correction');
    const replaced = req.materials.map((m) => m.code);
    const stillMissing = unsupplied(request?.missing, replaced);
    if (stillMissing.length) throw new Invalid('the correction does not supply every listed material', stillMissing.map((code) => ({ path: 'materials', message: `missing ${code}` })));
    const kept = c.materials.filter((m) => !replaced.includes(m.code));
    const materials = await checkMaterials(ports, matter, req.materials, caller.sub, c.applicant, at, kept);
    const acceptBy = ports.calendar.addWorkingDays(at, ACCEPTANCE_WORKING_DAYS).date;
    const after: Case = { ...c, status: 'submitted', materials, acceptBy, correctionDue: undefined };
    const n = file.tasks.filter((t) => t.kind === 'acceptance').length + 1;
    const task: Task = acceptanceTask(after, n, at, c.responsible);
    return {
      change: { before: c, after, event: { at, actor: actorOf(caller, role), action: 'resubmit', detail: { materials: replaced } }, newTasks: [task] },
      result: (saved: Case) => saved,
    };
  });
}

/** Withdrawal before acceptance [N14]; the open acceptance task closes with it and a notice confirms it. */
export async function withdraw(ports: StepPorts, caller: Caller, caseId: string) {
  return runCaseStep(ports, { caseId, caller, action: 'case.withdraw' }, ({ file, role, at }) => {
    const c = file.case;
    assertTransition(c.status, 'withdrawn');
    const actor = actorOf(caller, role);
    const open = file.tasks.filter((t) => t.status === 'open').map((t) => ({ ...t, status: 'done' as const, decision: 'withdrawn', completedBy: actor, completedAt: at }));
    const notice = noticeIssuer(caseId, file.notices.length, at)('withdrawal', { receiptNo: c.receiptNo });
    return {
      change: { before: c, after: { ...c, status: 'withdrawn' }, event: { at, actor, action: 'withdraw' }, completedTasks: open, notices: [notice] },
      metrics: ['CaseWithdrawn'],
      result: (saved: Case) => saved,
    };
  });
}

/**
 * 好差评 [N21] [H10]: the applicant, and only the applicant, rates a completed case once, 1 to 5, and
 * each dimension they choose to. A 差评 (1 or 2) opens a follow-up (整改) the accepting department
 * answers within the deployment's working days; the supervisors see it overdue after that.
 */
export async function evaluate(ports: StepPorts & Pick<Ports, 'calendar' | 'settings'>, caller: Caller, caseId: string, req: { score: number; dimensions?: Partial<Record<EvaluationDimension, number>>; comment?: string }) {
  const saved = await runCaseStep(ports, { caseId, caller, action: 'case.evaluate' }, ({ file, role, at }) => {
    const c = file.case;
    assertEvaluable(c);
    const followUp: FollowUp | undefined = isBadEvaluation(req.score) ? { status: 'open', dept: c.acceptingDept, due: ports.calendar.addWorkingDays(at, ports.settings.followUpWorkingDays).date } : undefined;
    const evaluation: Evaluation = {
      evaluationId: childId(caseId, 'V', 1),
      score: req.score,
      ...(req.dimensions && Object.keys(req.dimensions).length ? { dimensions: req.dimensions } : {}),
      ...(req.comment ? { comment: req.comment } : {}),
      at,
      by: caller.sub,
      ...(followUp ? { followUp } : {}),
    };
    return {
      change: { before: c, after: { ...c, evaluation }, event: { at, actor: actorOf(caller, role), action: 'evaluate', detail: { score: req.score, ...(evaluation.dimensions ? { dimensions: evaluation.dimensions } : {}), ...(followUp ? { followUpDue: followUp.due } : {}) } } },
      result: (s: Case) => s,
    };
  });
  ports.metrics.evaluation(req.score, metricDimensions(saved));
  return saved;
}

/** 投诉 [N21] [H10]: the applicant (or their agent) complains about how the case is handled; it queues for the supervisors of its region. */
export async function fileComplaint(ports: StepPorts, caller: Caller, caseId: string, req: { category: ComplaintCategory; text: string }): Promise<Complaint> {
  return runCaseStep(ports, { caseId, caller, action: 'case.complain' }, ({ file, role, at }) => {
    const actor = actorOf(caller, role);
    const complaint: Complaint = {
      complaintId: childId(caseId, 'C', file.complaints.length + 1),
      caseId,
      category: req.category,
      text: req.text,
      status: 'open',
      filedBy: actor,
      filedAt: at,
      dept: file.case.acceptingDept,
      region: file.case.region,
    };
    return {
      change: { before: file.case, after: file.case, event: { at, actor, action: 'complain', detail: { complaintId: complaint.complaintId, category: req.category } }, complaint: { filed: complaint } },
      metrics: ['CaseComplaint'],
      result: () => complaint,
    };
  });
}
