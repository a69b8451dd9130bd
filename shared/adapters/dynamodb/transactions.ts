import type { CancellationReason } from '@aws-sdk/client-dynamodb';

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
