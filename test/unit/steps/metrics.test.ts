import { countsOf, figuresOf, rollUp } from '#shared/domain/business-metrics';
import { Forbidden, Malformed } from '#shared/domain/errors';
import { evaluate } from '#shared/domain/steps/applicant-actions';
import { readMetrics } from '#shared/domain/steps/metrics';
import { monitorSteps } from '#shared/domain/steps/supervision';
import { memoryPorts, type MemoryPorts } from '../support/memory-ports';
import { citizen, completedCase, FOOD_DEPT, PEOPLE, refusal, seedCatalog, staff } from '../support/fixtures';

/** The business figures [N20] [N21]: each step counted once, per day, department and channel, rolled up county → city → province. */
const supervisor = (region: string) => staff('sup-1', 'supervisor', `${region}-ZWFW`, { region });
/** what the stream hands over: every step of every case, once (or twice, as a redelivery would) */
async function monitorAll(ports: MemoryPorts, times = 1) {
  for (let i = 0; i < times; i++) for (const [caseId, f] of ports.state.cases) await monitorSteps(ports, caseId, f.events.map((e) => e.seq));
}

describe('counting the steps', () => {
  test('a department’s counts go to its county, the county’s to its city, the city’s to the province', () => {
    expect(rollUp('610113-XZSP')).toEqual([
      { region: '610113', entry: 'DEPT#610113-XZSP' },
      { region: '610100', entry: 'REGION#610113' },
      { region: '610000', entry: 'REGION#610100' },
    ]);
    expect(rollUp('610100-SCJG')).toEqual([
      { region: '610100', entry: 'DEPT#610100-SCJG' },
      { region: '610000', entry: 'REGION#610100' },
    ]);
    expect(rollUp('610000-ZWFW')).toEqual([{ region: '610000', entry: 'DEPT#610000-ZWFW' }]);
    expect(rollUp('610113001-MZ')[0]).toEqual({ region: '610113', entry: 'DEPT#610113001-MZ' });
  });

  test('the figures from the counts: rates and averages, none where nothing was decided', () => {
    expect(figuresOf({})).toMatchObject({ submitted: 0, onTimeRate: null, avgWorkingDays: null, evaluations: { count: 0, average: null, bad: 0 } });
    expect(figuresOf({ completed: 4, onTime: 3, overdue: 1, workingDays: 10, evaluations: 2, scoreSum: 7, bad: 1 })).toMatchObject({ onTimeRate: 0.75, avgWorkingDays: 2.5, evaluations: { count: 2, average: 3.5, bad: 1 } });
  });

  test('a completed and evaluated case counts submitted, accepted, completed on time, its working days and its evaluation; a redelivery counts nothing again', async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    const caseId = await completedCase(ports);
    await evaluate(ports, citizen(PEOPLE.wang), caseId, { score: 2 });
    const f = ports.state.cases.get(caseId)!;
    expect(countsOf(f.events.find((e) => e.action === 'unified_return')!, f.case, ports.calendar)).toMatchObject({ dept: FOOD_DEPT, channel: 'online', counts: { completed: 1, onTime: 1, workingDays: expect.any(Number) } });
    await monitorAll(ports, 2);
    const day = f.case.submittedAt.slice(0, 10);
    const m = await readMetrics(ports, supervisor('610000'), { from: day, to: '2026-12-31' });
    expect(m).toMatchObject({ region: '610000', submitted: 1, accepted: 1, completed: 1, onTime: 1, overdue: 0, onTimeRate: 1, evaluations: { count: 1, average: 2, bad: 1 } });
    // the same at every level, and for the department
    for (const [who, req] of [
      [supervisor('610100'), {}],
      [supervisor('610113'), {}],
      [supervisor('610113'), { dept: FOOD_DEPT }],
    ] as const)
      expect(await readMetrics(ports, who, { from: day, to: '2026-12-31', ...req })).toMatchObject({ submitted: 1, completed: 1 });
  });
});

describe('GET /v1/supervision/metrics', () => {
  const setup = async () => {
    const ports = memoryPorts();
    seedCatalog(ports);
    await completedCase(ports);
    await completedCase(ports, { decision: 'approve' }, PEOPLE.chen);
    await monitorAll(ports);
    return { ports, day: ports.clock.now().toISOString().slice(0, 10) };
  };

  test('by region the province shows its cities (and its own departments as 本级), by dept a county its departments, by channel and by day', async () => {
    const { ports, day } = await setup();
    const q = { from: '2026-01-01', to: '2026-12-31' };
    const byRegion = await readMetrics(ports, supervisor('610000'), { ...q, by: 'region' });
    expect(byRegion).toMatchObject({ submitted: 2, groups: [expect.objectContaining({ key: '610100', name: '西安市', submitted: 2 })] });
    const byDept = await readMetrics(ports, supervisor('610113'), { ...q, by: 'dept' });
    expect(byDept.groups).toEqual([expect.objectContaining({ key: FOOD_DEPT, submitted: 2, completed: 2 })]);
    const byChannel = await readMetrics(ports, supervisor('610113'), { ...q, by: 'channel' });
    expect(byChannel.groups!.map((g) => [g.key, g.submitted])).toEqual([['online', 2], ['window', 0], ['agent', 0], ['kiosk', 0]]);
    const byDay = await readMetrics(ports, supervisor('610113'), { ...q, by: 'day' });
    expect(byDay.groups!.map((g) => g.key)).toEqual([day]);
    // another region sees none of it; a period without the day neither
    expect(await readMetrics(ports, supervisor('610000'), { ...q, region: '610104' })).toMatchObject({ submitted: 0 });
    expect(await readMetrics(ports, supervisor('610113'), { from: '2026-01-01', to: '2026-01-31' })).toMatchObject({ submitted: 0 });
  });

  test('bad input: a period missing, reversed, longer than a year or not days; an unknown region, department or grouping; outside the token’s region; not a supervisor', async () => {
    const { ports } = await setup();
    const sup = supervisor('610113');
    for (const req of [{}, { from: '2026-01-01' }, { from: '2026-02-01', to: '2026-01-01' }, { from: '2025-01-01', to: '2026-12-31' }, { from: '2026-02-30', to: '2026-03-01' }, { from: '2026-01-01', to: '2026-01-31', by: 'hour' }, { from: '2026-01-01', to: '2026-01-31', region: '619999' }, { from: '2026-01-01', to: '2026-01-31', dept: '610113-NOPE' }, { from: '2026-01-01', to: '2026-01-31', region: '610104', dept: FOOD_DEPT }])
      expect([req, await refusal(readMetrics(ports, sup, req))]).toEqual([req, expect.any(Malformed)]);
    expect(await refusal(readMetrics(ports, sup, { from: '2026-01-01', to: '2026-01-31', region: '610104' }))).toBeInstanceOf(Forbidden);
    expect(await refusal(readMetrics(ports, sup, { from: '2026-01-01', to: '2026-01-31', dept: '610104-XZSP' }))).toBeInstanceOf(Forbidden);
    expect(await refusal(readMetrics(ports, staff('h', 'head', FOOD_DEPT), { from: '2026-01-01', to: '2026-01-31' }))).toBeInstanceOf(Forbidden);
  });
});
