import { dayAfter } from '#shared/domain/calendar';
import { Forbidden, Malformed, NotFound } from '#shared/domain/errors';
import { GUIDE_RULE, SUPERVISION_RULES } from '#shared/domain/supervision';
import { completeTask } from '#shared/domain/steps/complete-task';
import { issueResult } from '#shared/domain/steps/unified-return';
import { regionCodePrefix } from '#shared/domain/rules/n4-region-scope';
import { listAlerts, listRules, superviseCase, sweepAlerts } from '#shared/domain/steps/supervision';
import { memoryPorts } from '../support/memory-ports';
import { caseInReview, citizen, FOOD_DEPT, PEOPLE, refusal, seedCatalog, staff } from '../support/fixtures';

/** 电子监察 [N20]: alerts raised once, cleared when their cause goes, kept; the sweeper reads only what is due. */
const setup = async () => {
  const ports = memoryPorts();
  seedCatalog(ports);
  const caseId = await caseInReview(ports);
  return { ports, caseId, c: ports.state.cases.get(caseId)!.case };
};
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
const supervisor = (region = '610113') => staff('sup-1', 'supervisor', `${region}-ZWFW`, { region });

describe('supervising a case', () => {
  test('an overdue case is red once, however often it is looked at; it is cleared, and kept, when the case is decided', async () => {
    const { ports, caseId, c } = await setup();
    const late = at(dayAfter(c.deadline!));
    const first = await superviseCase(ports, caseId, late);
    expect(first.raised).toEqual(expect.arrayContaining([`${caseId}~timeliness.case_overdue`]));
    expect((await superviseCase(ports, caseId, late)).raised).toEqual([]);
    expect([...ports.state.alerts.values()].filter((a) => a.rule === 'timeliness.case_overdue')).toHaveLength(1);
    expect(ports.seen.alerts).toContain('red/timeliness');
    for (const t of ports.state.cases.get(caseId)!.tasks.filter((x) => x.kind === 'review' && x.status === 'open')) await completeTask(ports, staff(`h-${t.dept}`, 'handler', t.dept), t.taskId, { decision: 'approve' });
    // decided by every department, the review alerts go; the case is overdue until its result is out
    expect((await superviseCase(ports, caseId, late)).cleared).toEqual([`${caseId}~timeliness.review_late~${caseId}.R1`]);
    await issueResult(ports, caseId);
    const after = await superviseCase(ports, caseId, late);
    expect(after.cleared).toContain(`${caseId}~timeliness.case_overdue`);
    expect(ports.state.alerts.get(`${caseId}~timeliness.case_overdue`)).toMatchObject({ status: 'cleared', clearedAt: late.toISOString(), raisedAt: late.toISOString(), level: 'red', article: '[N20]', dept: FOOD_DEPT, region: '610113' });
    // cleared is not raised again by a later look
    expect((await superviseCase(ports, caseId, late)).raised).toEqual([]);
  });

  test('the watch day is the next one on which time alone changes a finding; the sweeper reads only the cases due, and each once', async () => {
    const { ports, caseId, c } = await setup();
    const r = await superviseCase(ports, caseId, at(c.acceptedAt!.slice(0, 10)));
    expect(r.raised).toEqual([]);
    const watch = ports.state.watches.get(caseId)!.date!;
    expect(watch > c.acceptedAt!.slice(0, 10)).toBe(true);
    // the day before: nothing due, nothing read
    ports.setNow(at(new Date(Date.parse(`${watch}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)));
    expect((await sweepAlerts(ports)).looked).toEqual([]);
    ports.setNow(at(watch));
    const swept = await sweepAlerts(ports);
    expect(swept.looked).toEqual([caseId]);
    expect(swept.raised.length).toBeGreaterThan(0);
    // looked at, its watch moved on: the same day's next sweep reads nothing
    expect(ports.state.watches.get(caseId)!.date! > watch).toBe(true);
    expect((await sweepAlerts(ports)).looked).toEqual([]);
  });

  test('a reading of an older version of the case never moves its watch back', async () => {
    const { ports, caseId } = await setup();
    await ports.alerts.watch(caseId, 10, '2026-07-01');
    await ports.alerts.watch(caseId, 9, '2026-06-02');
    expect(ports.state.watches.get(caseId)).toEqual({ version: 10, date: '2026-07-01' });
  });

  test('a look that leaves the watch day as it was writes nothing', async () => {
    const { ports, caseId } = await setup();
    const watch = ports.alerts.watch.bind(ports.alerts);
    const writes: (string | undefined)[] = [];
    ports.alerts.watch = async (id, v, date) => {
      writes.push(date);
      return watch(id, v, date);
    };
    await superviseCase(ports, caseId);
    await superviseCase(ports, caseId);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toBe(ports.state.watches.get(caseId)!.date);
  });

  test('a case that is not there is nothing to supervise', async () => {
    const { ports } = await setup();
    expect(await superviseCase(ports, 'ZW20260601AAAAAAAAAA')).toEqual({ caseId: 'ZW20260601AAAAAAAAAA', raised: [], cleared: [] });
  });
});

describe('GET /v1/supervision/rules and /alerts', () => {
  test('every rule with its id, level, category, phase and article; for supervisors and staff, not citizens', async () => {
    const { ports } = await setup();
    const { items } = await listRules(ports, supervisor());
    expect(items.map((r) => r.ruleId)).toEqual([GUIDE_RULE, ...SUPERVISION_RULES].map((r) => r.ruleId));
    for (const r of items) expect(r).toEqual({ ruleId: expect.stringMatching(/^(timeliness|legality|completeness|content)\./), level: expect.stringMatching(/^(yellow|red)$/), category: r.ruleId.split('.')[0], phase: expect.any(String), article: expect.stringMatching(/^\[[NHE]\d+\]$/), description: expect.any(String) });
    expect(new Set(items.map((r) => r.ruleId)).size).toBe(items.length);
    expect((await listRules(ports, staff('h', 'handler', FOOD_DEPT))).items.length).toBe(items.length);
    expect(await refusal(listRules(ports, citizen(PEOPLE.wang)))).toBeInstanceOf(Forbidden);
  });

  test('a supervisor lists the open alerts of their region, a region or department below it, by level; nothing outside it', async () => {
    const { ports, caseId, c } = await setup();
    await superviseCase(ports, caseId, at(dayAfter(c.deadline!)));
    const mine = await listAlerts(ports, supervisor(), {}, { limit: 20 });
    expect(mine.items.map((a) => a.rule)).toEqual(expect.arrayContaining(['timeliness.case_overdue']));
    expect((await listAlerts(ports, supervisor('610000'), { region: '610100' }, { limit: 20 })).items.length).toBe(mine.items.length);
    expect((await listAlerts(ports, supervisor('610000'), { dept: FOOD_DEPT, level: 'red' }, { limit: 20 })).items.every((a) => a.level === 'red' && a.dept === FOOD_DEPT)).toBe(true);
    expect((await listAlerts(ports, supervisor('610000'), { region: '610104' }, { limit: 20 })).items).toEqual([]);
    expect((await listAlerts(ports, supervisor(), { status: 'cleared' }, { limit: 20 })).items).toEqual([]);
    expect(await refusal(listAlerts(ports, supervisor(), { region: '610104' }, { limit: 20 }))).toBeInstanceOf(Forbidden);
    expect(await refusal(listAlerts(ports, supervisor('610100'), { region: '610113', dept: '610104-XZSP' }, { limit: 20 }))).toBeInstanceOf(Forbidden);
    expect(await refusal(listAlerts(ports, supervisor(), { region: '619999' }, { limit: 20 }))).toBeInstanceOf(Malformed);
    expect(await refusal(listAlerts(ports, supervisor(), { dept: '610113-NOPE' }, { limit: 20 }))).toBeInstanceOf(Malformed);
    expect(await refusal(listAlerts(ports, staff('h', 'handler', FOOD_DEPT), {}, { limit: 20 }))).toBeInstanceOf(Forbidden);
    void NotFound;
  });

  test('a region is the prefix of the codes below it', () => {
    expect([regionCodePrefix('610000'), regionCodePrefix('610100'), regionCodePrefix('610113')]).toEqual(['61', '6101', '610113']);
  });
});
