import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Booking, BookingSummary } from '../../domain/booking.ts';
import type { BookingStore, BookRefusal } from '../../domain/ports.ts';
import { slotIdOf } from '../../domain/rules/h21-slots.ts';
import { casesTable, dynamo } from './client.ts';
import { page } from './cursor.ts';
import { bookerDayKey, bookerIndex, bookerPartition, bookingKey, checkInCodeKey, GSI, HALL_DAY_PHASE, hallDayIndex, hallDayPartition, hallPartition, slotKey, slotOfKey, slotRange, stripKeys } from './keys.ts';
import { putIfVersion } from './writes.ts';
import { queryAll } from './query.ts';
import { commitTransaction } from './transactions.ts';

/**
 * Bookings on the case table [H20]. A booking is one transaction of four writes, each with its
 * condition: a place in the slot (`taken < capacity`), a place in the booker's day at the hall
 * (`n < dailyLimit`, and not this slot already), the booking itself (new), and its check-in code
 * (new for the hall and day). Concurrent bookings of the last place are decided by DynamoDB: one
 * transaction commits, the others fail the slot's condition (one that merely collided with another in
 * flight is tried again: commitTransaction).
 */
const REFUSAL_OF: (BookRefusal | 'exists')[] = ['full', 'limit', 'exists', 'code'];

/** A booking's item with its index entries (the booker's list, the hall's day); the case repository writes it when a case serves it. */
export const bookingItem = (b: Booking) => ({ ...bookingKey(b.bookingId), type: 'booking', ...b, ...bookerIndex(b.booker.sub, b.date, b.start, b.bookingId), ...hallDayIndex(b) });

