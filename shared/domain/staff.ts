import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import type { Caller, Role } from '../auth/caller.ts';
import { conflict, forbidden } from '../http/problem.ts';
import { dynamo, env } from '../storage/clients.ts';
import type { StaffRolesRequest } from './schemas.ts';

/**
 * N13: each department fixes who handles which step, with what powers; a change is approved by the
 * department head and kept on record (报同级政务服务中心备案). The register narrows what a member's
 * token allows: a registered member acts on tasks only in the roles registered for them.
 */
export interface StaffMember {
  dept: string;
  sub: string;
  roles: Role[];
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface StaffChange {
  dept: string;
  sub: string;
  before: Role[];
  after: Role[];
  reason: string;
  approvedBy: string;
  at: string;
}

const memberKey = (dept: string, sub: string) => ({ pk: `STAFF#${dept}`, sk: `MEMBER#${sub}` });

export async function registeredRoles(dept: string, sub: string): Promise<Role[] | undefined> {
  const res = await dynamo().send(new GetCommand({ TableName: env('CASES_TABLE'), Key: memberKey(dept, sub) }));
  return (res.Item as StaffMember | undefined)?.roles;
}

export async function setStaffRoles(caller: Caller, sub: string, req: z.infer<typeof StaffRolesRequest>, now = () => new Date()): Promise<StaffMember> {
  if (!caller.roles.includes('head') || !caller.dept) throw forbidden('staff roles are changed with the approval of the department head (N13)');
  const TableName = env('CASES_TABLE');
  const current = (await dynamo().send(new GetCommand({ TableName, Key: memberKey(caller.dept, sub), ConsistentRead: true }))).Item as StaffMember | undefined;
  const at = now().toISOString();
  const member: StaffMember = { dept: caller.dept, sub, roles: req.roles as Role[], version: (current?.version ?? 0) + 1, updatedAt: at, updatedBy: caller.sub };
  const change: StaffChange = { dept: caller.dept, sub, before: current?.roles ?? [], after: member.roles, reason: req.reason, approvedBy: caller.sub, at };
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName,
              Item: { ...memberKey(caller.dept, sub), type: 'staff', ...member },
              ConditionExpression: current ? '#v = :v' : 'attribute_not_exists(pk)',
              ...(current ? { ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': current.version } } : {}),
            },
          },
          // the record of the change, kept beside the register (one item per change, never rewritten)
          { Put: { TableName, Item: { pk: `STAFF#${caller.dept}`, sk: `LOG#${at}#${sub}`, type: 'staff_change', ...change }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
  } catch (err) {
    if ((err as Error).name === 'TransactionCanceledException') throw conflict(`the roles of ${sub} changed meanwhile; read them again`, undefined, err);
    throw err;
  }
  return member;
}

export async function staffRecord(dept: string): Promise<{ members: StaffMember[]; changes: StaffChange[] }> {
  const res = await dynamo().send(new QueryCommand({ TableName: env('CASES_TABLE'), KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': `STAFF#${dept}` } }));
  const items = res.Items ?? [];
  const strip = ({ pk, sk, type, ...rest }: Record<string, unknown>) => rest;
  return {
    members: items.filter((i) => String(i.sk).startsWith('MEMBER#')).map((i) => strip(i) as unknown as StaffMember),
    changes: items.filter((i) => String(i.sk).startsWith('LOG#')).map((i) => strip(i) as unknown as StaffChange),
  };
}
