import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict } from '../../domain/errors.ts';
import type { StaffRegister } from '../../domain/ports.ts';
import type { Absence, RegisterEntry, StaffChange, StaffMember } from '../../domain/staff.ts';
import { casesTable, dynamo } from './client.ts';
import { absenceKey, memberKey, registerKey, STAFF_ITEM, staffChangeKey, staffPartition, stripKeys } from './keys.ts';
import { cancellationReasons, versionCondition } from './transactions.ts';

/**
 * The staff registers [N13] and absences [H22], one partition per department beside the cases: a
 * marker that the department keeps a register, one item per member, one per change (never rewritten).
 */
export const staffRegister: StaffRegister = {
  /** the member and the marker in one read: whether the department keeps a register, and what it gives them */
  async entry(dept, sub): Promise<RegisterEntry> {
    const TableName = casesTable();
    const res = await dynamo().send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: [registerKey(dept), memberKey(dept, sub)], ConsistentRead: true } } }));
    // two small keys: DynamoDB returns both or reports them unprocessed; an unread register must not pass as none
    if (res.UnprocessedKeys?.[TableName]?.Keys?.length) throw new Error(`the staff register of ${dept} could not be read`);
    const items = res.Responses?.[TableName] ?? [];
    const marker = items.find((i) => i.sk === STAFF_ITEM.marker);
    const member = items.find((i) => i.sk !== STAFF_ITEM.marker) as StaffMember | undefined;
    return { keeps: !!marker, ...(member ? { roles: member.roles } : {}), ...(marker ? { version: marker.version as number } : {}) };
  },

  async member(dept, sub) {
    const res = await dynamo().send(new GetCommand({ TableName: casesTable(), Key: memberKey(dept, sub), ConsistentRead: true }));
    return res.Item ? stripKeys<StaffMember>(res.Item) : undefined;
  },

  async absence(dept, sub, at): Promise<Absence | undefined> {
    const res = await dynamo().send(new GetCommand({ TableName: casesTable(), Key: absenceKey(dept, sub) }));
    const a = res.Item ? stripKeys<Absence>(res.Item) : undefined;
    return a && Date.parse(a.until) > at.getTime() ? a : undefined;
  },

  async setRoles(member: StaffMember, change: StaffChange, expectedVersion: number) {
    const TableName = casesTable();
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName,
                Item: { ...memberKey(member.dept, member.sub), type: 'staff', ...member },
                ...versionCondition(expectedVersion),
              },
            },
            // the record of the change, kept beside the register (one item per change, never rewritten)
            { Put: { TableName, Item: { ...staffChangeKey(member.dept, change.at, member.sub), type: 'staff_change', ...change }, ConditionExpression: 'attribute_not_exists(pk)' } },
            // from its first entry on, the department keeps a register: a member it does not list acts in no role
            { Update: { TableName, Key: registerKey(member.dept), UpdateExpression: 'SET #t = :t ADD version :one', ExpressionAttributeNames: { '#t': 'type' }, ExpressionAttributeValues: { ':t': 'staff_register', ':one': 1 } } },
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw new Conflict(`the roles of ${member.sub} changed meanwhile; read them again`, { cause: err });
      throw err;
    }
  },

  async recordAbsence(a) {
    await dynamo().send(new PutCommand({ TableName: casesTable(), Item: { ...absenceKey(a.dept, a.sub), type: 'absence', ...a } }));
  },

  async record(dept) {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await dynamo().send(new QueryCommand({ TableName: casesTable(), KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': staffPartition(dept) }, ExclusiveStartKey: start }));
      items.push(...(res.Items ?? []));
      start = res.LastEvaluatedKey;
    } while (start);
    const of = <T>(prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix)).map((i) => stripKeys<T>(i));
    return { members: of<StaffMember>(STAFF_ITEM.member), changes: of<StaffChange>(STAFF_ITEM.change) };
  },
};

