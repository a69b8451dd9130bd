import type { BaseMatter, Level, MatterType, ProvincialDepartment } from '#shared/domain/matter';
import { baseMattersPart1, departmentsPart1 } from '#shared/catalog/base/part1';

/** The department keys part 1 owns (part 2 owns the others). */
const PART1_KEYS = ['SCJG', 'WSJK', 'ZJ', 'ZRZY', 'JT', 'SLT', 'NYNC', 'STHJ', 'WHLY', 'YJGL', 'YPJD', 'LYJ'];

/** Digits 3–4 of a base code: the matter type (政务服务事项编码规则). */
const TYPE_CODES: Record<MatterType, string> = {
  行政许可: '01',
  行政征收: '04',
  行政给付: '05',
  行政确认: '07',
  行政奖励: '08',
  行政裁决: '09',
  其他行政权力: '10',
  公共服务: '20',
};

const LEVELS: Level[] = ['province', 'city', 'county'];
const deptByKey = new Map<string, ProvincialDepartment>(departmentsPart1.map((d) => [d.key, d]));
const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
const isDays = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Every problem with one base matter, as sentences; [] when it is sound. */
function problemsOf(m: BaseMatter): string[] {
  const p: string[] = [];
  const dept = deptByKey.get(m.dept);
  if (!dept) p.push(`department ${m.dept} is not a part-1 department`);

  if (!/^00\d{10}$/.test(m.baseCode)) p.push(`base code ${m.baseCode} is not 12 digits starting 00`);
  // the demo's 药品零售企业许可 code keeps its type digits too, so this holds for every matter
  else if (m.baseCode.slice(2, 4) !== TYPE_CODES[m.type]) p.push(`base code ${m.baseCode} does not carry type code ${TYPE_CODES[m.type]} (${m.type})`);

  for (const f of ['name', 'conditions', 'fees', 'legalBasis'] as const) {
    if (typeof m[f] !== 'string' || m[f].trim() === '') p.push(`${f} is empty`);
  }
  if (!m.legalBasis.includes('《')) p.push('legal basis names no law or regulation');

  // time limits: working days, promise within the law, steps within the promise
  if (!isDays(m.legalDays)) p.push(`legalDays ${m.legalDays} is not a whole number ≥ 0`);
  if (!isDays(m.promiseDays)) p.push(`promiseDays ${m.promiseDays} is not a whole number ≥ 0`);
  if (m.promiseDays > m.legalDays) p.push(`promiseDays ${m.promiseDays} exceeds legalDays ${m.legalDays}`);
  if (m.steps.length === 0) p.push('no steps');
  if (!m.steps.every((s) => isDays(s.days) && s.name.trim() !== '')) p.push('a step has no name or a bad number of days');
  const stepDays = sum(m.steps.map((s) => s.days));
  if (stepDays > m.promiseDays) p.push(`steps take ${stepDays} days, more than the ${m.promiseDays} promised`);

  // levels, each with a counterpart department at that level
  if (m.levels.length === 0) p.push('no levels');
  if (new Set(m.levels).size !== m.levels.length) p.push('a level is listed twice');
  for (const level of m.levels) {
    if (!LEVELS.includes(level)) p.push(`unknown level ${level}`);
    if (level === 'city' && !dept?.cityName) p.push(`implemented at city level but ${m.dept} has no city counterpart`);
    if (level === 'county' && !dept?.countyName) p.push(`implemented at county level but ${m.dept} has no county counterpart`);
  }

  // materials
  if (m.materials.length < 2 || m.materials.length > 6) p.push(`${m.materials.length} materials, not 2–6`);
  const codes = m.materials.map((x) => x.code);
  if (new Set(codes).size !== codes.length) p.push('a material code is used twice');
  for (const mat of m.materials) {
    if (!/^M\d{2}$/.test(mat.code)) p.push(`material code ${mat.code} is not M01…M99`);
    if (mat.name.trim() === '') p.push(`material ${mat.code} has no name`);
    if (mat.waivable && mat.source === 'applicant') p.push(`material ${mat.code} is waivable but only the applicant holds it`);
    if (!mat.waivable && mat.source !== 'applicant') p.push(`material ${mat.code} comes from the ${mat.source} store but is not waivable`);
  }
  if (!m.materials.some((x) => x.required)) p.push('no required material');

  // handling items, keywords, local fields
  if (m.handlingItems.length === 0) p.push('no handling items');
  if (new Set(m.handlingItems).size !== m.handlingItems.length) p.push('a handling item is listed twice');
  if (m.handlingItems.some((h) => h.trim() === '')) p.push('a handling item is blank');
  if (m.keywords.length < 2 || m.keywords.length > 5) p.push(`${m.keywords.length} keywords, not 2–5`);
  if (!['permanent', '30y', '10y'].includes(m.retention)) p.push(`retention ${m.retention} is not a retention class`);
  if (m.maxVisits !== 0 && m.maxVisits !== 1) p.push(`maxVisits ${m.maxVisits} is not 0 or 1`);
  if (![1, 2, 3, 4].includes(m.onlineDepth)) p.push(`onlineDepth ${m.onlineDepth} is not 1–4`);
  for (const other of m.parallelWith ?? []) {
    if (other === m.dept) p.push('reviews in parallel with itself');
  }
  return p;
}

