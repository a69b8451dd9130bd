import { extensionApproval } from '#shared/domain/rules/n20-extension-approval';
import { memoryPorts } from '../support/memory-ports';
import { completedCase, seedCatalog } from '../support/fixtures';
import { checkOf } from '../support/supervision';

/** 违规延期 [N20]: an extension by the head, once, of at most ten working days (行政许可法 第四十二条). */
describe('legality.extension', () => {
  test('the head’s one extension of 5 days is lawful; one by a handler, of 15 days, or a second, is found', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const caseId = await completedCase(ports);
    const ext = (seq: number, role: 'head' | 'handler', days: number) => ({ seq, at: '2026-06-03T02:00:00Z', actor: { sub: 's', name: '某', role }, action: 'extend', from: 'in_review' as const, to: 'in_review' as const, detail: { days }, hash: 'h', prevHash: 'p' });
    expect(extensionApproval.check(checkOf(ports, caseId, undefined, (f) => ({ ...f, events: [...f.events, ext(40, 'head', 5)] })))).toEqual([]);
    const found = extensionApproval.check(checkOf(ports, caseId, undefined, (f) => ({ ...f, events: [...f.events, ext(40, 'handler', 15), ext(41, 'head', 3)] })));
    expect(found.map((x) => [x.subject, x.detail])).toEqual([
      ['40', expect.stringMatching(/handler.*延长 15/)],
      ['41', expect.stringContaining('再次延长')],
    ]);
  });
});
