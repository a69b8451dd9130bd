import type { Appraisal } from '../appraisal.ts';
import type { Caller } from '../caller.ts';

/**
 * Who approves an appraisal, and in which order [E18]: first the head of a department of the region,
 * then an archivist; nobody approves twice and the archivist who proposed it approves nothing of it.
 * Returns why not, or undefined when the caller may approve now.
 */
export function approvalRefusal(a: Pick<Appraisal, 'status' | 'approvals' | 'proposedBy'>, caller: Pick<Caller, 'sub' | 'roles'>): string | undefined {
  if (a.status !== 'proposed') return `the appraisal is ${a.status}`;
  if (caller.sub === a.proposedBy.sub) return 'the archivist who proposed an appraisal does not approve it';
  if (a.approvals.some((x) => x.by.sub === caller.sub)) return 'nobody approves an appraisal twice';
  if (a.approvals.length === 0 && !caller.roles.includes('head')) return 'a department head approves an appraisal first';
  if (a.approvals.length === 1 && !caller.roles.includes('archivist')) return 'an archivist approves an appraisal after the head';
  return undefined;
}

/** The capacity a caller decides an appraisal in: a head, where they are one, else an archivist. */
export const deciderRole = (caller: Pick<Caller, 'roles'>): 'head' | 'archivist' => (caller.roles.includes('head') ? 'head' : 'archivist');

/** Whether the waiting period after approval has passed. */
export const waitingOver = (a: Pick<Appraisal, 'destroyAfter'>, now: Date) => !!a.destroyAfter && now.getTime() >= Date.parse(a.destroyAfter);