describe('common catalog part 1: provincial departments', () => {
  test('has the twelve part-1 departments, each once', () => {
    expect(departmentsPart1.map((d) => d.key).sort()).toEqual([...PART1_KEYS].sort());
  });

  test('every department is a 陕西省 department with a name', () => {
    for (const d of departmentsPart1) expect(d.name).toMatch(/^陕西省.+(局|厅|委员会)$/);
  });

  test('city and county counterparts are name patterns with the right placeholders', () => {
    for (const d of departmentsPart1) {
      if (d.cityName) expect(d.cityName).toContain('{city}');
      if (d.countyName) expect(d.countyName).toContain('{county}');
    }
  });

  test('药监 is province only: its city and county matters are the market regulators\'', () => {
    const ypjd = deptByKey.get('YPJD')!;
    expect(ypjd.cityName).toBeUndefined();
    expect(ypjd.countyName).toBeUndefined();
    expect(baseMattersPart1.filter((m) => m.dept === 'YPJD').every((m) => m.levels.join() === 'province')).toBe(true);
    const retail = baseMattersPart1.find((m) => m.name === '药品零售企业许可');
    expect(retail?.dept).toBe('SCJG');
  });
});

describe('common catalog part 1: base matters', () => {
  test('has at least 110 matters across at least 11 departments', () => {
    expect(baseMattersPart1.length).toBeGreaterThanOrEqual(110);
    expect(new Set(baseMattersPart1.map((m) => m.dept)).size).toBeGreaterThanOrEqual(11);
  });

  test('every department key is a known part-1 department, and every department has matters', () => {
    for (const m of baseMattersPart1) expect(PART1_KEYS).toContain(m.dept);
    for (const key of PART1_KEYS) expect(baseMattersPart1.some((m) => m.dept === key)).toBe(true);
  });

  test('base codes are unique', () => {
    const codes = baseMattersPart1.map((m) => m.baseCode);
    const dupes = codes.filter((c, i) => codes.indexOf(c) !== i);
    expect(dupes).toEqual([]);
  });

  test('names are unique within each department', () => {
    const seen = new Set<string>();
    const dupes: string[] = [];
    for (const m of baseMattersPart1) {
      const key = `${m.dept}/${m.name}`;
      if (seen.has(key)) dupes.push(key);
      seen.add(key);
    }
    expect(dupes).toEqual([]);
  });

  test('covers every level and more than one matter type: administrative-power matters and public services [N7]', () => {
    for (const level of LEVELS) expect(baseMattersPart1.some((m) => m.levels.includes(level))).toBe(true);
    const types = new Set(baseMattersPart1.map((m) => m.type));
    for (const t of ['行政许可', '行政确认', '行政给付', '行政奖励', '行政裁决', '其他行政权力', '公共服务'] as MatterType[]) {
      expect(types).toContain(t);
    }
  });

  test('a same-day matter (即办件) takes no days in any step', () => {
    for (const m of baseMattersPart1.filter((x) => x.promiseDays === 0)) {
      expect(m.steps.every((s) => s.days === 0)).toBe(true);
    }
  });

  test('matters do not share mutable arrays (the generator may copy and edit them)', () => {
    const arrays = baseMattersPart1.flatMap((m) => [m.levels, m.keywords, m.materials, m.steps, m.handlingItems]);
    expect(new Set(arrays).size).toBe(arrays.length);
    const materials = baseMattersPart1.flatMap((m) => m.materials);
    expect(new Set(materials).size).toBe(materials.length);
  });

  test.each(baseMattersPart1.map((m) => [`${m.baseCode} ${m.name}`, m] as const))('%s is sound', (_label, m) => {
    expect(problemsOf(m)).toEqual([]);
  });
});
