/**
 * 移交 [E26]: permanent e-files go to the state archive within five years of the year they were
 * closed in, as a transfer batch (移交批次) of one year and region with a manifest (移交清单) that lists
 * every package by its 档号, object version and SHA-256, signed and time-stamped by the platform; the
 * batch is tracked until the archive's receipt is recorded.
 */
export const TRANSFER_WITHIN_YEARS = 5;

/** The last day a year's permanent files may be transferred on. */
export const transferDueBy = (year: number) => `${year + TRANSFER_WITHIN_YEARS}-12-31`;

/** The packages one batch takes: a larger region-year is transferred county by county. */
export const MAX_TRANSFER_PACKAGES = 1000;
