import { TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { conflict } from '../http/problem.ts';
import { dynamo, env } from '../storage/clients.ts';
import { chainEvent, GENESIS_HASH } from './audit.ts';
import type { Actor, AuditEvent, Case, CaseStatus, Notice, Task } from './case.ts';
import type { Complaint } from './complaints.ts';
import { caseKey, eventKey, filingKey, GSI, noticeKey, openCaseKey, RENDER_PENDING, taskKey } from './keys.ts';
import { TERMINAL } from './lifecycle.ts';

/** One step of a case: the case as it becomes, its audit event, and what is written with it. */
export interface CaseChange {
  /** the case as read; undefined when the case is created */
  before?: Case;
  after: Case;
  event: { at: string; actor: Actor; action: string; detail?: Record<string, unknown> };
  /** tasks created by this step */
  newTasks?: Task[];
  /** tasks this step completes: written only if they are still open (a task completes once) */
  completedTasks?: Task[];
  /** tasks updated in place while open (offline steps) */
  updatedTasks?: Task[];
  notices?: Notice[];
  /**
   * who renders the notices' PDFs: the notices function from the table's stream (marked RENDER, and
   * re-driven by the sweeper), or the workflow this step runs in (the unified return renders its own
   * decision and delivery notices before archiving, and is itself re-driven), so no notice is rendered twice
   */
  noticesRenderedBy?: 'stream' | 'workflow';
  /** further items written in the same transaction (a licence, a complaint) */
  extraPuts?: Record<string, unknown>[];
  /** items replaced only while they still have the given status (a complaint handled once) */
  replacePuts?: { item: Record<string, unknown>; status: string }[];
}

const table = () => env('CASES_TABLE');

function caseItem(c: Case): Record<string, unknown> {
  // materials and form live in the filing item (filingKey)
  const { materials, form, ...rest } = c;
  const open = !TERMINAL.includes(c.status);
  // the date that matters next: a correction's answer, the promised deadline, or the acceptance limit
  const due = (c.status === 'correction_required' ? c.correctionDue : undefined) ?? c.deadline ?? c.acceptBy;
  return {
    ...caseKey(c.caseId),
    type: 'case',
    ...rest,
    gsi1pk: `APPLICANT#${c.applicant.sub}`,
    gsi1sk: `${c.submittedAt}#${c.caseId}`,
    // sparse deadline index: only open cases, bucketed by month so no partition grows hot
    ...(open ? { dlPk: `OPEN#${due.slice(0, 7)}`, dlSk: `${due}#${c.caseId}` } : {}),
    // sparse: only cases waiting for a workflow, so the sweeper's Query reads nothing else
    ...(c.pendingWorkflow ? { pendPk: 'PENDING', pendSk: `${c.pendingSince ?? c.updatedAt ?? c.submittedAt}#${c.caseId}` } : {}),
  };
}

function taskItem(t: Task): Record<string, unknown> {
  return {
    ...taskKey(t.caseId, t.taskId),
    type: 'task',
    ...t,
    ...(t.status === 'open' ? { queuePk: `QUEUE#${t.dept}`, queueSk: `${t.deadline}#${t.taskId}` } : {}),
  };
}

const strip = <T>(item: Record<string, unknown> | undefined): T | undefined => {
  if (!item) return undefined;
  const { pk, sk, type, gsi1pk, gsi1sk, dlPk, dlSk, queuePk, queueSk, pendPk, pendSk, renderRetries, ...rest } = item;
  return rest as T;
};

/** The case item with its filing item merged back in (an item written before the split carries both). */
function withFiling(item: Record<string, unknown> | undefined, filing: Record<string, unknown> | undefined): Case | undefined {
  const c = strip<Case>(item);
  if (!c) return undefined;
  return { ...c, materials: (filing?.materials as Case['materials']) ?? c.materials ?? [], form: (filing?.form as Case['form']) ?? c.form ?? {} };
}

/** The case: one Query for its item and its filing item (both small, so it costs what a GetItem does). */
export async function getCase(caseId: string): Promise<Case | undefined> {
  const res = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :case)',
      ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':case': 'CASE' },
      ConsistentRead: true,
    }),
  );
  const items = res.Items ?? [];
  return withFiling(
    items.find((i) => i.sk === 'CASE'),
    items.find((i) => i.sk === 'CASE#FILING'),
  );
}

