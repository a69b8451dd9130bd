import { lifecycleTransition } from '#shared/domain/rules/n20-lifecycle-transition';
import { memoryPorts } from '../support/memory-ports';
import { completedCase, seedCatalog } from '../support/fixtures';
import { checkOf } from '../support/supervision';

/** 流程违规 [N20]: a step on the audit trail the lifecycle does not allow. */
describe('legality.transition', () => {
  test('a case taken through every step by the platform has none; a decision written over an unaccepted case is found at its step', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const caseId = await completedCase(ports);
    expect(lifecycleTransition.check(checkOf(ports, caseId))).toEqual([]);
    const skipped = checkOf(ports, caseId, undefined, (f) => ({ ...f, events: [...f.events, { ...f.events[0], seq: 99, action: 'review_approve', from: 'submitted', to: 'decided' }] }));
    expect(lifecycleTransition.check(skipped)).toEqual([{ ruleId: 'legality.transition', subject: '99', detail: expect.stringContaining('submitted → decided') }]);
    const reborn = checkOf(ports, caseId, undefined, (f) => ({ ...f, events: [{ ...f.events[0], to: 'accepted' }, ...f.events.slice(1)] }));
    expect(lifecycleTransition.check(reborn).map((x) => x.subject)).toEqual(['1']);
  });
});
