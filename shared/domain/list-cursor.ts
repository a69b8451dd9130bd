import { Malformed } from './errors.ts';

/**
 * Cursors of the lists the platform derives instead of reading them page by page from an index (a
 * hall's slots, made from its hours): a position, bound to the list and to the query that made it. A
 * cursor of another list or query, or one this API did not make, is refused (400), never read as the
 * first page.
 */
export function encodeListCursor(list: string, query: string, position: string): string {
  return Buffer.from(JSON.stringify({ l: list, q: query, p: position })).toString('base64url');
}

/** Why a cursor is refused (400), every list alike. */
export const refuseCursor = (why: string) => new Malformed(`cursor is not one this API issued for this list: ${why}`, [{ path: 'cursor', message: 'invalid' }]);

/** What any cursor of this API holds: base64url of a small JSON object; anything else is refused before it is read. */
export function cursorDocument(cursor: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw refuseCursor('not base64url');
  try {
    return (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) ?? {}) as Record<string, unknown>;
  } catch {
    throw refuseCursor('not JSON');
  }
}

/** The position a cursor holds, when it is one of this list and query and its position has the list's shape. */
export function decodeListCursor(list: string, query: string, cursor: string | undefined, position: RegExp): string | undefined {
  if (cursor === undefined) return undefined;
  const { l, q, p } = cursorDocument(cursor);
  if (l !== list) throw refuseCursor('made for another list');
  if (q !== query) throw refuseCursor('made for another query');
  if (typeof p !== 'string' || !position.test(p)) throw refuseCursor('not a position of this list');
  return p;
}
