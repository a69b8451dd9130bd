import { GetCommand, QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { chainEvent, GENESIS_HASH } from '../../domain/audit.ts';
import type { AuditEvent, Case, CaseStatus, CaseSummary, Notice, Task } from '../../domain/case.ts';
import type { Complaint } from '../../domain/complaint.ts';
import { Conflict, OpenCaseExists, Stale } from '../../domain/errors.ts';
import type { Alert } from '../../domain/alert.ts';
import { holderKey, licenceSummary, type Licence, type LicenceSummary } from '../../domain/licence.ts';
import { isOpen } from '../../domain/lifecycle.ts';
import type { CaseFile } from '../../domain/case-file.ts';
import type { CaseChange, CaseRepository, Page, PageRequest } from '../../domain/ports.ts';
import { regionContains } from '../../domain/rules/n4-region-scope.ts';
import { casesTable, dynamo } from './client.ts';
import { page, type CursorShape } from './cursor.ts';
import { bookingItem } from './bookings.ts';
import { deadlineCaseIds, queryAll } from './query.ts';
import {
  applicantIndex,
  applicantPartition,
  CASE_ITEM,
  CASE_PREFIX,
  caseIdOfKey,
  caseKey,
  complaintKey,
  complaintQueueIndex,
  deadlineIndex,
  expiryIndex,
  followUpIndex,
  followUpPartition,
  expiryPartition,
  deadlinePartition,
  eventKey,
  filingKey,
  GSI,
  holderEntryKey,
  holderPartition,
  HOLDER_PREFIX,
  licenceKey,
  noticeKey,
  OPEN_COMPLAINTS,
  openCaseKey,
  pendingIndex,
  queueIndex,
  queuePartition,
  renderIndex,
  stripKeys,
  watchKey,
  taskKey,
} from './keys.ts';
import { cancellationReasons } from './transactions.ts';


/** no package of the platform expires before the year it went live (a development one may expire in it) */
const EARLIEST_EXPIRY_YEAR = 2026;

function caseItem(c: Case): Record<string, unknown> {
  // materials and form live in the filing item (filingKey)
  const { materials, form, ...rest } = c;
  // the date that matters next: a correction's answer, the promised deadline, or the acceptance limit
  const due = (c.status === 'correction_required' ? c.correctionDue : undefined) ?? c.deadline ?? c.acceptBy;
  return {
    ...caseKey(c.caseId),
    type: 'case',
    ...rest,
    ...applicantIndex(c.applicant.sub, c.submittedAt, c.caseId),
    ...(isOpen(c.status) ? deadlineIndex(due, c.caseId) : {}),
    ...(c.evaluation?.followUp ? followUpIndex(c.evaluation.followUp.status, c.evaluation.followUp.dept, c.evaluation.followUp.due, c.caseId) : {}),
    ...(c.archive && !c.archive.legalHold && !c.destroyed ? expiryIndex(c.archive.retainUntil, c.caseId) : {}),
    // sparse: only cases waiting for a workflow, so the sweeper's Query reads nothing else
    ...(c.pendingWorkflow ? pendingIndex(c.pendingSince ?? c.updatedAt ?? c.submittedAt, c.caseId) : {}),
  };
}

const licenceItem = (l: Licence) => ({ ...licenceKey(l.licenceId), kind: 'licence', ...l });
/** A licence item without its keys and its item kind (`type` is the licence's own: its 证照类型代码). */
const stripLicence = <T>(item: Record<string, unknown>): T => {
  const { pk: _pk, sk: _sk, kind: _kind, ...rest } = item;
  return rest as T;
};
const holderEntry = (l: Licence) => ({ ...holderEntryKey(holderKey(l.holder.type, l.holder.idNumber), l.issuedAt, l.licenceId), kind: 'holder_licence', ...licenceSummary(l) });

const taskItem = (t: Task) => ({ ...taskKey(t.caseId, t.taskId), type: 'task', ...t, ...(t.status === 'open' ? queueIndex(t.dept, t.deadline, t.taskId) : {}) });

// open complaints sit in the supervisors' queue (the work-queue index, a partition of their own)
const complaintItem = (c: Complaint) => ({ ...complaintKey(c.caseId, c.complaintId), type: 'complaint', ...c, ...(c.status === 'open' ? complaintQueueIndex(c.filedAt, c.complaintId) : {}) });

/** The case item with its filing item merged back in (an item written before the split carries both). */
function withFiling(item: Record<string, unknown> | undefined, filing: Record<string, unknown> | undefined): Case | undefined {
  if (!item) return undefined;
  const c = stripKeys<Case>(item);
  return { ...c, materials: (filing?.materials as Case['materials']) ?? c.materials ?? [], form: (filing?.form as Case['form']) ?? c.form ?? {} };
}

const caseQuery = (caseId: string, skPrefix?: string, start?: Record<string, unknown>) =>
  new QueryCommand({
    TableName: casesTable(),
    KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
    ExpressionAttributeValues: { ':pk': caseKey(caseId).pk, ...(skPrefix ? { ':prefix': skPrefix } : {}) },
    ConsistentRead: true,
    ExclusiveStartKey: start,
  });

const LISTS = {
  mine: (sub: string): CursorShape => ({ list: 'cases.mine', attributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'], partition: { attribute: 'gsi1pk', value: applicantPartition(sub) }, item: (pk, sk) => pk.startsWith(CASE_PREFIX) && sk === CASE_ITEM.case }),
  tasks: (dept: string): CursorShape => ({ list: 'tasks.open', attributes: ['pk', 'sk', 'queuePk', 'queueSk'], partition: { attribute: 'queuePk', value: queuePartition(dept) }, item: (pk, sk) => pk.startsWith(CASE_PREFIX) && sk.startsWith(CASE_ITEM.task) }),
  followUps: (status: string, within: string): CursorShape => ({
    list: `followups.${status}`,
    attributes: ['pk', 'sk', 'queuePk', 'queueSk'],
    partition: { attribute: 'queuePk', value: followUpPartition(status) },
    item: (pk, sk) => pk.startsWith(CASE_PREFIX) && sk === CASE_ITEM.case,
    within: { attribute: 'queueSk', prefix: within },
  }),
  licences: (holder: string): CursorShape => ({ list: 'licences.mine', attributes: ['pk', 'sk'], partition: { attribute: 'pk', value: holderPartition(holder) }, item: (pk, sk) => pk.startsWith(HOLDER_PREFIX) && sk.startsWith('LICENCE#') }),
  complaints: (): CursorShape => ({ list: 'complaints.open', attributes: ['pk', 'sk', 'queuePk', 'queueSk'], partition: { attribute: 'queuePk', value: OPEN_COMPLAINTS }, item: (pk, sk) => pk.startsWith(CASE_PREFIX) && sk.startsWith(CASE_ITEM.complaint) }),
};


/** The case table as the steps' case repository: one Query per case file, one transaction per step. */
export const caseRepository: CaseRepository = {
  /** The case: one Query for its item and its filing item (both small, so it costs what a GetItem does). */
  async getCase(caseId) {
    const res = await dynamo().send(caseQuery(caseId, CASE_ITEM.case));
    const items = res.Items ?? [];
    return withFiling(
      items.find((i) => i.sk === CASE_ITEM.case),
      items.find((i) => i.sk === CASE_ITEM.filing),
    );
  },

  /** The case with its events, tasks, notices and complaints: one Query on its partition. */
  async getFile(caseId): Promise<CaseFile | undefined> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await dynamo().send(caseQuery(caseId, undefined, start));
      items.push(...(res.Items ?? []));
      start = res.LastEvaluatedKey;
    } while (start);
    const c = withFiling(
      items.find((i) => i.sk === CASE_ITEM.case),
      items.find((i) => i.sk === CASE_ITEM.filing),
    );
    if (!c) return undefined;
    const of = <T>(prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix)).map((i) => stripKeys<T>(i));
    const watch = items.find((i) => i.sk === watchKey(caseId).sk) as { watchAt?: string; caseVersion?: number } | undefined;
    return {
      case: c,
      events: of<AuditEvent>(CASE_ITEM.event),
      tasks: of<Task>(CASE_ITEM.task),
      notices: of<Notice>(CASE_ITEM.notice),
      complaints: of<Complaint>(CASE_ITEM.complaint),
      alerts: of<Alert>(CASE_ITEM.alert),
      ...(watch ? { watch: { ...(watch.watchAt ? { date: watch.watchAt } : {}), caseVersion: watch.caseVersion ?? 0 } } : {}),
    };
  },

  /**
   * One step of a case in a single DynamoDB transaction: the case (conditioned on its version), its
   * audit event chained to the last one [H9], and the tasks, notices and other items of the step.
   * Nothing is half-written: either all of it lands or none does.
   */
  async commit(change: CaseChange): Promise<Case> {
    const { before, event } = change;
    const seq = (before?.eventSeq ?? 0) + 1;
    const from: CaseStatus | null = before?.status ?? null;
    const audit = chainEvent(before?.lastEventHash ?? GENESIS_HASH, { seq, at: event.at, actor: event.actor, action: event.action, from, to: change.after.status, detail: event.detail });
    const owed = change.after.pendingWorkflow;
    // a stable index key while the same workflow is owed: its intermediate steps move no index entry
    const pendingSince = owed ? (owed === before?.pendingWorkflow ? (before?.pendingSince ?? event.at) : event.at) : undefined;
    const after: Case = { ...change.after, version: (before?.version ?? 0) + 1, eventSeq: seq, lastEventHash: audit.hash, updatedAt: event.at, pendingSince };
    const TableName = casesTable();
    // a licence is revoked or superseded once: only while it is still as the step read it, its PDF
    // included (one recorded meanwhile would be lost with a write of what was read: the step reads again)
    const licenceUpdates = (change.licenceUpdates ?? []).flatMap(({ before: was, after: now }) => [
      {
        Put: {
          TableName,
          Item: licenceItem(now),
          ConditionExpression: `#ls = :was AND ${was.pdf ? 'pdf.sha256 = :pdf' : 'attribute_not_exists(pdf)'}`,
          ExpressionAttributeNames: { '#ls': 'status' },
          ExpressionAttributeValues: { ':was': was.status, ...(was.pdf ? { ':pdf': was.pdf.sha256 } : {}) },
        },
      },
      { Put: { TableName, Item: holderEntry(now) } },
    ]);
    const onlyWhileOpen = { ConditionExpression: '#s = :open', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':open': 'open' } };
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      before
        ? { Put: { TableName, Item: caseItem(after), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': before.version } } }
        : { Put: { TableName, Item: caseItem(after), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName, Item: { ...eventKey(after.caseId, seq), type: 'event', ...audit }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ...(change.newTasks ?? []).map((t) => ({ Put: { TableName, Item: taskItem(t), ConditionExpression: 'attribute_not_exists(pk)' } })),
      ...[...(change.completedTasks ?? []), ...(change.updatedTasks ?? [])].map((t) => ({ Put: { TableName, Item: taskItem(t), ...onlyWhileOpen } })),
      ...(change.notices ?? []).map((n) => ({
        Put: { TableName, Item: { ...noticeKey(after.caseId, n.noticeId), type: 'notice', ...n, ...(change.noticesRenderedBy === 'workflow' ? {} : renderIndex(n.issuedAt, n.noticeId)) }, ConditionExpression: 'attribute_not_exists(pk)' },
      })),
      ...(change.licence
        ? [
            { Put: { TableName, Item: licenceItem(change.licence), ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName, Item: holderEntry(change.licence), ConditionExpression: 'attribute_not_exists(pk)' } },
          ]
        : []),
      ...licenceUpdates,
      ...(change.complaint && 'filed' in change.complaint ? [{ Put: { TableName, Item: complaintItem(change.complaint.filed), ConditionExpression: 'attribute_not_exists(pk)' } }] : []),
      // what was filed, only when it changes (filing, correction); the case's version condition guards it
      ...(!before || JSON.stringify([before.materials, before.form]) !== JSON.stringify([after.materials, after.form])
        ? [{ Put: { TableName, Item: { ...filingKey(after.caseId), type: 'filing', materials: after.materials, form: after.form } } }]
        : []),
    ];
    // a complaint is handled once: its item is replaced only while it is still open
    const handledIndex = change.complaint && 'handled' in change.complaint ? items.push({ Put: { TableName, Item: complaintItem(change.complaint.handled), ...onlyWhileOpen } }) - 1 : -1;
    // [H20] the booking a window filing serves, only while it is as the filing validated it
    const bookingIndex = change.servedBooking
      ? items.push({ Put: { TableName, Item: bookingItem(change.servedBooking.booking), ConditionExpression: '#bv = :bv', ExpressionAttributeNames: { '#bv': 'version' }, ExpressionAttributeValues: { ':bv': change.servedBooking.expectedVersion } } }) - 1
      : -1;
    // [N15] a new case takes the applicant's open-case marker for its matter; a case that ends gives it back
    const lock = openCaseKey(after.applicant.sub, after.matterCode);
    const lockIndex = items.length;
    if (!before) items.push({ Put: { TableName, Item: { ...lock, type: 'open', caseId: after.caseId, receiptNo: after.receiptNo }, ConditionExpression: 'attribute_not_exists(pk)' } });
    else if (!isOpen(after.status) && isOpen(before.status)) items.push({ Delete: { TableName, Key: lock } });
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      const reasons = cancellationReasons(err);
      if (!reasons) throw err;
      const failed = (i: number) => reasons[i]?.Code === 'ConditionalCheckFailed';
      const completedFrom = 2 + (change.newTasks?.length ?? 0);
      if (Array.from({ length: change.completedTasks?.length ?? 0 }, (_, i) => completedFrom + i).some(failed)) throw new Conflict('the task has already been completed', { cause: err });
      if (failed(0) && !before) throw new Conflict(`case ${after.caseId} already exists`, { cause: err });
      if (!before && failed(lockIndex)) {
        const open = await dynamo().send(new GetCommand({ TableName, Key: lock, ConsistentRead: true }));
        throw new OpenCaseExists({ caseId: open.Item?.caseId as string | undefined, receiptNo: open.Item?.receiptNo as string | undefined }, { cause: err });
      }
      if (handledIndex >= 0 && failed(handledIndex)) throw new Conflict('the complaint has already been handled', { cause: err });
      if (bookingIndex >= 0 && failed(bookingIndex)) throw new Conflict('the booking was served or changed meanwhile', { cause: err });
      const changedLicence = (change.licenceUpdates ?? []).find((_, i) => failed(items.indexOf(licenceUpdates[i * 2])));
      if (changedLicence) {
        // its status moved: revoked or superseded by someone else; only its PDF was recorded: read it again
        const now = await this.getLicence(changedLicence.before.licenceId);
        if (now?.status !== changedLicence.before.status) throw new Conflict('the licence was changed meanwhile (revoked or superseded)', { cause: err });
        throw new Stale(after.caseId, { cause: err });
      }
      if (failed(0) || failed(1)) throw new Stale(after.caseId, { cause: err });
      throw err;
    }
    return after;
  },

  listByApplicant(sub, req) {
    return page<CaseSummary>(LISTS.mine(sub), { IndexName: GSI.applicant, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': applicantPartition(sub) }, ScanIndexForward: false }, req);
  },

  listOpenTasks(dept, req) {
    return page<Task>(LISTS.tasks(dept), { IndexName: GSI.queue, KeyConditionExpression: 'queuePk = :p', ExpressionAttributeValues: { ':p': queuePartition(dept) } }, req);
  },

  async listOpenComplaints(region, req) {
    const res = await page<Complaint>(LISTS.complaints(), { IndexName: GSI.queue, KeyConditionExpression: 'queuePk = :p', ExpressionAttributeValues: { ':p': OPEN_COMPLAINTS } }, req);
    // one queue for the province, read in order; each supervisor is shown what lies in their region
    return region ? { ...res, items: res.items.filter((c) => regionContains(region, c.region)) } : res;
  },

  openCasesDue(month, before) {
    return deadlineCaseIds(before ? 'dlPk = :m AND dlSk < :b' : 'dlPk = :m', { ':m': deadlinePartition(month), ...(before ? { ':b': before } : {}) });
  },

  async *expiring(before) {
    // one partition per year of expiry, from this platform's first year to the cut-off's
    for (let year = EARLIEST_EXPIRY_YEAR; year <= Number(before.slice(0, 4)); year++) {
      yield* deadlineCaseIds('dlPk = :y AND dlSk <= :b', { ':y': expiryPartition(String(year)), ':b': `${before}#~` });
    }
  },

  async listFollowUps(q, req) {
    return page<Case>(LISTS.followUps(q.status, q.within), { IndexName: GSI.queue, KeyConditionExpression: 'queuePk = :p AND begins_with(queueSk, :w)', ExpressionAttributeValues: { ':p': followUpPartition(q.status), ':w': q.within } }, req);
  },

  async getLicence(licenceId): Promise<Licence | undefined> {
    const res = await dynamo().send(new GetCommand({ TableName: casesTable(), Key: licenceKey(licenceId) }));
    return res.Item ? stripLicence<Licence>(res.Item) : undefined;
  },

  async listLicences(holder, req) {
    const res = await page<Record<string, unknown>>(LISTS.licences(holder), { KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': holderPartition(holder) }, ScanIndexForward: false }, req);
    return { items: res.items.map((i) => stripLicence<LicenceSummary>(i)), nextCursor: res.nextCursor };
  },

  async licencesOfType(holder, type) {
    // a holder's partition holds a few entries; the type is filtered within it (a Query, never a Scan)
    const items = await queryAll({ KeyConditionExpression: 'pk = :p', FilterExpression: '#t = :t', ExpressionAttributeNames: { '#t': 'type' }, ExpressionAttributeValues: { ':p': holderPartition(holder), ':t': type }, ScanIndexForward: false });
    return items.map((i) => stripLicence<LicenceSummary>(i));
  },
};

