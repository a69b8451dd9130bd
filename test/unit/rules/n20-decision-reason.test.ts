import { decisionReason } from '#shared/domain/rules/n20-decision-reason';
import { memoryPorts } from '../support/memory-ports';
import { completedCase, seedCatalog } from '../support/fixtures';
import { checkOf } from '../support/supervision';

/** 决定说理 [N20]: rejections, returns, denials and corrections say why; a correction names what it asks for. */
describe('legality.reason', () => {
  test('a denial as the platform records it carries its reason; one without, or a correction with no list, is found', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const caseId = await completedCase(ports, { decision: 'deny', reason: '经营场所不符合要求' });
    const denied = checkOf(ports, caseId);
    expect(denied.file.events.find((e) => e.action === 'review_deny')!.detail).toMatchObject({ reason: '经营场所不符合要求' });
    expect(decisionReason.check(denied)).toEqual([]);
    const bare = checkOf(ports, caseId, undefined, (f) => ({
      ...f,
      events: [...f.events.map((e) => (e.action === 'review_deny' ? { ...e, detail: { ...e.detail, reason: '  ' } } : e)), { ...f.events[0], seq: 50, action: 'request_correction', detail: { reason: '材料不全', missing: [] } }],
    }));
    expect(decisionReason.check(bare).map((x) => [x.subject, x.detail])).toEqual([
      [expect.any(String), expect.stringContaining('理由')],
      ['50', expect.stringContaining('所需补正材料')],
    ]);
  });
});