export async function getTask(caseId: string, taskId: string): Promise<Task | undefined> {
  const res = await dynamo().send(new GetCommand({ TableName: table(), Key: taskKey(caseId, taskId), ConsistentRead: true }));
  return strip<Task>(res.Item);
}

export interface CaseFile {
  case: Case;
  events: AuditEvent[];
  tasks: Task[];
  notices: Notice[];
  complaints: Complaint[];
}

/** The case with its events, tasks and notices: one Query on its partition. */
export async function getCaseFile(caseId: string): Promise<CaseFile | undefined> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `CASE#${caseId}` },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  const c = withFiling(
    items.find((i) => i.sk === 'CASE'),
    items.find((i) => i.sk === 'CASE#FILING'),
  );
  if (!c) return undefined;
  const of = <T>(prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix)).map((i) => strip<T>(i)!);
  return { case: c, events: of<AuditEvent>('EVENT#'), tasks: of<Task>('TASK#'), notices: of<Notice>('NOTICE#'), complaints: of<Complaint>('COMPLAINT#') };
}

function reasonsOf(err: unknown): CancellationReason[] | undefined {
  return err instanceof TransactionCanceledException || (err as Error)?.name === 'TransactionCanceledException'
    ? ((err as TransactionCanceledException).CancellationReasons ?? [])
    : undefined;
}

/** Raised when the case was changed by someone else between our read and our write. */
export class StaleCase extends Error {
  constructor(caseId: string, options?: { cause?: unknown }) {
    super(`case ${caseId} changed meanwhile`, options);
    this.name = 'StaleCase';
  }
}

/**
 * Writes one step of a case in a single DynamoDB transaction: the case (conditioned on its version),
 * its audit event chained to the last one (H9), and the tasks, notices and other items of the step.
 * Nothing is half-written: either all of it lands or none does.
 */
