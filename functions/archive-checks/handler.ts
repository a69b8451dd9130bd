import type { DynamoDBBatchResponse, DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import { archiveCheckStore } from '#shared/adapters/dynamodb/archive-checks';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { trustAnchorStore } from '#shared/adapters/dynamodb/trust-anchors';
import { formatReader } from '#shared/adapters/formats';
import { signer } from '#shared/adapters/kms/signer';
import { metrics } from '#shared/adapters/metrics';
import { logger } from '#shared/adapters/observability';
import { archiveStore } from '#shared/adapters/s3/archive-store';
import { settings, systemClock } from '#shared/adapters/system';
import { runArchiveCheckPage, scheduleSampleCheck } from '#shared/domain/steps/archive-checks';

const ports = { archiveChecks: archiveCheckStore, archiveStore, cases: caseRepository, formats: formatReader, signer, trustAnchors: trustAnchorStore, metrics, settings, clock: systemClock };

/**
 * 四性检测 [E18], the runner: the case table's stream hands it every write of a running check (one
 * page per write, each page's saved progress the next write), and the daily schedule asks for the
 * sample check. A page that fails is retried alone; a lost race is no failure (the winner goes on).
 */
export const handler = async (event: DynamoDBStreamEvent | ScheduledEvent): Promise<DynamoDBBatchResponse | { checkId: string }> => {
  if (!('Records' in event)) return scheduleSampleCheck(ports);
  const failures: { itemIdentifier: string }[] = [];
  for (const r of event.Records) {
    const checkId = /^ARCHIVECHECK#(.+)$/.exec(r.dynamodb?.Keys?.pk?.S ?? '')?.[1];
    if (!checkId) continue;
    try {
      await runArchiveCheckPage(ports, checkId);
    } catch (err) {
      logger.error('a four-property check page failed', { checkId, error: err as Error });
      failures.push({ itemIdentifier: r.dynamodb!.SequenceNumber! });
    }
  }
  return { batchItemFailures: failures };
};
