import { breakdownOf, defaultPeriod, drill, drillable, hallRow, headline, levelOf, metricsQuery, rate, row, shanghaiToday, timelinessOption, type Figures, type Group } from '../../../web/supervision/view.ts';

/**
 * What the supervision page prints [N20] [N21]: each figure of the metrics answer once, shares with one
 * decimal and a dash where nothing was decided, a click down from the province to a county's
 * departments and back, and the period a supervisor first sees.
 */
const figures = (over: Partial<Figures> = {}): Figures => ({
  submitted: 1234,
  accepted: 1200,
  correctionRequested: 30,
  rejected: 4,
  returned: 2,
  completed: 1100,
  onTime: 1097,
  overdue: 3,
  onTimeRate: 0.99727,
  avgWorkingDays: 3.5,
  evaluations: { count: 800, average: 4.81, bad: 7 },
  appointments: { booked: 320, cancelled: 12, checkedIn: 290, noShows: 18, served: 270, avgWaitMinutes: 6.4 },
  ...over,
});
const group = (key: string, name: string, over: Partial<Figures> = {}): Group => ({ key, name, ...figures(over) });

describe('the headline figures', () => {
  test('every figure of the answer, printed as the page shows it; overdue and 差评 ask for attention when not zero', () => {
    const tiles = headline(figures());
    expect(Object.fromEntries(tiles.map((t) => [t.key, t.value]))).toEqual({
      submitted: '1,234',
      accepted: '1,200',
      correctionRequested: '30',
      rejected: '4',
      returned: '2',
      completed: '1,100',
      onTime: '1,097',
      overdue: '3',
      onTimeRate: '99.7%',
      avgWorkingDays: '3.50',
      evaluations: '800',
      evaluationAverage: '4.81',
      bad: '7',
      booked: '320',
      checkedIn: '290',
      noShows: '18',
      avgWaitMinutes: '6.4',
    });
    expect(tiles.filter((t) => t.warn).map((t) => t.key)).toEqual(['overdue', 'bad']);
    expect(headline(figures({ overdue: 0, evaluations: { count: 0, average: null, bad: 0 } })).filter((t) => t.warn)).toEqual([]);
  });

  test('nothing decided yet is a dash, not 0% (a county with no closed case is not failing)', () => {
    expect(rate(null)).toBe('—');
    expect(rate(0)).toBe('0.0%');
    expect(rate(1)).toBe('100.0%');
    const t = headline(figures({ onTimeRate: null, avgWorkingDays: null, evaluations: { count: 0, average: null, bad: 0 } }));
    expect(t.filter((x) => ['onTimeRate', 'avgWorkingDays', 'evaluationAverage'].includes(x.key)).map((x) => x.value)).toEqual(['—', '—', '—']);
  });

  test('a hall’s row [H20]: bookings, cancelled, check-ins, no-shows, cases filed from bookings, the average wait (a dash with nobody called)', () => {
    expect(hallRow(group('610113001', '小寨路街道便民服务站'))).toEqual(['小寨路街道便民服务站', '320', '12', '290', '18', '270', '6.4']);
    expect(hallRow(group('610113', '雁塔区政务服务中心', { appointments: { booked: 0, cancelled: 0, checkedIn: 0, noShows: 0, served: 0, avgWaitMinutes: null } })).at(-1)).toBe('—');
  });

  test('a breakdown row: name, volumes, on time, overdue, rate and 差评', () => {
    expect(row(group('610100', '西安市'))).toEqual(['西安市', '1,234', '1,200', '1,100', '1,097', '3', '99.7%', '7']);
  });
});

describe('drill-down from the province to a county', () => {
  test('regions by level: the province, a city (and 杨凌示范区), a county', () => {
    expect([levelOf('610000'), levelOf('610100'), levelOf('610403'), levelOf('610113')]).toEqual(['province', 'city', 'city', 'county']);
  });

  test('the province and a city are broken down by the regions below them; a county, and 杨凌示范区 (its own only county), by department', () => {
    expect([breakdownOf('610000'), breakdownOf('610100'), breakdownOf('610113'), breakdownOf('610403')]).toEqual(['region', 'region', 'dept', 'dept']);
  });

  test('a region below can be clicked into; the region’s own departments (本级) and a department cannot', () => {
    const m = { region: '610100' };
    expect([drillable(m, { key: '610113' }), drillable(m, { key: '610100' }), drillable(m, { key: '610113-XZSP' })]).toEqual([true, false, false]);
  });

  test('the breadcrumb grows with each click down and is cut back by a click on a region above', () => {
    const sx = { region: '610000', name: '陕西省' };
    const xa = { region: '610100', name: '西安市' };
    const yt = { region: '610113', name: '雁塔区' };
    const path = drill(drill([sx], xa), yt);
    expect(path).toEqual([sx, xa, yt]);
    expect(drill(path, sx)).toEqual([sx]);
    expect(drill(path, xa)).toEqual([sx, xa]);
  });
});

describe('the period and the queries', () => {
  test('the page opens on this month so far, in China Standard Time', () => {
    expect(defaultPeriod('2026-12-02')).toEqual({ from: '2026-12-01', to: '2026-12-02' });
    // 17:53 UTC on 1 December is 01:53 on 2 December in Xi’an
    expect(shanghaiToday(new Date('2026-12-01T17:53:00Z'))).toBe('2026-12-02');
  });

  test('the metrics query names the period, the region and the breakdown', () => {
    expect(metricsQuery({ from: '2026-12-01', to: '2026-12-02', region: '610000' }, 'region')).toBe('from=2026-12-01&to=2026-12-02&region=610000&by=region');
    expect(metricsQuery({ from: '2026-12-01', to: '2026-12-02', region: '610113' })).toBe('from=2026-12-01&to=2026-12-02&region=610113');
  });

  test('the timeliness chart stacks on time over overdue per group and draws the rate in percent (a gap where nothing was decided)', () => {
    const o = timelinessOption([group('610100', '西安市'), group('610200', '铜川市', { onTime: 0, overdue: 0, onTimeRate: null })]) as any;
    expect(o.xAxis.data).toEqual(['西安市', '铜川市']);
    expect(o.series.map((s: any) => [s.name, s.data])).toEqual([
      ['按时办结', [1097, 0]],
      ['超期办结', [3, 0]],
      ['按时办结率', [99.7, null]],
    ]);
  });
});
