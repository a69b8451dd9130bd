import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { CHANNELS, COUNTERS, rollUp, type Counts } from '../../domain/business-metrics.ts';
import type { Channel } from '../../domain/case.ts';
import type { CounterEntry, CounterStore } from '../../domain/ports.ts';
import { casesTable, dynamo } from './client.ts';
import { countedKey, counterKey, counterPartition } from './keys.ts';
import { queryItems } from './query.ts';
import { cancellationReasons } from './transactions.ts';

const attribute = (channel: Channel, counter: string) => `${channel}_${counter}`;

/**
 * The counters [N20] beside the cases: one small item per region, day and entry (a department of the
 * region, or a region below it), one number per channel and counter, added to atomically; with a
 * marker per counted step in the same transaction, so a stream redelivery adds nothing twice.
 */
export const counterStore: CounterStore = {
  async add(step, counted) {
    const names: Record<string, string> = {};
    const values: Record<string, number> = {};
    const adds = Object.entries(counted.counts)
      .filter(([, v]) => v)
      .map(([k, v], i) => {
        names[`#a${i}`] = attribute(counted.channel, k);
        values[`:a${i}`] = v!;
        return `#a${i} :a${i}`;
      });
    if (!adds.length) return false;
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: casesTable(), Item: { ...countedKey(step.caseId, step.seq), type: 'counted', day: counted.day }, ConditionExpression: 'attribute_not_exists(pk)' } },
            ...rollUp(counted.dept, counted.hall).map(({ region, entry }) => ({
              Update: { TableName: casesTable(), Key: counterKey(region, counted.day, entry), UpdateExpression: `ADD ${adds.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values },
            })),
          ],
        }),
      );
      return true;
    } catch (err) {
      // counted before: the marker is there
      if (cancellationReasons(err)?.[0]?.Code === 'ConditionalCheckFailed') return false;
      throw err;
    }
  },

  async entries(region, from, to) {
    const out: CounterEntry[] = [];
    for await (const item of queryItems({ KeyConditionExpression: 'pk = :p AND sk BETWEEN :f AND :t', ExpressionAttributeValues: { ':p': counterPartition(region), ':f': `DAY#${from}`, ':t': `DAY#${to}#~` } })) {
      const [, day, ...entry] = String(item.sk).split('#');
      const byChannel: Partial<Record<Channel, Counts>> = {};
      for (const ch of CHANNELS) {
        const counts: Counts = {};
        for (const k of COUNTERS) if (typeof item[attribute(ch, k)] === 'number') counts[k] = item[attribute(ch, k)] as number;
        if (Object.keys(counts).length) byChannel[ch] = counts;
      }
      out.push({ day, entry: entry.join('#'), byChannel });
    }
    return out;
  },
};
