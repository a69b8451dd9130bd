import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { alertStore } from '#shared/adapters/dynamodb/alerts';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { caseIdOfKey } from '#shared/adapters/dynamodb/keys';
import { CALENDAR } from '#shared/adapters/calendar';
import { metrics } from '#shared/adapters/metrics';
import { logger } from '#shared/adapters/observability';
import { settings, systemClock } from '#shared/adapters/system';
import type { Booking } from '#shared/domain/booking';
import { countBookingMove } from '#shared/domain/steps/bookings';
import { monitorSteps } from '#shared/domain/steps/supervision';
import { counterStore } from '#shared/adapters/dynamodb/counters';

const ports = { cases: caseRepository, alerts: alertStore, counters: counterStore, clock: systemClock, calendar: CALENDAR, settings, metrics };

/**
 * 电子监察 as each step is committed [N20]: the case table's stream (filtered to new audit events, and
 * bookings as they move [H20]) hands over each step; each case in the batch is supervised once, from a fresh read, and each step counted
 * once into the per-day counters. A case that fails is reported alone, so the rest of the batch is not
 * retried with it.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const byCase = new Map<string, { steps: number[]; records: string[] }>();
  const failures: { itemIdentifier: string }[] = [];
  for (const r of event.Records) {
    // [H20] a booking's move, counted into its hall's figures
    const image = r.dynamodb?.NewImage;
    if (image?.type?.S === 'booking') {
      const move = { bookingId: image.bookingId?.S ?? '', hallId: image.hallId?.S ?? '', date: image.date?.S ?? '', status: image.status?.S as Booking['status'], version: Number(image.version?.N), checkedInAt: image.checkedInAt?.S, calledAt: image.calledAt?.S };
      try {
        await countBookingMove(ports, move);
      } catch (err) {
        logger.error('counting a booking failed', { bookingId: move.bookingId, error: err as Error });
        failures.push({ itemIdentifier: r.dynamodb!.SequenceNumber! });
      }
      continue;
    }
    const caseId = caseIdOfKey({ pk: r.dynamodb?.Keys?.pk?.S });
    const step = Number(/^EVENT#(\d+)$/.exec(r.dynamodb?.Keys?.sk?.S ?? '')?.[1]);
    if (!caseId) continue;
    const entry = byCase.get(caseId) ?? { steps: [], records: [] };
    if (step) entry.steps.push(step);
    entry.records.push(r.dynamodb!.SequenceNumber!);
    byCase.set(caseId, entry);
  }
  for (const [caseId, { steps, records }] of byCase) {
    try {
      const r = await monitorSteps(ports, caseId, steps);
      if (r.raised.length) logger.info('alerts raised', { caseId, alerts: r.raised });
    } catch (err) {
      logger.error('supervising a case failed', { caseId, error: err as Error });
      failures.push(...records.map((itemIdentifier) => ({ itemIdentifier })));
    }
  }
  return { batchItemFailures: failures };
};
