import { listPublished, getMatter } from '#shared/catalog/catalog-store';
import { searchMatters } from '#shared/catalog/search';
import type { Matter } from '#shared/domain/matter';
import { apiHandler } from '#shared/http/api';
import { offsetPage, pageLimit } from '#shared/http/paging';
import { badRequest, notFound } from '#shared/http/problem';

// N8: the catalog is published; reads need no token. The published matters are held in memory and
// re-read at most every few minutes, so a search costs no database call.
const REFRESH_MS = 5 * 60_000;
let cache: { at: number; matters: Matter[] } | undefined;

async function published(): Promise<Matter[]> {
  if (!cache || Date.now() - cache.at > REFRESH_MS) cache = { at: Date.now(), matters: await listPublished() };
  return cache.matters;
}

const summary = (m: Matter) => ({
  code: m.code,
  baseCode: m.baseCode,
  name: m.name,
  type: m.type,
  level: m.level,
  dept: m.dept,
  deptName: m.deptName,
  region: m.region,
  regionName: m.regionName,
  promiseDays: m.promiseDays,
  legalDays: m.legalDays,
  onlineDepth: m.onlineDepth,
});

export const handler = apiHandler(async (req) => {
  if (req.path.code) {
    const m = await getMatter(decodeURIComponent(req.path.code));
    if (!m || m.status === 'cancelled') throw notFound(`there is no matter ${req.path.code}`);
    const { keywords, ...guide } = m;
    return { body: guide };
  }
  const { q, region, dept, type, cursor } = req.query;
  if (region && !/^\d{6}$/.test(region)) throw badRequest('region is a 6-digit region code', [{ path: 'region', message: 'six digits' }]);
  const hits = searchMatters(await published(), { q, region, dept, type });
  const page = offsetPage(hits, pageLimit(req.query), cursor);
  return { body: { items: page.items.map(summary), nextCursor: page.nextCursor } };
});
