import { acceptanceWindow } from '#shared/domain/rules/n14-deemed-acceptance';

describe('5 working days to decide on acceptance (行政许可法 第三十二条)', () => {
  const c = { submittedAt: '2026-09-28T10:00:00+08:00', acceptBy: '2026-10-12' }; // National Day week in between

  test('a decision within the limit starts the clock when it is taken', () => {
    expect(acceptanceWindow(c, '2026-10-12T16:00:00+08:00')).toEqual({ late: false, clockStart: '2026-10-12T16:00:00+08:00' });
  });

  test('a decision after the limit counts from receipt, and is late', () => {
    expect(acceptanceWindow(c, '2026-10-13T09:00:00+08:00')).toEqual({ late: true, clockStart: c.submittedAt });
  });

  test('the limit is a Shanghai date: 23:30 UTC on the last day is already the next day there', () => {
    expect(acceptanceWindow(c, '2026-10-12T16:30:00Z').late).toBe(true);
  });
});
