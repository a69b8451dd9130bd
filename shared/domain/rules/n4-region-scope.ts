/**
 * 行政区划代码: a region includes everything below it — the province (610000) every city and county
 * of Shaanxi, a city (610100) its districts and counties, a county itself and its townships (9-digit
 * 乡镇 codes begin with their county's). A supervisor or archivist acts within their region [N4].
 */
export function regionContains(outer: string | undefined, inner: string | undefined): boolean {
  if (!outer || !inner || !/^\d{6}$/.test(outer) || !/^\d{6}(\d{3})?$/.test(inner)) return false;
  const prefix = outer.endsWith('0000') ? outer.slice(0, 2) : outer.endsWith('00') ? outer.slice(0, 4) : outer;
  return inner.startsWith(prefix);
}
