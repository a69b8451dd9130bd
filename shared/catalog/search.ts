import type { Matter } from '../domain/matter.ts';

/**
 * Catalog search over the published matters held in memory (N8: the catalog is published). A query
 * is split on white space; every term must occur in the name, keywords, department name or codes, so
 * `食品 经营` finds 食品经营许可 whatever the word order.
 */
export interface SearchQuery {
  q?: string;
  region?: string;
  dept?: string;
  type?: string;
}

/** The regions whose items a person in `region` can apply for: their county, their city, the province. */
export function visibleRegions(region: string): string[] {
  const province = `${region.slice(0, 2)}0000`;
  const city = `${region.slice(0, 4)}00`;
  return [...new Set([region, city, province])];
}

export function searchMatters(all: Matter[], query: SearchQuery): Matter[] {
  const terms = (query.q ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
  const regions = query.region ? new Set(visibleRegions(query.region)) : undefined;
  const hits: { m: Matter; rank: number }[] = [];
  for (const m of all) {
    if (m.status !== 'published') continue;
    if (regions && !regions.has(m.region)) continue;
    if (query.dept && m.dept !== query.dept) continue;
    if (query.type && m.type !== query.type) continue;
    const name = m.name.toLowerCase();
    const haystack = [name, ...m.keywords, m.deptName, m.code, m.baseCode].join(' ').toLowerCase();
    if (!terms.every((t) => haystack.includes(t))) continue;
    const whole = terms.join('');
    // exact name first, then names that start with the query, then names containing it, then the rest;
    // within a rank, the caller's own level first (county before city before province)
    let rank = name === whole ? 0 : name.startsWith(whole) ? 1 : name.includes(whole) ? 2 : 3;
    if (query.region) rank = rank * 10 + (m.region === query.region ? 0 : m.region.endsWith('0000') ? 2 : 1);
    hits.push({ m, rank });
  }
  return hits.sort((a, b) => a.rank - b.rank || a.m.code.localeCompare(b.m.code)).map((h) => h.m);
}