export async function commitCase(change: CaseChange): Promise<Case> {
  const { before, event } = change;
  const seq = (before?.eventSeq ?? 0) + 1;
  const from: CaseStatus | null = before?.status ?? null;
  const audit = chainEvent(before?.lastEventHash ?? GENESIS_HASH, {
    seq,
    at: event.at,
    actor: event.actor,
    action: event.action,
    from,
    to: change.after.status,
    detail: event.detail,
  });
  const owed = change.after.pendingWorkflow;
  // a stable index key while the same workflow is owed: its intermediate steps move no index entry
  const pendingSince = owed ? (owed === before?.pendingWorkflow ? (before?.pendingSince ?? event.at) : event.at) : undefined;
  const after: Case = { ...change.after, version: (before?.version ?? 0) + 1, eventSeq: seq, lastEventHash: audit.hash, updatedAt: event.at, pendingSince };
  const TableName = table();
  const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
    before
      ? {
          Put: {
            TableName,
            Item: caseItem(after),
            ConditionExpression: '#v = :v',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':v': before.version },
          },
        }
      : { Put: { TableName, Item: caseItem(after), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName, Item: { ...eventKey(after.caseId, seq), type: 'event', ...audit }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...(change.newTasks ?? []).map((t) => ({ Put: { TableName, Item: taskItem(t), ConditionExpression: 'attribute_not_exists(pk)' } })),
    ...[...(change.completedTasks ?? []), ...(change.updatedTasks ?? [])].map((t) => ({
      Put: {
        TableName,
        Item: taskItem(t),
        ConditionExpression: '#s = :open',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':open': 'open' },
      },
    })),
    ...(change.notices ?? []).map((n) => ({
      Put: {
        TableName,
        Item: { ...noticeKey(after.caseId, n.noticeId), type: 'notice', ...n, ...(change.noticesRenderedBy === 'workflow' ? {} : { pendPk: RENDER_PENDING, pendSk: `${n.issuedAt}#${n.noticeId}` }) },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
    ...(change.extraPuts ?? []).map((Item) => ({ Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } })),
    ...(change.replacePuts ?? []).map(({ item, status }) => ({
      Put: { TableName, Item: item, ConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': status } },
    })),
    // what was filed, only when it changes (filing, correction); the case's version condition guards it.
    // After the case, event and task items: the conflict mapping below counts on their positions.
    ...(!before || JSON.stringify([before.materials, before.form]) !== JSON.stringify([after.materials, after.form])
      ? [{ Put: { TableName, Item: { ...filingKey(after.caseId), type: 'filing', materials: after.materials, form: after.form } } }]
      : []),
  ];
  // N15: a new case takes the applicant's open-case marker for its matter; a case that ends gives it back
  const lock = openCaseKey(after.applicant.sub, after.matterCode);
  const lockIndex = items.length;
  if (!before) items.push({ Put: { TableName, Item: { ...lock, type: 'open', caseId: after.caseId, receiptNo: after.receiptNo }, ConditionExpression: 'attribute_not_exists(pk)' } });
  else if (TERMINAL.includes(after.status) && !TERMINAL.includes(before.status)) items.push({ Delete: { TableName, Key: lock } });
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (err) {
    const reasons = reasonsOf(err);
    if (!reasons) throw err;
    const failed = (i: number) => reasons[i]?.Code === 'ConditionalCheckFailed';
    const taskStart = 2 + (change.newTasks?.length ?? 0);
    const completedCount = change.completedTasks?.length ?? 0;
    if (Array.from({ length: completedCount }, (_, i) => taskStart + i).some(failed)) {
      throw conflict('the task has already been completed', undefined, err);
    }
    if (failed(0) && !before) throw conflict(`case ${after.caseId} already exists`, undefined, err);
    if (!before && failed(lockIndex)) {
      const open = await dynamo().send(new GetCommand({ TableName, Key: lock, ConsistentRead: true }));
      throw conflict(`the applicant already has an open case for matter ${after.matterCode}`, { caseId: open.Item?.caseId, receiptNo: open.Item?.receiptNo }, err);
    }
    if (failed(0) || failed(1)) throw new StaleCase(after.caseId, { cause: err });
    throw err;
  }
  return after;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const encodeCursor = (key: Record<string, unknown> | undefined) =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export async function queryPage<T>(
  params: { IndexName: string; KeyConditionExpression: string; ExpressionAttributeValues: Record<string, unknown>; ScanIndexForward?: boolean },
  limit: number,
  cursor?: string,
): Promise<Page<T>> {
  const res = await dynamo().send(
    new QueryCommand({ TableName: table(), ...params, Limit: limit, ExclusiveStartKey: decodeCursor(cursor) }),
  );
  return { items: (res.Items ?? []).map((i) => strip<T>(i)!), nextCursor: encodeCursor(res.LastEvaluatedKey) };
}

export const listMyCases = (sub: string, limit: number, cursor?: string) =>
  queryPage<Case>(
    { IndexName: GSI.applicant, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': `APPLICANT#${sub}` }, ScanIndexForward: false },
    limit,
    cursor,
  );

export const listOpenTasks = (dept: string, limit: number, cursor?: string) =>
  queryPage<Task>(
    { IndexName: GSI.queue, KeyConditionExpression: 'queuePk = :p', ExpressionAttributeValues: { ':p': `QUEUE#${dept}` } },
    limit,
    cursor,
  );

/** Open cases whose next date (deadline, acceptance limit or correction due) falls in `month` (YYYY-MM), before `before` if given. */
export async function* openCaseIdsDue(month: string, before?: string): AsyncGenerator<string> {
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo().send(
      new QueryCommand({
        TableName: table(),
        IndexName: GSI.deadline,
        KeyConditionExpression: before ? 'dlPk = :m AND dlSk < :b' : 'dlPk = :m',
        ExpressionAttributeValues: { ':m': `OPEN#${month}`, ...(before ? { ':b': before } : {}) },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of res.Items ?? []) yield String(item.pk).slice('CASE#'.length);
    start = res.LastEvaluatedKey;
  } while (start);
}
