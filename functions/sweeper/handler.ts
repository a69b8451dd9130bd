import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { owedWork } from '#shared/adapters/dynamodb/owed-work';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { numberEnv } from '#shared/adapters/env';
import { metrics } from '#shared/adapters/metrics';
import { workflows } from '#shared/adapters/sfn/workflows';
import { CALENDAR } from '#shared/adapters/calendar';
import { alertStore } from '#shared/adapters/dynamodb/alerts';
import { settings, systemClock } from '#shared/adapters/system';
import { sweepAlerts } from '#shared/domain/steps/supervision';
import { closeUnansweredCorrections, MAX_RENDER_RETRIES, recomputeProvisionalDeadlines, sweepOwed } from '#shared/domain/steps/sweeper';
import { logger } from '#shared/adapters/observability';

const MIN_AGE_SECONDS = numberEnv('SWEEPER_MIN_AGE_SECONDS', 120);

/**
 * Scheduled (EventBridge): re-drives workflows that did not start or did not finish, asks again for
 * notices left without their PDF, closes cases whose correction was never answered, and recounts
 * provisional deadlines once a newer holiday calendar is deployed, and supervises the cases whose
 * watch day has come [N20]. "Now" is the event's scheduled time.
 */
export const handler = async (event: { minAgeSeconds?: number; time?: string } = {}) => {
  const now = event.time ? new Date(event.time) : systemClock.now();
  const ports = { cases: caseRepository, owed: owedWork, workflows, metrics, staff: staffRegister, authorisations: authorisationStore, clock: systemClock, calendar: CALENDAR };
  // what is owed is owed by the clock on the wall; the dates of cases are counted from the schedule's time
  const swept = await sweepOwed(ports, { minAgeSeconds: event.minAgeSeconds ?? MIN_AGE_SECONDS });
  if (swept.redriven.length) logger.warn('re-drove stranded cases', { count: swept.redriven.length, caseIds: swept.redriven });
  if (swept.rerendered.length) logger.warn('asked again for notices without their PDF', { count: swept.rerendered.length, noticeIds: swept.rerendered });
  if (swept.stuckNotices.length) logger.error('notices set aside: their PDF failed every time', { count: swept.stuckNotices.length, noticeIds: swept.stuckNotices, retries: MAX_RENDER_RETRIES });
  const scheduled = { ...ports, clock: { now: () => now } };
  const closed = await closeUnansweredCorrections(scheduled);
  if (closed.length) logger.info('closed cases whose correction was never answered', { count: closed.length });
  const recomputed = await recomputeProvisionalDeadlines(scheduled);
  if (recomputed.length) logger.info('recomputed provisional deadlines', { count: recomputed.length, calendarYear: CALENDAR.lastKnownYear });
  // [N20] the cases whose watch day has come, supervised again: deadlines passing raise and clear alerts
  const alerts = await sweepAlerts({ ...scheduled, alerts: alertStore, settings });
  if (alerts.raised.length) logger.info('raised alerts', { count: alerts.raised.length, looked: alerts.looked.length });
  return { ...swept, closed, recomputed, alerts };
};
