import type { CaseStatus } from './case.ts';
import { Conflict } from './errors.ts';

/**
 * The lifecycle table of DESIGN.md: which status may follow which [N14] (受理, 补齐补正, 不予受理, 退件).
 * One place, so a forbidden move is refused the same way everywhere.
 */
export const TRANSITIONS: Record<CaseStatus, CaseStatus[]> = {
  submitted: ['accepted', 'correction_required', 'rejected', 'returned', 'withdrawn'],
  // an unanswered correction is closed as returned (退件) when its period runs out
  correction_required: ['submitted', 'withdrawn', 'returned'],
  accepted: ['in_review'],
  in_review: ['in_review', 'decided'],
  decided: ['completed'],
  completed: [],
  rejected: [],
  returned: [],
  withdrawn: [],
};

export const TERMINAL: CaseStatus[] = ['completed', 'rejected', 'returned', 'withdrawn'];

export const isOpen = (status: CaseStatus) => !TERMINAL.includes(status);

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Refuses a move the lifecycle does not allow, naming what is allowed from here. */
export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (!canMove(from, to)) throw new Conflict(`a case that is ${from} cannot become ${to}`, { from, allowed: TRANSITIONS[from] });
}
