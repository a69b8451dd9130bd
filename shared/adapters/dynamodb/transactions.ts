import type { CancellationReason } from '@aws-sdk/client-dynamodb';
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict } from '../../domain/errors.ts';
import { dynamo } from './client.ts';

/**
 * The one way this code tells a cancelled transaction: its cancellation reasons, one per item in the
 * order written, or undefined for any other error.
 */
export function cancellationReasons(err: unknown): CancellationReason[] | undefined {
  const e = err as { name?: string; CancellationReasons?: CancellationReason[] } | undefined;
  return e?.name === 'TransactionCanceledException' ? (e.CancellationReasons ?? []) : undefined;
}

/** A conditional write that failed its condition. */
export const isConditionFailed = (err: unknown) => (err as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';

/** The condition of a put guarded by a version: a new item (0) must not exist, else it must still be at that version. */
export const versionCondition = (expectedVersion: number) =>
  expectedVersion ? { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } } : { ConditionExpression: 'attribute_not_exists(pk)' };

const CONFLICT_TRIES = 8;

/**
 * Sends a transaction: undefined when it committed, else the index of the first write whose condition
 * failed. A transaction cancelled only because another was in flight on the same items
 * (TransactionConflict) is tried again, a few times with jitter, then answered as a conflict (409).
 */
export async function commitTransaction(command: TransactWriteCommand): Promise<number | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      await dynamo().send(command);
      return undefined;
    } catch (err) {
      const reasons = cancellationReasons(err);
      if (!reasons) throw err;
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed >= 0) return failed;
      if (!reasons.some((r) => r.Code === 'TransactionConflict')) throw err;
      if (attempt >= CONFLICT_TRIES) throw new Conflict('too many requests are writing these items at once; try again', { cause: err });
      await new Promise((r) => setTimeout(r, Math.random() * 20 * 2 ** Math.min(attempt, 4)));
    }
  }
}
