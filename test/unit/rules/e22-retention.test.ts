import { archiveLock, legalHoldFor, LOCK_HORIZON, lockDifferences, RETENTION_YEARS, retainUntil } from '#shared/domain/rules/e22-retention';

describe('retention periods (保管期限) [E22] and legal hold [E26]', () => {
  test('a 10-year file closed in 2025 is kept until 1 January 2036 (counted from 1 January of the next year)', () => {
    expect(retainUntil('2025-06-15T10:00:00.000Z', '10y').toISOString()).toBe('2036-01-01T00:00:00.000Z');
  });

  test('a 30-year file closed in 2025 is kept until 1 January 2056', () => {
    expect(retainUntil('2025-06-15T10:00:00.000Z', '30y').toISOString()).toBe('2056-01-01T00:00:00.000Z');
  });

  test('a permanent file is locked as far ahead as every store can hold (2106, RGW’s 32-bit seconds), and by its legal hold beyond', () => {
    expect(RETENTION_YEARS.permanent).toBe(100);
    expect(retainUntil('2025-06-15T10:00:00.000Z', 'permanent').toISOString()).toBe('2106-01-01T00:00:00.000Z');
    // the horizon is below 2^32 seconds, where RGW wraps a date round to 1970
    expect(LOCK_HORIZON.getTime() / 1000).toBeLessThan(2 ** 32);
    expect(archiveLock('2025-06-15T10:00:00.000Z', 'permanent')).toEqual({ mode: 'COMPLIANCE', retainUntil: '2106-01-01T00:00:00.000Z', legalHold: true });
    // a 30-year file closed late in the century is capped too, never wrapped
    expect(retainUntil('2090-06-15T10:00:00.000Z', '30y')).toEqual(LOCK_HORIZON);
  });

  test('a lock read back is compared with the lock asked for: mode, retain-until to the second, legal hold', () => {
    const asked = archiveLock('2025-06-15T10:00:00.000Z', 'permanent');
    expect(lockDifferences(asked, { mode: 'COMPLIANCE', retainUntil: '2106-01-01T00:00:00Z', legalHold: true })).toEqual([]);
    expect(lockDifferences(asked, { mode: 'COMPLIANCE', retainUntil: '1990-11-24T00:00:00Z', legalHold: true })).toEqual([{ item: 'retain_until', detail: 'retain-until 1990-11-24T00:00:00Z, not 2106-01-01T00:00:00.000Z' }]);
    expect(lockDifferences(asked, { mode: 'GOVERNANCE', retainUntil: asked.retainUntil, legalHold: false })).toEqual([
      { item: 'lock_mode', detail: 'mode GOVERNANCE, not COMPLIANCE' },
      { item: 'legal_hold', detail: 'legal hold off, not on' },
    ]);
    expect(lockDifferences(asked, { legalHold: true })).toHaveLength(2);
  });

  test('the day of closing within the year does not matter: 2 January and 30 December of one year give the same date', () => {
    expect(retainUntil('2025-01-02T12:00:00.000Z', '10y')).toEqual(retainUntil('2025-12-30T12:00:00.000Z', '10y'));
  });

  test('a file closed on New Year’s Day in Shanghai belongs to the new year, though it is still 31 December in UTC', () => {
    // closed at 2025-01-01 00:30 Asia/Shanghai; completedAt is written as a UTC ISO string
    const closedAt = '2024-12-31T16:30:00.000Z';
    expect(retainUntil(closedAt, '10y').toISOString()).toBe('2036-01-01T00:00:00.000Z');
    expect(retainUntil('2025-01-01T00:30:00+08:00', '10y')).toEqual(retainUntil(closedAt, '10y'));
  });

  test('a file closed late on 31 December in Shanghai stays in that year', () => {
    expect(retainUntil('2025-12-31T15:59:00.000Z', '30y').toISOString()).toBe('2056-01-01T00:00:00.000Z');
  });

  test('only permanent files carry a legal hold (transferred to the state archive within five years) [E26]', () => {
    expect(legalHoldFor('permanent')).toBe(true);
    expect(legalHoldFor('30y')).toBe(false);
    expect(legalHoldFor('10y')).toBe(false);
  });
});
