import { actorOf } from '../actor.ts';
import { authorize } from '../access/gate.ts';
import { shanghaiDate } from '../calendar.ts';
import type { Caller } from '../caller.ts';
import type { Case } from '../case.ts';
import { Conflict, Forbidden, NotFound } from '../errors.ts';
import { caseIdOf } from '../ids.ts';
import type { PageRequest, Ports } from '../ports.ts';
import { hallOf } from '../rules/h8-single-window.ts';
import { regionCodePrefix, regionContains } from '../rules/n4-region-scope.ts';
import { assertDepartment, assertRegion } from './supervision.ts';
import { runCaseStep, type StepPorts } from './run.ts';

/**
 * 整改 [N21] [H10]: the accepting department answers a 差评's follow-up once, saying what it did and
 * whether it reached the applicant; answered after its due day it is recorded as late.
 */
export async function answerFollowUp(ports: StepPorts, caller: Caller, evaluationId: string, req: { action: string; contacted: boolean }) {
  const caseId = caseIdOf(evaluationId, ['V']);
  const read = caseId ? await ports.cases.getCase(caseId) : undefined;
  if (!read?.evaluation || read.evaluation.evaluationId !== evaluationId) throw new NotFound(`there is no evaluation ${evaluationId}`);
  if (!read.evaluation.followUp) throw new Conflict(`evaluation ${evaluationId} is not a 差评: there is nothing to follow up`, { from: 'none', allowed: [] });
  const role = await authorize(ports, caller, 'evaluation.follow_up', { kind: 'department', dept: read.evaluation.followUp.dept }, ports.clock.now());
  return runCaseStep(ports, { caseId: caseId! }, ({ file, at }) => {
    const c = file.case;
    const ev = c.evaluation!;
    const fu = ev.followUp!;
    if (fu.status !== 'open') throw new Conflict(`the follow-up of ${evaluationId} was answered at ${fu.answeredAt}`, { from: fu.status, allowed: ['open'] });
    const actor = actorOf(caller, role);
    const late = shanghaiDate(at) > fu.due;
    const after: Case = { ...c, evaluation: { ...ev, followUp: { ...fu, status: 'answered', action: req.action, contacted: req.contacted, answeredAt: at, answeredBy: actor } } };
    return {
      change: { before: c, after, event: { at, actor, action: 'answer_follow_up', detail: { evaluationId, contacted: req.contacted, due: fu.due, ...(late ? { late } : {}) } } },
      result: (saved: Case) => ({ evaluationId, caseId: saved.caseId, followUp: saved.evaluation!.followUp }),
    };
  });
}

export interface FollowUpListRequest {
  status?: 'open' | 'answered';
  region?: string;
  dept?: string;
}

/**
 * GET /v1/evaluations?bad=true [N21]: the 差评 and their follow-ups, open or answered, of a department
 * (its staff: their own) or of a region (its supervisors), the most pressing first; `overdue` says
 * which are past their day.
 */
export async function listFollowUps(ports: Pick<Ports, 'cases' | 'regions' | 'catalog' | 'staff' | 'authorisations' | 'clock'>, caller: Caller, req: FollowUpListRequest, page: PageRequest) {
  // a department asked for, or the caller's own unless a region is asked for; else the caller's region (the gate decides who may)
  const dept = req.dept ?? (req.region ? undefined : caller.dept);
  const region = dept ? undefined : (req.region ?? caller.region);
  if (region !== undefined) assertRegion(ports, region);
  if (!region && !dept) throw new Forbidden('a staff token names its department (dept claim); a supervisor’s its region');
  if (dept) await assertDepartment(ports, dept);
  if (dept && req.region && !regionContains(req.region, hallOf(dept))) throw new Forbidden(`department ${dept} is not in region ${req.region}`);
  await authorize(ports, caller, 'evaluation.list', region ? { kind: 'region', region } : { kind: 'department', dept: dept! }, ports.clock.now());
  const today = shanghaiDate(ports.clock.now());
  const res = await ports.cases.listFollowUps({ status: req.status ?? 'open', within: dept ? `${dept}#` : regionCodePrefix(region!) }, page);
  return {
    items: res.items.map((c) => {
      const ev = c.evaluation!;
      return { evaluationId: ev.evaluationId, caseId: c.caseId, matterCode: c.matterCode, score: ev.score, ...(ev.dimensions ? { dimensions: ev.dimensions } : {}), ...(ev.comment ? { comment: ev.comment } : {}), at: ev.at, followUp: { ...ev.followUp!, overdue: ev.followUp!.status === 'open' && today > ev.followUp!.due } };
    }),
    nextCursor: res.nextCursor,
  };
}
