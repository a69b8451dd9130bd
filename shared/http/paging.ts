import type { PageRequest } from '../domain/ports.ts';
import { badRequest } from './problem.ts';

/** API.md: `?limit=` defaults to 20, at most 100. */
export function pageLimit(query: Record<string, string>): number {
  if (query.limit === undefined) return 20;
  const n = Number(query.limit);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw badRequest('limit must be a whole number from 1 to 100', [{ path: 'limit', message: '1..100' }]);
  return n;
}

/** A list's page as the query asks for it; the cursor is checked by the list that issued it. */
export const pageOf = (query: Record<string, string>): PageRequest => ({ limit: pageLimit(query), ...(query.cursor !== undefined ? { cursor: query.cursor } : {}) });
