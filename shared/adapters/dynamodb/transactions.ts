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

/** The condition of a put guarded by a version: a new item (0) must not exist, else it must still be at that version. */
export const versionCondition = (expectedVersion: number) =>
  expectedVersion ? { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } } : { ConditionExpression: 'attribute_not_exists(pk)' };
