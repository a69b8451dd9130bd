import { sweepPending } from '#shared/workflows/sweeper';

const MIN_AGE_SECONDS = Number(process.env.SWEEPER_MIN_AGE_SECONDS ?? 120);

/** Scheduled (EventBridge): re-drives workflows that did not start or did not finish. */
export const handler = async (event: { minAgeSeconds?: number } = {}) => sweepPending({ minAgeSeconds: event.minAgeSeconds ?? MIN_AGE_SECONDS });
