import { Forbidden, Invalid, NotFound } from '#shared/domain/errors';
import { grantAuthorisation, revokeAuthorisation } from '#shared/domain/steps/authorisations';
import { memoryPorts } from '../support/memory-ports';
import { citizen, PEOPLE, refusal } from '../support/fixtures';

describe('代办授权 [H26]', () => {
  test('a resident authorises an agent in their own real name; the agent’s filings must carry it', async () => {
    const ports = memoryPorts();
    const a = await grantAuthorisation(ports, citizen(PEOPLE.ma), { agentSub: 'agent-1', validUntil: '2027-01-01T00:00:00Z' });
    expect(a).toMatchObject({ applicantSub: 'resident-ma', applicantName: '马大娘', applicantIdNumber: PEOPLE.ma.idNumber, matterCodes: [] });
    expect(await ports.authorisations.get('resident-ma', 'agent-1')).toEqual(a);
  });

  test('from a token without a real-name identity, for oneself, or ending in the past, it is refused', async () => {
    const ports = memoryPorts();
    expect(await refusal(grantAuthorisation(ports, { sub: 'c', name: 'c', roles: ['citizen'] }, { agentSub: 'agent-1', validUntil: '2027-01-01T00:00:00Z' }))).toBeInstanceOf(Forbidden);
    expect(await refusal(grantAuthorisation(ports, citizen(PEOPLE.ma), { agentSub: 'resident-ma', validUntil: '2027-01-01T00:00:00Z' }))).toBeInstanceOf(Invalid);
    expect(await refusal(grantAuthorisation(ports, citizen(PEOPLE.ma), { agentSub: 'agent-1', validUntil: '2026-01-01T00:00:00Z' }))).toBeInstanceOf(Invalid);
    expect(await refusal(grantAuthorisation(ports, { sub: 'agent-1', name: 'a', roles: ['agent'] }, { agentSub: 'agent-2', validUntil: '2027-01-01T00:00:00Z' }))).toBeInstanceOf(Forbidden);
  });

  test('the resident revokes it; revoking one that is not there is 404', async () => {
    const ports = memoryPorts();
    await grantAuthorisation(ports, citizen(PEOPLE.ma), { agentSub: 'agent-1', validUntil: '2027-01-01T00:00:00Z' });
    await revokeAuthorisation(ports, citizen(PEOPLE.ma), 'agent-1');
    expect(await ports.authorisations.get('resident-ma', 'agent-1')).toBeUndefined();
    expect(await refusal(revokeAuthorisation(ports, citizen(PEOPLE.ma), 'agent-1'))).toBeInstanceOf(NotFound);
  });
});
