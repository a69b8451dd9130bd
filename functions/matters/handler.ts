import { getMatter } from '#shared/adapters/dynamodb/catalog';
import { numberEnv } from '#shared/adapters/env';
import { searchIndex } from '#shared/adapters/search/index-loader';
import { regionByCode } from '#shared/catalog/regions';
import { BadCursorError } from '#shared/catalog/search-index';
import { apiHandler } from '#shared/http/handler';
import { pageLimit } from '#shared/http/paging';
import { badRequest, Problem } from '#shared/http/problem';

// [N8] the catalog is published; reads need no token. Search runs on the index the catalog publish
// built, held in memory (loaded once per cold start, re-pointed within a minute of a republish); the
// service guide of one matter is one GetItem. The pointer re-check is a conditional GET (304): cheap.
const RECHECK_MS = numberEnv('SEARCH_INDEX_RECHECK_SECONDS', 60) * 1000;

export const handler = apiHandler('matters', {
  'GET /v1/matters/{code}': async ({ path }) => {
    const m = await getMatter(path.code);
    if (!m || m.status === 'cancelled') throw new Problem(404, 'Not Found', `there is no matter ${path.code}`);
    const { keywords, ...guide } = m;
    return { body: guide };
  },
  'GET /v1/matters': async ({ query }) => {
    const { q, region, dept, type, cursor } = query;
    if (q && q.length > 100) throw badRequest('q is at most 100 characters', [{ path: 'q', message: 'too long' }]);
    if (region && !(/^\d{6}$/.test(region) && regionByCode(region)) && !(/^\d{9}$/.test(region) && regionByCode(region.slice(0, 6)))) {
      throw badRequest('region is a Shaanxi region code (6 digits) or township code (9 digits)', [{ path: 'region', message: 'unknown region' }]);
    }
    const { index } = await searchIndex(RECHECK_MS);
    try {
      const page = index.search({ q, region, dept, type, limit: pageLimit(query), cursor });
      return { body: { items: page.items.map(({ keywords, handlingItem, ...item }) => ({ ...item, ...(handlingItem ? { handlingItem } : {}) })), nextCursor: page.nextCursor, total: page.total } };
    } catch (err) {
      if (err instanceof BadCursorError) throw badRequest('cursor is not one this API issued for this query', [{ path: 'cursor', message: 'invalid' }], err);
      throw err;
    }
  },
});
