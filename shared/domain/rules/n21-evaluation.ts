import type { Case } from '../case.ts';
import { Conflict } from '../errors.ts';

/**
 * 好差评 [N21] [H10]: the applicant rates a case once it is completed, once, 1 (非常不满意) to 5 (非常满意);
 * 1 and 2 are 差评. Throws when the case cannot be rated now.
 */
export function assertEvaluable(c: Pick<Case, 'status' | 'evaluation'>): void {
  if (c.status !== 'completed') throw new Conflict(`a case is evaluated once it is completed; this one is ${c.status}`, { from: c.status, allowed: [] });
  if (c.evaluation) throw new Conflict('this case has already been evaluated', { extra: { evaluatedAt: c.evaluation.at } });
}

export const isBadEvaluation = (score: number) => score <= 2;