export const bookingStore: BookingStore = {
  async taken(hallId, from, to) {
    const [lo, hi] = slotRange(from, to);
    const items = await queryAll({ KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi', ExpressionAttributeValues: { ':p': hallPartition(hallId), ':lo': lo, ':hi': hi }, ProjectionExpression: 'sk, taken' });
    const out = new Map<string, number>();
    for (const i of items) {
      const slot = slotOfKey(String(i.sk));
      if (slot && Number(i.taken) > 0) out.set(slotIdOf(hallId, slot.windowId, slot.date, slot.start), Number(i.taken));
    }
    return out;
  },

  async book(b, limits) {
    const TableName = casesTable();
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName,
            Key: slotKey(b.hallId, b.windowId, b.date, b.start),
            UpdateExpression: 'ADD taken :one SET #cap = :cap',
            ConditionExpression: 'attribute_not_exists(taken) OR taken < :cap',
            ExpressionAttributeNames: { '#cap': 'capacity' },
            ExpressionAttributeValues: { ':one': 1, ':cap': limits.capacity },
          },
        },
        {
          Update: {
            TableName,
            Key: bookerDayKey(b.booker.sub, b.hallId, b.date),
            UpdateExpression: 'ADD n :one, slots :slot',
            ConditionExpression: '(attribute_not_exists(n) OR n < :limit) AND NOT contains(slots, :slotId)',
            ExpressionAttributeValues: { ':one': 1, ':limit': limits.dailyLimit, ':slot': new Set([b.slotId]), ':slotId': b.slotId },
          },
        },
        { Put: { TableName, Item: bookingItem(b), ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName, Item: { ...checkInCodeKey(b.hallId, b.date, b.checkInCode), type: 'check_in_code', bookingId: b.bookingId }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
    });
    const failed = await commitTransaction(command);
    if (failed === undefined) return { ok: true };
    // the booker's day failed: over the limit, or they hold this slot already
    if (failed === 1) return { ok: false, refused: await dayRefusal(b, limits.dailyLimit) };
    return { ok: false, refused: REFUSAL_OF[failed] };
  },

  async get(bookingId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: casesTable(), Key: bookingKey(bookingId), ConsistentRead: true }));
    return Item && stripKeys<Booking>(Item);
  },

  listByBooker(sub, req) {
    return page<BookingSummary>(
      { list: 'bookings.mine', attributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'], partition: { attribute: 'gsi1pk', value: bookerPartition(sub) }, item: (pk, sk) => pk.startsWith('BOOKING#') && sk === 'BOOKING' },
      { IndexName: GSI.applicant, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': bookerPartition(sub) }, ScanIndexForward: false },
      req,
    );
  },

  async byCode(hallId, date, code) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: casesTable(), Key: checkInCodeKey(hallId, date, code), ConsistentRead: true }));
    return Item ? this.get(String(Item.bookingId)) : undefined;
  },

  async update(b, expectedVersion) {
    return putIfVersion(bookingItem(b), expectedVersion);
  },

  async nextWaiting(hallId, date, windowId) {
    const res = await dynamo().send(
      new QueryCommand({
        TableName: casesTable(),
        IndexName: GSI.queue,
        KeyConditionExpression: 'queuePk = :p AND begins_with(queueSk, :w)',
        ExpressionAttributeValues: { ':p': hallDayPartition(hallId, date), ':w': `${windowId}#${HALL_DAY_PHASE.checked_in}#` },
        Limit: 1,
      }),
    );
    return res.Items?.[0] && stripKeys<Booking>(res.Items[0]);
  },

  async calledWith(hallId, date, windowId, callKey) {
    // the window's called bookings of the day: the few it has called and not yet served or missed
    const items = await queryAll({
      IndexName: GSI.queue,
      KeyConditionExpression: 'queuePk = :p AND begins_with(queueSk, :w)',
      FilterExpression: 'callKey = :k',
      ExpressionAttributeValues: { ':p': hallDayPartition(hallId, date), ':w': `${windowId}#${HALL_DAY_PHASE.called}#`, ':k': callKey },
    });
    return items[0] && stripKeys<Booking>(items[0]);
  },

  dayQueue(hallId, date, windowId, req) {
    const partition = hallDayPartition(hallId, date);
    const prefix = windowId ? `${windowId}#` : '';
    return page<Booking>(
      { list: 'hall.day', attributes: ['pk', 'sk', 'queuePk', 'queueSk'], partition: { attribute: 'queuePk', value: partition }, item: (pk, sk) => pk.startsWith('BOOKING#') && sk === 'BOOKING', within: { attribute: 'queueSk', prefix } },
      { IndexName: GSI.queue, KeyConditionExpression: 'queuePk = :p AND begins_with(queueSk, :w)', ExpressionAttributeValues: { ':p': partition, ':w': prefix } },
      req,
    );
  },

  async cancel(b, at) {
    const TableName = casesTable();
    const failed = await commitTransaction(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName,
              Item: bookingItem({ ...b, status: 'cancelled', cancelledAt: at, version: b.version + 1 }),
              ConditionExpression: '#v = :v',
              ExpressionAttributeNames: { '#v': 'version' },
              ExpressionAttributeValues: { ':v': b.version },
            },
          },
          { Update: { TableName, Key: slotKey(b.hallId, b.windowId, b.date, b.start), UpdateExpression: 'ADD taken :minus', ExpressionAttributeValues: { ':minus': -1 } } },
          { Update: { TableName, Key: bookerDayKey(b.booker.sub, b.hallId, b.date), UpdateExpression: 'ADD n :minus DELETE slots :slot', ExpressionAttributeValues: { ':minus': -1, ':slot': new Set([b.slotId]) } } },
          { Delete: { TableName, Key: checkInCodeKey(b.hallId, b.date, b.checkInCode) } },
        ],
      }),
    );
    return failed === undefined;
  },
};

/** Which of the day's two conditions failed: the slot already held, or the limit. */
async function dayRefusal(b: Booking, dailyLimit: number): Promise<BookRefusal> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: casesTable(), Key: bookerDayKey(b.booker.sub, b.hallId, b.date), ConsistentRead: true }));
  const slots = Item?.slots as Set<string> | undefined;
  return slots?.has(b.slotId) ? 'held' : Number(Item?.n ?? 0) >= dailyLimit ? 'limit' : 'held';
}
