import { decisionRole } from '#shared/domain/rules/n20-decision-role';
import { memoryPorts } from '../support/memory-ports';
import { completedCase, seedCatalog } from '../support/fixtures';
import { checkOf } from '../support/supervision';

/** 越权办理 [N20]: a step taken in a role the policy table does not give its action. */
describe('legality.role', () => {
  test('every step of a case the platform handled is in its role; an approval by a citizen, or a workflow step by a person, is found', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const caseId = await completedCase(ports);
    expect(decisionRole.check(checkOf(ports, caseId))).toEqual([]);
    const forged = checkOf(ports, caseId, undefined, (f) => ({
      ...f,
      events: f.events.map((e) => (e.action === 'review_approve' ? { ...e, actor: { ...e.actor, role: 'citizen' as const } } : e.action === 'unified_return' ? { ...e, actor: { sub: 'h', name: '某人', role: 'handler' as const } } : e)),
    }));
    const found = decisionRole.check(forged);
    expect(found.map((x) => x.detail)).toEqual([expect.stringContaining('review_approve'), expect.stringContaining('unified_return')]);
  });
});
