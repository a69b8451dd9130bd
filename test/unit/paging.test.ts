import { offsetPage, pageLimit } from '#shared/http/paging';
import { Problem } from '#shared/http/problem';

function refusal(fn: () => unknown): Problem {
  try {
    fn();
  } catch (err) {
    return err as Problem;
  }
  throw new Error('not refused');
}

describe('page size (?limit=, API.md: default 20, at most 100)', () => {
  test('no limit means 20', () => {
    expect(pageLimit({})).toBe(20);
  });

  test.each([['1', 1], ['50', 50], ['100', 100]])('limit=%s is %d', (given, n) => {
    expect(pageLimit({ limit: given })).toBe(n);
  });

  test.each(['0', '101', '-1', '2.5', 'abc', ''])('limit=%j is a 400 naming the limit parameter', (given) => {
    const p = refusal(() => pageLimit({ limit: given }));
    expect(p).toBeInstanceOf(Problem);
    expect(p.status).toBe(400);
    expect(p.errors?.[0].path).toBe('limit');
  });
});

describe('opaque cursors over a list', () => {
  const all = Array.from({ length: 45 }, (_, i) => i);

  test('walking the cursors returns every item once, in order, and ends with a null cursor', () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = offsetPage(all, 20, cursor);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      pages++;
      if (page.nextCursor) expect(page.items).toHaveLength(20);
    } while (cursor);
    expect(seen).toEqual(all);
    expect(pages).toBe(3);
  });

  test('a list that fits in one page has no next cursor', () => {
    expect(offsetPage([1, 2, 3], 20)).toEqual({ items: [1, 2, 3], nextCursor: null });
    expect(offsetPage(all.slice(0, 20), 20).nextCursor).toBeNull();
    expect(offsetPage([], 20)).toEqual({ items: [], nextCursor: null });
  });

  test('a cursor is opaque: not a bare number', () => {
    const { nextCursor } = offsetPage(all, 10);
    expect(nextCursor).not.toBeNull();
    expect(nextCursor).not.toMatch(/^\d+$/);
    expect(offsetPage(all, 10, nextCursor!).items[0]).toBe(10);
  });

  test.each([
    ['garbage', 'not-a-cursor!'],
    ['a negative offset', Buffer.from('-5').toString('base64url')],
    ['a fractional offset', Buffer.from('1.5').toString('base64url')],
  ])('%s is a 400 naming the cursor', (_what, cursor) => {
    const p = refusal(() => offsetPage(all, 10, cursor));
    expect(p.status).toBe(400);
    expect(p.errors?.[0].path).toBe('cursor');
  });
});
