import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { alertStore } from '#shared/adapters/dynamodb/alerts';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { caseIdOfKey } from '#shared/adapters/dynamodb/keys';
import { CALENDAR } from '#shared/adapters/calendar';
import { metrics } from '#shared/adapters/metrics';
import { logger } from '#shared/adapters/observability';
import { settings, systemClock } from '#shared/adapters/system';
import { superviseCase } from '#shared/domain/steps/supervision';

const ports = { cases: caseRepository, alerts: alertStore, clock: systemClock, calendar: CALENDAR, settings, metrics };

/**
 * 电子监察 as each step is committed [N20]: the case table's stream (filtered to case and audit-event
 * items) hands over what changed; each case in the batch is supervised once, from a fresh read. A case
 * that fails is reported alone, so the rest of the batch is not retried with it.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const byCase = new Map<string, string[]>();
  for (const r of event.Records) {
    const caseId = caseIdOfKey({ pk: r.dynamodb?.Keys?.pk?.S });
    if (caseId) byCase.set(caseId, [...(byCase.get(caseId) ?? []), r.dynamodb!.SequenceNumber!]);
  }
  const failures: { itemIdentifier: string }[] = [];
  for (const [caseId, seqs] of byCase) {
    try {
      const r = await superviseCase(ports, caseId);
      if (r.raised.length) logger.info('alerts raised', { caseId, alerts: r.raised });
    } catch (err) {
      logger.error('supervising a case failed', { caseId, error: err as Error });
      failures.push(...seqs.map((itemIdentifier) => ({ itemIdentifier })));
    }
  }
  return { batchItemFailures: failures };
};
