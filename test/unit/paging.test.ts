import { decodeCursor, encodeCursor, type CursorShape } from '#shared/adapters/dynamodb/cursor';
import { pageLimit } from '#shared/http/paging';
import { Problem, problemOf } from '#shared/http/problem';

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

describe('opaque cursors, bound to their list and caller (API.md: a cursor the API did not issue for that list and caller is 400)', () => {
  const mine = (sub: string): CursorShape => ({ list: 'cases.mine', attributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'], partition: { attribute: 'gsi1pk', value: `APPLICANT#${sub}` }, item: (pk, sk) => pk.startsWith('CASE#') && sk === 'CASE' });
  const tasks: CursorShape = { list: 'tasks.open', attributes: ['pk', 'sk', 'queuePk', 'queueSk'], partition: { attribute: 'queuePk', value: 'QUEUE#610113-XZSP' }, item: (pk, sk) => pk.startsWith('CASE#') && sk.startsWith('TASK#') };
  const position = { pk: 'CASE#ZW20260101AAAAAAAAAA', sk: 'CASE', gsi1pk: 'APPLICANT#c-1', gsi1sk: '2026-01-01T00:00:00.000Z#ZW20260101AAAAAAAAAA' };

  test('a cursor the list issued reads back as the position it was made from; the end of a list has none', () => {
    const cursor = encodeCursor(mine('c-1'), position)!;
    expect(decodeCursor(mine('c-1'), cursor)).toEqual(position);
    expect(encodeCursor(mine('c-1'), undefined)).toBeNull();
    expect(decodeCursor(mine('c-1'), undefined)).toBeUndefined();
  });

  test('a cursor is opaque: not the key in the clear', () => {
    const cursor = encodeCursor(mine('c-1'), position)!;
    expect(cursor).not.toContain('APPLICANT');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  const refusal = (fn: () => unknown): Problem => {
    try {
      fn();
    } catch (err) {
      return problemOf(err)!;
    }
    throw new Error('not refused');
  };

  test.each([
    ['garbage', () => 'not-a-cursor!'],
    ['base64 of nothing', () => Buffer.from('{}').toString('base64url')],
    ['a JSON that is not a position', () => Buffer.from(JSON.stringify({ l: 'cases.mine', k: [1, 2] })).toString('base64url')],
    ['another list’s cursor', () => encodeCursor(tasks, { pk: 'CASE#ZW1', sk: 'TASK#ZW1.A1', queuePk: 'QUEUE#610113-XZSP', queueSk: 'x' })!],
    ['another caller’s cursor of the same list', () => encodeCursor(mine('c-2'), { ...position, gsi1pk: 'APPLICANT#c-2' })!],
    ['a position with an extra attribute', () => encodeCursor(mine('c-1'), { ...position, pubPk: 'x' })!],
    ['a position whose table key is not of the list', () => encodeCursor(mine('c-1'), { ...position, sk: 'EVENT#000001' })!],
    ['a position with a number where a string belongs', () => encodeCursor(mine('c-1'), { ...position, gsi1sk: 5 })!],
  ])('%s is a 400 naming the cursor', (_what, make) => {
    const p = refusal(() => decodeCursor(mine('c-1'), make()));
    expect(p.status).toBe(400);
    expect(p.errors?.[0].path).toBe('cursor');
  });
});

describe('cursors of lists read by a key prefix (alerts, follow-ups [N20] [N21])', () => {
  const alerts = (within: string): CursorShape => ({ list: 'alerts.open', attributes: ['pk', 'sk', 'queuePk', 'queueSk'], partition: { attribute: 'queuePk', value: 'ALERTS#open' }, item: (pk, sk) => pk.startsWith('CASE#') && sk.startsWith('ALERT#'), within: { attribute: 'queueSk', prefix: within } });
  const at = { pk: 'CASE#ZW20260101AAAAAAAAAA', sk: 'ALERT#timeliness.case_overdue#', queuePk: 'ALERTS#open', queueSk: '610113-XZSP#2026-01-05T02:00:00.000Z#x' };
  test('a position inside the prefix reads back; one the province’s list gave is refused for a department outside it, not handed to DynamoDB to fail on', () => {
    const cursor = encodeCursor(alerts('61'), at)!;
    expect(decodeCursor(alerts('6101'), cursor)).toEqual(at);
    expect(decodeCursor(alerts('610113-XZSP#'), cursor)).toEqual(at);
    const p = refusal(() => decodeCursor(alerts('610104-XZSP#'), cursor));
    expect(problemOf(p)?.status).toBe(400);
    expect(String((p as Error).message)).toContain('another region or department');
  });
});
