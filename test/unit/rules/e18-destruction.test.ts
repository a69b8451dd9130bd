import { approvalRefusal, deciderRole, waitingOver } from '#shared/domain/rules/e18-destruction';

/** Who approves an appraisal, in which order, and when destruction may begin [E18]. */
const proposedBy = { sub: 'arc-1', name: '档案员甲', role: 'archivist' as const };
const head = { sub: 'head-1', roles: ['head' as const] };
const archivist = { sub: 'arc-2', roles: ['archivist' as const] };

describe('appraisal approvals [E18]', () => {
  test('a head first, then an archivist; the order is not the other way round', () => {
    const fresh = { status: 'proposed' as const, approvals: [], proposedBy };
    expect(approvalRefusal(fresh, head)).toBeUndefined();
    expect(approvalRefusal(fresh, archivist)).toBe('a department head approves an appraisal first');
    const headed = { ...fresh, approvals: [{ by: { sub: 'head-1', name: '局长', role: 'head' as const }, at: '2026-01-01T00:00:00Z' }] };
    expect(approvalRefusal(headed, archivist)).toBeUndefined();
    expect(approvalRefusal(headed, { sub: 'head-2', roles: ['head' as const] })).toBe('an archivist approves an appraisal after the head');
  });

  test('nobody twice, never the proposer, nothing once it is decided', () => {
    const headed = { status: 'proposed' as const, approvals: [{ by: { sub: 'both', name: '兼任', role: 'head' as const }, at: '2026-01-01T00:00:00Z' }], proposedBy };
    expect(approvalRefusal(headed, { sub: 'both', roles: ['head', 'archivist'] })).toBe('nobody approves an appraisal twice');
    expect(approvalRefusal({ ...headed, approvals: [] }, { sub: 'arc-1', roles: ['head', 'archivist'] })).toBe('the archivist who proposed an appraisal does not approve it');
    expect(approvalRefusal({ ...headed, status: 'rejected' }, archivist)).toBe('the appraisal is rejected');
  });

  test('a head decides as head; the waiting period ends at its instant, not before', () => {
    expect([deciderRole(head), deciderRole(archivist), deciderRole({ roles: ['head', 'archivist'] })]).toEqual(['head', 'archivist', 'head']);
    const a = { destroyAfter: '2026-02-01T00:00:00.000Z' };
    expect([waitingOver(a, new Date('2026-01-31T23:59:59Z')), waitingOver(a, new Date('2026-02-01T00:00:00Z')), waitingOver({}, new Date())]).toEqual([false, true, false]);
  });
});
