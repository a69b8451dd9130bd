import type { Caller } from '../auth/caller.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { getMatter } from '../catalog/catalog-store.ts';
import { conflict, notFound, unprocessable } from '../http/problem.ts';
import type { Case, Task } from './case.ts';
import { commitCase, getCaseFile } from './case-store.ts';
import { withRetry } from './decisions.ts';
import { acceptanceTask, ACCEPTANCE_WORKING_DAYS, actorOf, checkMaterials } from './intake.ts';
import { assertTransition } from './lifecycle.ts';
import { makeNotice } from './notices.ts';
import { countCase, recordEvaluation } from '../observability.ts';
import type * as z from 'zod/mini';
import type { CorrectionRequest, EvaluationRequest } from './schemas.ts';

/** The applicant, or the agent or clerk who filed for them, acts on the applicant's behalf. */
export async function loadOwn(caller: Caller, caseId: string) {
  const file = await getCaseFile(caseId);
  if (!file || (file.case.applicant.sub !== caller.sub && file.case.filedBy.sub !== caller.sub)) throw notFound(`there is no case ${caseId}`);
  return file;
}

/**
 * Answering a correction notice (补齐补正): the new materials are checked like an intake, every item the
 * notice listed must now be there, and the case goes back to the accepting department as a new
 * acceptance task with a fresh 5-working-day limit.
 */
export async function submitCorrection(caller: Caller, caseId: string, req: z.infer<typeof CorrectionRequest>, now = () => new Date()) {
  return withRetry(caseId, async () => {
    const file = await loadOwn(caller, caseId);
    const c = file.case;
    assertTransition(c.status, 'submitted');
    const matter = await getMatter(c.matterCode, c.matterVersion);
    if (!matter) throw new Error(`matter ${c.matterCode} v${c.matterVersion} is gone`);
    const request = [...file.tasks].reverse().find((t) => t.kind === 'acceptance' && t.decision === 'correction');
    const replaced = new Set(req.materials.map((m) => m.code));
    const stillMissing = (request?.missing ?? []).filter((code) => !replaced.has(code));
    if (stillMissing.length) {
      throw unprocessable('the correction does not supply every listed material', stillMissing.map((code) => ({ path: 'materials', message: `missing ${code}` })));
    }
    const kept = c.materials.filter((m) => !replaced.has(m.code));
    const materials = await checkMaterials(matter, req.materials, caller.sub, kept);
    const at = now().toISOString();
    const acceptBy = addWorkingDays(at, ACCEPTANCE_WORKING_DAYS).date;
    const after: Case = { ...c, status: 'submitted', materials, acceptBy, correctionDue: undefined };
    const n = file.tasks.filter((t) => t.kind === 'acceptance').length + 1;
    const task: Task = acceptanceTask(after, n, at);
    return commitCase({
      before: c,
      after,
      event: { at, actor: actorOf(caller), action: 'resubmit', detail: { materials: req.materials.map((m) => m.code) } },
      newTasks: [task],
    });
  });
}

/** 好差评 (N21, H10): the applicant rates a completed case once, 1 to 5, with an optional comment. */
export async function evaluate(caller: Caller, caseId: string, req: z.infer<typeof EvaluationRequest>, now = () => new Date()) {
  return withRetry(caseId, async () => {
    const file = await loadOwn(caller, caseId);
    const c = file.case;
    if (c.status !== 'completed') throw conflict(`a case is evaluated once it is completed; this one is ${c.status}`, { from: c.status, allowed: [] });
    if (c.evaluation) throw conflict('this case has already been evaluated', { evaluatedAt: c.evaluation.at });
    const at = now().toISOString();
    const evaluation = { score: req.score, ...(req.comment ? { comment: req.comment } : {}), at, by: caller.sub };
    const saved = await commitCase({ before: c, after: { ...c, evaluation }, event: { at, actor: actorOf(caller), action: 'evaluate', detail: { score: req.score } } });
    recordEvaluation(req.score);
    return saved;
  });
}

/** Withdrawal before acceptance; the open acceptance task closes with it. */
export async function withdraw(caller: Caller, caseId: string, now = () => new Date()) {
  return withRetry(caseId, async () => {
    const file = await loadOwn(caller, caseId);
    const c = file.case;
    assertTransition(c.status, 'withdrawn');
    const at = now().toISOString();
    const actor = actorOf(caller);
    const open = file.tasks.filter((t) => t.status === 'open').map((t) => ({ ...t, status: 'done' as const, decision: 'withdrawn', completedBy: actor, completedAt: at }));
    const notice = makeNotice(caseId, 'withdrawal', file.notices.length + 1, at, { receiptNo: c.receiptNo });
    const saved = await commitCase({ before: c, after: { ...c, status: 'withdrawn' }, event: { at, actor, action: 'withdraw' }, completedTasks: open, notices: [notice] });
    countCase('CaseWithdrawn');
    return saved;
  });
}
