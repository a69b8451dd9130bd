import { authorize } from '../access/gate.ts';
import type { Authorisation } from '../authorisation.ts';
import type { Caller } from '../caller.ts';
import { Forbidden, Invalid, NotFound } from '../errors.ts';
import type { Ports } from '../ports.ts';

type AuthorisationPorts = Pick<Ports, 'authorisations' | 'staff' | 'clock'>;

/**
 * 代办授权 [H26] [H13]: a resident authorises a village agent to file and act for them, for named
 * matters or all, until a date. It is given in the resident's own real name [N13], which the agent's
 * filings must then carry.
 */
export async function grantAuthorisation(ports: AuthorisationPorts, caller: Caller, req: { agentSub: string; matterCodes?: string[]; validUntil: string }): Promise<Authorisation> {
  const now = ports.clock.now();
  await authorize(ports, caller, 'authorisation.manage', { kind: 'none' }, now);
  if (!caller.idNumber) throw new Forbidden('an authorisation is given in the resident’s real name: the token carries no idNumber [N13]');
  if (req.agentSub === caller.sub) throw new Invalid('an applicant does not authorise themself', [{ path: 'agentSub', message: 'the caller' }]);
  if (Date.parse(req.validUntil) <= now.getTime()) throw new Invalid('validUntil must be in the future', [{ path: 'validUntil', message: 'in the past' }]);
  const a: Authorisation = {
    applicantSub: caller.sub,
    applicantName: caller.name,
    applicantIdType: caller.idType ?? 'resident_id',
    applicantIdNumber: caller.idNumber.toUpperCase(),
    agentSub: req.agentSub,
    matterCodes: req.matterCodes ?? [],
    validUntil: req.validUntil,
    createdAt: now.toISOString(),
  };
  await ports.authorisations.put(a);
  return a;
}

/** The resident revokes it: from now on the agent neither files nor acts on the resident's cases. */
export async function revokeAuthorisation(ports: AuthorisationPorts, caller: Caller, agentSub: string): Promise<void> {
  await authorize(ports, caller, 'authorisation.manage', { kind: 'none' }, ports.clock.now());
  if (!(await ports.authorisations.remove(caller.sub, agentSub))) throw new NotFound(`there is no authorisation of ${agentSub}`);
}
