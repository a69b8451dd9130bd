import { badRequest } from './problem.ts';

/** API.md: `?limit=` defaults to 20, at most 100. */
export function pageLimit(query: Record<string, string>): number {
  if (query.limit === undefined) return 20;
  const n = Number(query.limit);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw badRequest('limit must be a whole number from 1 to 100', [{ path: 'limit', message: '1..100' }]);
  return n;
}

/** An opaque cursor over an in-memory list: the offset, base64url-encoded. */
export function offsetPage<T>(all: T[], limit: number, cursor?: string): { items: T[]; nextCursor: string | null } {
  let start = 0;
  if (cursor) {
    start = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) throw badRequest('cursor is not one this API issued', [{ path: 'cursor', message: 'invalid' }]);
  }
  const end = start + limit;
  return { items: all.slice(start, end), nextCursor: end < all.length ? Buffer.from(String(end)).toString('base64url') : null };
}
