import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LocalFunction } from './lambda.ts';
import type { Templates } from './template.ts';

/**
 * The template's DynamoDB event source mappings, run against DynamoDB Local's own Streams API: each
 * shard is read from where the mapping started, records are matched against the mapping's filter
 * patterns, and batches go to the function's bundle. Failed items (`batchItemFailures`) are retried
 * from the first failure, as Lambda does, up to the mapping's MaximumRetryAttempts.
 */
export class LocalStreams {
  private stopped = false;
  /** fault injection (POST /local/faults {streams: 'drop'}): records are read and lost */
  dropping = false;
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly t: Templates,
    private readonly functions: Map<string, LocalFunction>,
    private readonly endpoint: string,
    private readonly log: (l: string) => void,
  ) {}

  async start(): Promise<number> {
    const ddb = new DynamoDBClient({ endpoint: this.endpoint });
    const streams = new DynamoDBStreamsClient({ endpoint: this.endpoint });
    const byArn = new Map([...this.functions.values()].map((f) => [f.arn, f]));
    let n = 0;
    for (const m of this.t.ofType('AWS::Lambda::EventSourceMapping')) {
      const p = this.t.resolve(m.Properties);
      const table = /:table\/([^/]+)\/stream\//.exec(String(p.EventSourceArn))?.[1];
      const fn = byArn.get(String(p.FunctionName)) ?? [...this.functions.values()].find((f) => f.logicalId === p.FunctionName);
      if (!table || !fn || p.Enabled === false) continue;
      const desc = await ddb.send(new DescribeTableCommand({ TableName: this.t.ref(table) }));
      const streamArn = desc.Table?.LatestStreamArn;
      if (!streamArn) throw new Error(`table ${table} has no stream, but ${m.logicalId} reads one`);
      const patterns = (p.FilterCriteria?.Filters ?? []).map((f: { Pattern: string }) => JSON.parse(f.Pattern));
      this.loops.push(this.poll(streams, streamArn, fn, patterns, p.BatchSize ?? 100, p.MaximumRetryAttempts ?? -1, p.StartingPosition ?? 'LATEST'));
      n++;
    }
    return n;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled(this.loops);
  }

  private async poll(streams: DynamoDBStreamsClient, StreamArn: string, fn: LocalFunction, patterns: object[], batchSize: number, maxRetries: number, start: string) {
    // per shard: the iterator to read next, and the last record handed on (to resume after an error)
    const shards = new Map<string, { iterator?: string; lastSeq?: string; done: boolean }>();
    const iteratorFor = async (ShardId: string, lastSeq: string | undefined, first: boolean) =>
      (
        await streams.send(
          new GetShardIteratorCommand(
            lastSeq
              ? { StreamArn, ShardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: lastSeq }
              : // the shards open when the mapping starts are read from their tip; later ones from their beginning
                { StreamArn, ShardId, ShardIteratorType: first && start === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON' },
          ),
        )
      ).ShardIterator;
    let first = true;
    let described = 0;
    while (!this.stopped) {
      // new shards are rare: look for them once a second, not on every 100 ms poll
      if (Date.now() - described >= 1000) {
        described = Date.now();
        const desc = await streams.send(new DescribeStreamCommand({ StreamArn })).catch(() => undefined);
        for (const sh of desc?.StreamDescription?.Shards ?? []) {
          if (shards.has(sh.ShardId!)) continue;
          shards.set(sh.ShardId!, { iterator: await iteratorFor(sh.ShardId!, undefined, first), done: false });
        }
        first = false;
      }
      let idle = true;
      for (const [shardId, shard] of shards) {
        if (shard.done || this.stopped) continue;
        let res;
        try {
          shard.iterator ??= await iteratorFor(shardId, shard.lastSeq, false);
          res = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: batchSize }));
        } catch (err) {
          // an expired or trimmed iterator: take a new one after the last record handed on
          this.log(`[streams] ${fn.name}: ${(err as Error).name}; resuming shard ${shardId.slice(-8)} after ${shard.lastSeq ?? 'its start'}`);
          shard.iterator = undefined;
          continue;
        }
        shard.iterator = res.NextShardIterator;
        if (!res.NextShardIterator) shard.done = true; // a closed shard, read to its end
        const all = res.Records ?? [];
        if (all.length) shard.lastSeq = all.at(-1)!.dynamodb?.SequenceNumber;
        const records = all.filter((r) => patterns.length === 0 || patterns.some((p) => matches(p, r)));
        if (records.length && this.dropping) {
          this.log(`[streams] ${fn.name}: dropped ${records.length} record(s) (fault injection)`);
          continue;
        }
        if (records.length) {
          idle = false;
          await this.deliver(fn, records, maxRetries);
        }
      }
      if (idle) await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async deliver(fn: LocalFunction, records: _Record[], maxRetries: number) {
    let batch = records;
    for (let attempt = 0; batch.length && !this.stopped; attempt++) {
      const event = { Records: batch.map((r) => ({ ...r, eventSourceARN: 'local' })) };
      const out = await fn.invoke(event).catch((err) => ({ batchItemFailures: [{ itemIdentifier: batch[0].dynamodb?.SequenceNumber }], err }));
      const failed = (out?.batchItemFailures ?? []) as { itemIdentifier: string }[];
      if (!failed.length) return;
      if (maxRetries >= 0 && attempt >= maxRetries) {
        this.log(`[streams] ${fn.name}: gave up on ${batch.length} records after ${attempt + 1} attempts`);
        return;
      }
      const from = batch.findIndex((r) => failed.some((f) => f.itemIdentifier === r.dynamodb?.SequenceNumber));
      batch = batch.slice(Math.max(0, from));
      await new Promise((r) => setTimeout(r, 200 * 2 ** Math.min(attempt, 4)));
    }
  }
}

/**
 * Lambda's event filtering (the subset the template uses): a pattern is an object tree whose leaves
 * are arrays of allowed values; a record matches when every leaf matches the record at that path.
 */
export function matches(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.some((p) => (p !== null && typeof p === 'object' ? matchRule(p, value) : p === value));
  if (pattern === null || typeof pattern !== 'object') return pattern === value;
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(pattern).every(([k, p]) => matches(p, (value as Record<string, unknown>)[k]));
}

function matchRule(rule: Record<string, unknown>, value: unknown): boolean {
  if ('exists' in rule) return rule.exists ? value !== undefined : value === undefined;
  if ('prefix' in rule) return typeof value === 'string' && value.startsWith(String(rule.prefix));
  if ('anything-but' in rule) return !([] as unknown[]).concat(rule['anything-but']).includes(value);
  throw new Error(`filter rule ${JSON.stringify(rule)} is not supported by the local event source mapping`);
}
