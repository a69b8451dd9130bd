import type { Authorisation } from '../authorisation.ts';

/**
 * 代办 [H26] [H13]: an agent acts for a resident only under the resident's authorisation, while it is in
 * force and for the matters it names (none named: every matter); the agent files the matter online for
 * them (代办事项网上申报 [H28]). Returns why not, or undefined.
 */
export function authorisationRefusal(a: Authorisation | undefined, agentSub: string, matterCode: string, at: Date): string | undefined {
  if (!a || a.agentSub !== agentSub) return `the applicant has not authorised agent ${agentSub} (代办授权)`;
  if (Date.parse(a.validUntil) <= at.getTime()) return `the authorisation of agent ${agentSub} expired on ${a.validUntil}`;
  if (a.matterCodes.length && !a.matterCodes.includes(matterCode)) return `the authorisation of agent ${agentSub} does not cover matter ${matterCode}`;
  return undefined;
}
