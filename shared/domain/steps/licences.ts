import { actorOf } from '../actor.ts';
import { authorize } from '../access/gate.ts';
import type { Caller } from '../caller.ts';
import { Conflict, Forbidden, NotFound } from '../errors.ts';
import { holderKeysOf, type Licence } from '../licence.ts';
import type { PageRequest, Ports } from '../ports.ts';
import { runCaseStep, type StepPorts } from './run.ts';

/**
 * GET /v1/licences?mine=true: the licences the caller holds in the shared licence store [E16], by who
 * they are in their real name [N13]: their own, or with `as=org` those of the enterprise their token
 * names, newest first.
 */
export async function listMyLicences(ports: Pick<Ports, 'cases' | 'staff' | 'authorisations' | 'clock'>, caller: Caller, as: 'person' | 'org', page: PageRequest) {
  await authorize(ports, caller, 'licence.list_own', { kind: 'none' }, ports.clock.now());
  const key = holderKeysOf(caller)[as];
  if (!key) throw new Forbidden(as === 'org' ? 'the token names no enterprise (orgCode claim) to list the licences of' : 'the token carries no real-name identity number (idNumber claim)');
  return ports.cases.listLicences(key, page);
}

/**
 * POST /v1/licences/{licenceId}/revoke [E16]: the head of the issuing department withdraws a licence,
 * with the reason; its verification says so from then on. Recorded on the case's audit chain; once:
 * a licence no longer valid is 409, and two heads revoking at once revoke it once.
 */
export async function revokeLicence(ports: StepPorts, caller: Caller, licenceId: string, req: { reason: string }) {
  const read = await ports.cases.getLicence(licenceId);
  if (!read) throw new NotFound(`there is no licence ${licenceId}`);
  const role = await authorize(ports, caller, 'licence.revoke', { kind: 'licence', licence: read }, ports.clock.now());
  return runCaseStep(ports, { caseId: read.caseId }, async ({ file, at }) => {
    const licence = await ports.cases.getLicence(licenceId);
    if (!licence) throw new NotFound(`there is no licence ${licenceId}`);
    if (licence.status !== 'valid') throw new Conflict(`licence ${licenceId} is ${licence.status}; only a valid licence is revoked`, { from: licence.status, allowed: ['valid'] });
    const by = { sub: caller.sub, name: caller.name, ...(caller.dept ? { dept: caller.dept } : {}) };
    const after: Licence = { ...licence, status: 'revoked', revocation: { at, by, reason: req.reason } };
    return {
      change: {
        before: file.case,
        after: file.case,
        event: { at, actor: actorOf(caller, role), action: 'revoke_licence', detail: { licenceId, reason: req.reason } },
        licenceUpdates: [{ before: licence, after }],
      },
      result: () => ({ licenceId, status: after.status, revocation: after.revocation }),
    };
  });
}
