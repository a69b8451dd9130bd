/**
 * 行政区划代码: a region includes everything below it — the province (610000) every city and county
 * of Shaanxi, a city (610100) its districts and counties, a county itself and its townships (9-digit
 * 乡镇 codes begin with their county's). A supervisor or archivist acts within their region [N4].
 */
export function regionContains(outer: string | undefined, inner: string | undefined): boolean {
  if (!outer || !inner || !/^\d{6}$/.test(outer) || !/^\d{6}(\d{3})?$/.test(inner)) return false;
  return inner.startsWith(regionCodePrefix(outer));
}

/** A region's code as the prefix of every code below it: 610000 → 61, 610100 → 6101, 610113 → 610113. */
export const regionCodePrefix = (region: string) => (region.endsWith('0000') ? region.slice(0, 2) : region.endsWith('00') ? region.slice(0, 4) : region);
