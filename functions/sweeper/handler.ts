import { closeUnansweredCorrections } from '#shared/domain/unanswered-corrections';
import { recomputeProvisionalDeadlines } from '#shared/domain/provisional-deadlines';
import { sweepPending } from '#shared/workflows/sweeper';

const MIN_AGE_SECONDS = Number(process.env.SWEEPER_MIN_AGE_SECONDS ?? 120);

/**
 * Scheduled (EventBridge): re-drives workflows that did not start or did not finish, and closes cases
 * whose correction was never answered, and recounts provisional deadlines once a newer holiday calendar
 * is deployed. "Now" is the event's scheduled time.
 */
export const handler = async (event: { minAgeSeconds?: number; time?: string } = {}) => {
  const now = event.time ? new Date(event.time) : new Date();
  const swept = await sweepPending({ minAgeSeconds: event.minAgeSeconds ?? MIN_AGE_SECONDS });
  const closed = await closeUnansweredCorrections(now);
  const recomputed = await recomputeProvisionalDeadlines(now);
  return { ...swept, closed, recomputed };
};
