import { appealRights } from '#shared/domain/rules/n14-appeal-rights';
import { memoryPorts } from '../support/memory-ports';
import { completedCase, PEOPLE, seedCatalog } from '../support/fixtures';
import { checkOf } from '../support/supervision';

/** 救济权利告知 [N14]: a notice that decides against the applicant states the rights of review and litigation. */
describe('content.appeal_rights', () => {
  test('a denial’s decision states them in its content; an approval need not; a denial without them is found', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const denied = await completedCase(ports, { decision: 'deny', reason: '不符合条件' });
    const check = checkOf(ports, denied);
    expect(check.file.notices.find((n) => n.kind === 'decision')!.body).toMatchObject({ outcome: 'denied', rights: expect.stringContaining('行政复议') });
    expect(appealRights.check(check)).toEqual([]);
    expect(appealRights.check(checkOf(ports, await completedCase(ports, { decision: 'approve' }, PEOPLE.chen)))).toEqual([]);
    const stripped = checkOf(ports, denied, undefined, (f) => ({ ...f, notices: f.notices.map((n) => (n.kind === 'decision' ? { ...n, body: { ...n.body, rights: undefined } } : n)) }));
    expect(appealRights.check(stripped)).toEqual([expect.objectContaining({ ruleId: 'content.appeal_rights', subject: expect.stringMatching(/\.N\d+$/) })]);
  });
});
