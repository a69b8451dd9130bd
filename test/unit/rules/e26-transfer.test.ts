import { MAX_TRANSFER_PACKAGES, TRANSFER_WITHIN_YEARS, transferDueBy } from '#shared/domain/rules/e26-transfer';

/** Permanent files go to the state archive within five years [E26]. */
test('a year’s permanent files are due by the end of the fifth year after it; one batch takes a bounded number', () => {
  expect(TRANSFER_WITHIN_YEARS).toBe(5);
  expect([transferDueBy(2026), transferDueBy(2030)]).toEqual(['2031-12-31', '2035-12-31']);
  expect(MAX_TRANSFER_PACKAGES).toBeLessThanOrEqual(1000);
});
