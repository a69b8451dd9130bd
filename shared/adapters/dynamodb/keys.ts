/**
 * Every key of the platform's tables, and its parser, in this one place: nothing else builds a key
 * or reads one apart.
 *
 * Case table: one partition per case holds the case, what was filed, its audit events, tasks, notices
 * and complaints, so a case and everything written with it fit one transaction and one Query. Beside
 * the cases: licences, open-case markers, authorisations, the staff registers, platform marks.
 */
export const CASE_PREFIX = 'CASE#';
export const caseKey = (caseId: string) => ({ pk: `${CASE_PREFIX}${caseId}`, sk: 'CASE' });
/**
 * What was filed (materials and form) beside the case item, not in it: it changes only at filing and on
 * a correction, while the case item is rewritten at every step and a write costs by the item's size.
 */
export const filingKey = (caseId: string) => ({ pk: `${CASE_PREFIX}${caseId}`, sk: 'CASE#FILING' });
export const eventKey = (caseId: string, seq: number) => ({ pk: `${CASE_PREFIX}${caseId}`, sk: `EVENT#${String(seq).padStart(6, '0')}` });
export const taskKey = (caseId: string, taskId: string) => ({ pk: `${CASE_PREFIX}${caseId}`, sk: `TASK#${taskId}` });
export const complaintKey = (caseId: string, complaintId: string) => ({ pk: `${CASE_PREFIX}${caseId}`, sk: `COMPLAINT#${complaintId}` });
export const noticeKey = (caseId: string, noticeId: string) => ({ pk: `${CASE_PREFIX}${caseId}`, sk: `NOTICE#${noticeId}` });

/** An e-supervision alert [N20] in its case's partition, one per rule and subject, so a finding is raised once. */
export const alertKey = (caseId: string, rule: string, subject?: string) => ({ pk: `${CASE_PREFIX}${caseId}`, sk: `ALERT#${rule}#${subject ?? ''}` });
/** Alerts on service guides [N20] 事前, one small partition beside the cases: one item per incomplete version of a matter. */
export const GUIDE_ALERTS = 'GUIDE_ALERTS';
export const guideAlertKey = (alertId: string) => ({ pk: GUIDE_ALERTS, sk: `ALERT#${alertId}` });
/** When the sweeper looks at a case again [N20]: one small item beside the case, never the case item itself (a step's version stays its own). */
export const watchKey = (caseId: string) => ({ pk: `${CASE_PREFIX}${caseId}`, sk: 'WATCH' });

/** A step of a case counted into the business counters [N20]: the marker that makes a redelivery count nothing (beside the case's partition, not in it: a case file is read whole). */
export const countedKey = (caseId: string, seq: number) => ({ pk: `COUNTED#${caseId}`, sk: String(seq).padStart(6, '0') });
/** The counters of a region [N20]: one partition per region, an item per day and entry (DEPT#code or REGION#code). */
export const counterPartition = (region: string) => `METRICS#${region}`;
export const counterKey = (region: string, day: string, entry: string) => ({ pk: counterPartition(region), sk: `DAY#${day}#${entry}` });

/** The kinds of item in a case's partition, by their sort-key prefix. */
export const CASE_ITEM = { case: 'CASE', filing: 'CASE#FILING', event: 'EVENT#', task: 'TASK#', notice: 'NOTICE#', complaint: 'COMPLAINT#', alert: 'ALERT#' } as const;

/** The case id of a key in a case's partition, or undefined for any other key. */
export function caseIdOfKey(key: { pk?: unknown }): string | undefined {
  const pk = typeof key.pk === 'string' ? key.pk : '';
  return pk.startsWith(CASE_PREFIX) ? pk.slice(CASE_PREFIX.length) : undefined;
}

/** The notice id of a notice item's key, or undefined for any other key. */
export function noticeIdOfKey(key: { sk?: unknown }): string | undefined {
  const sk = typeof key.sk === 'string' ? key.sk : '';
  return sk.startsWith(CASE_ITEM.notice) ? sk.slice(CASE_ITEM.notice.length) : undefined;
}

export const licenceKey = (licenceId: string) => ({ pk: `LICENCE#${licenceId}`, sk: 'LICENCE' });
/**
 * The licence store by holder [E14] [E16]: one small entry per licence in the holder's partition (the
 * holder key is a hash of who the licence names), newest first; written and changed in the same
 * transaction as the licence itself.
 */
export const HOLDER_PREFIX = 'HOLDER#';
export const holderPartition = (holderKey: string) => `${HOLDER_PREFIX}${holderKey}`;
export const holderEntryKey = (holderKey: string, issuedAt: string, licenceId: string) => ({ pk: holderPartition(holderKey), sk: `LICENCE#${issuedAt}#${licenceId}` });
/** The trust anchors [E13]: one partition, an item per anchor and one per change. */
export const ANCHORS_PARTITION = 'TRUST_ANCHORS';
export const trustAnchorKey = (anchorId: string) => ({ pk: ANCHORS_PARTITION, sk: `ANCHOR#${anchorId}` });
export const trustAnchorChangeKey = (anchorId: string, at: string, action: string) => ({ pk: ANCHORS_PARTITION, sk: `LOG#${anchorId}#${at}#${action}` });
/** One open case per applicant and matter [N15] (one record whatever the channel): held while the case is open. */
export const openCaseKey = (applicantSub: string, matterCode: string) => ({ pk: `OPEN#${applicantSub}`, sk: `MATTER#${matterCode}` });
/** An authorisation a resident gave an agent [H26]. */
export const authorisationKey = (applicantSub: string, agentSub: string) => ({ pk: `AUTH#${applicantSub}`, sk: `AGENT#${agentSub}` });

/** A department's staff register [N13]: its marker (the register exists), its members, its record of changes, absences [H22]. */
export const STAFF_ITEM = { marker: 'REGISTER', member: 'MEMBER#', change: 'LOG#', absence: 'ABSENCE#' } as const;
export const staffPartition = (dept: string) => `STAFF#${dept}`;
export const registerKey = (dept: string) => ({ pk: staffPartition(dept), sk: STAFF_ITEM.marker });
export const memberKey = (dept: string, sub: string) => ({ pk: staffPartition(dept), sk: `${STAFF_ITEM.member}${sub}` });
export const staffChangeKey = (dept: string, at: string, sub: string) => ({ pk: staffPartition(dept), sk: `${STAFF_ITEM.change}${at}#${sub}` });
export const absenceKey = (dept: string, sub: string) => ({ pk: staffPartition(dept), sk: `${STAFF_ITEM.absence}${sub}` });

/**
 * Bookings (网上预约) [H20] beside the cases: the booking in a partition of its own (its booker's list on
 * the applicant index, `BOOKINGS#sub`, which no case uses), the places taken in each slot in its hall's
 * partition (sparse: a slot nobody booked has no item; the sort key orders by day, so a hall's month is
 * one range), each person's bookings of a day at a hall, and the hall's check-in codes of a day.
 */
export const bookingKey = (bookingId: string) => ({ pk: `BOOKING#${bookingId}`, sk: 'BOOKING' });
export const bookerIndex = (sub: string, date: string, start: string, bookingId: string) => ({ gsi1pk: bookerPartition(sub), gsi1sk: `${date}T${start}#${bookingId}` });
export const bookerPartition = (sub: string) => `BOOKINGS#${sub}`;
export const hallPartition = (hallId: string) => `HALL#${hallId}`;
/** `610113.W01.20260603T0900` → sk `SLOT#20260603T0900#W01` */
export const slotKey = (hallId: string, windowId: string, date: string, start: string) => ({ pk: hallPartition(hallId), sk: `SLOT#${date.replaceAll('-', '')}T${start.replace(':', '')}#${windowId}` });
/** A slot item's sort key read back: its window, day and start, or undefined for any other key. */
export function slotOfKey(sk: string): { windowId: string; date: string; start: string } | undefined {
  const m = /^SLOT#(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})#(W\d{2})$/.exec(sk);
  return m ? { windowId: m[6], date: `${m[1]}-${m[2]}-${m[3]}`, start: `${m[4]}:${m[5]}` } : undefined;
}
export const slotRange = (from: string, to: string) => [`SLOT#${from.replaceAll('-', '')}T`, `SLOT#${to.replaceAll('-', '')}T~`] as const;
export const bookerDayKey = (sub: string, hallId: string, date: string) => ({ pk: `BOOKER#${sub}`, sk: `DAY#${hallId}#${date}` });
export const checkInCodeKey = (hallId: string, date: string, code: string) => ({ pk: hallPartition(hallId), sk: `CODE#${date}#${code}` });
/**
 * A hall's day on the work-queue index [H20]: every booking of the day, by window and then by where it
 * stands — called (0), waiting by check-in time (1), booked by slot (2), done (3) — so the next to call
 * at a window is the first item of `windowId#1#` and the day's queue one range.
 */
export const hallDayPartition = (hallId: string, date: string) => `HALLDAY#${hallId}#${date}`;
export const HALL_DAY_PHASE = { called: '0', checked_in: '1', booked: '2', served: '3', no_show: '3', cancelled: '3' } as const;
export const hallDayIndex = (b: { hallId: string; date: string; windowId: string; status: keyof typeof HALL_DAY_PHASE; start: string; checkedInAt?: string; calledAt?: string; bookingId: string }) => ({
  queuePk: hallDayPartition(b.hallId, b.date),
  queueSk: `${b.windowId}#${HALL_DAY_PHASE[b.status]}#${b.status === 'checked_in' ? b.checkedInAt : b.status === 'called' ? b.calledAt : b.start}#${b.bookingId}`,
});

/** The year of holiday data the provisional deadlines were last counted with. */
export const CALENDAR_MARK_KEY = { pk: 'META#CALENDAR', sk: 'META' };

/** GSI names of the case table, shared by the CDK table definition and the queries. */
export const GSI = {
  /** an applicant's own cases: gsi1pk = APPLICANT#sub, gsi1sk = submittedAt#caseId */
  applicant: 'byApplicant',
  /** open tasks of a department: queuePk = QUEUE#dept (only while open: a sparse index), queueSk = deadline#taskId; open complaints: COMPLAINTS#OPEN */
  queue: 'workQueue',
  /** open cases by deadline, for the sweeper and alerts: dlPk = OPEN#yyyy-mm, dlSk = deadline#caseId */
  deadline: 'byDeadline',
  /**
   * work the platform still owes (sparse): cases whose next workflow has not finished (pendPk = PENDING,
   * pendSk = pendingSince#caseId) and notices whose PDF is not yet rendered (pendPk = RENDER, pendSk = issuedAt#noticeId)
   */
  pending: 'pendingWorkflow',
} as const;

/** The index attributes of a case's items, by index; stripped when an item is read back. */
export const applicantIndex = (sub: string, submittedAt: string, caseId: string) => ({ gsi1pk: `APPLICANT#${sub}`, gsi1sk: `${submittedAt}#${caseId}` });
export const applicantPartition = (sub: string) => `APPLICANT#${sub}`;
export const queueIndex = (dept: string, deadline: string, taskId: string) => ({ queuePk: queuePartition(dept), queueSk: `${deadline}#${taskId}` });
export const queuePartition = (dept: string) => `QUEUE#${dept}`;
export const OPEN_COMPLAINTS = 'COMPLAINTS#OPEN';
/**
 * alerts by status, in the queue index: queuePk = ALERTS#open|cleared, queueSk = dept#raisedAt#alertId.
 * A department's code begins with its region's, so a region (61, 6101, 610113) or a department is a
 * prefix of the sort key: one Query answers any of them.
 */
export const alertPartition = (status: string) => `ALERTS#${status}`;
/** a 差评's follow-up [N21] on its case item, in the queue index: FOLLOWUPS#open|answered, dept#due#caseId */
export const followUpPartition = (status: string) => `FOLLOWUPS#${status}`;
export const followUpIndex = (status: string, dept: string, due: string, caseId: string) => ({ queuePk: followUpPartition(status), queueSk: `${dept}#${due}#${caseId}` });
export const alertQueueIndex = (status: string, dept: string, raisedAt: string, alertId: string) => ({ queuePk: alertPartition(status), queueSk: `${dept}#${raisedAt}#${alertId}` });
export const complaintQueueIndex = (filedAt: string, complaintId: string) => ({ queuePk: OPEN_COMPLAINTS, queueSk: `${filedAt}#${complaintId}` });
/** sparse deadline index: only open cases, bucketed by month so no partition grows hot */
export const deadlineIndex = (due: string, caseId: string) => ({ dlPk: deadlinePartition(due.slice(0, 7)), dlSk: `${due}#${caseId}` });
export const deadlinePartition = (month: string) => `OPEN#${month}`;
/** the sweeper's watch list [N20], in the deadline index: watchPartition(yyyy-mm), dlSk = date#caseId */
export const watchPartition = (month: string) => `WATCH#${month}`;
export const watchIndex = (date: string, caseId: string) => ({ dlPk: watchPartition(date.slice(0, 7)), dlSk: `${date}#${caseId}` });
export const PENDING_WORKFLOW = 'PENDING';
export const pendingIndex = (since: string, caseId: string) => ({ pendPk: PENDING_WORKFLOW, pendSk: `${since}#${caseId}` });
/** the `pending` partition of notices waiting for their document; the notices stream filter matches it too */
export const RENDER_PENDING = 'RENDER';
/** notices whose PDF failed every time the sweeper asked: set aside for an operator (the stream filter ignores them) */
export const RENDER_STUCK = 'RENDER_STUCK';
export const renderIndex = (issuedAt: string, noticeId: string) => ({ pendPk: RENDER_PENDING, pendSk: `${issuedAt}#${noticeId}` });
/** transfer batches [E26], one partition per region and year (the id names both) */
export const transferKey = (region: string, year: string, transferId: string) => ({ pk: `TRANSFERS#${region}#${year}`, sk: `T#${transferId}` });
export const transferKeyOf = (transferId: string) => {
  const m = /^TR(\d{6})(\d{4})[0-9A-Z]+$/.exec(transferId);
  return m ? transferKey(m[1], m[2], transferId) : undefined;
};
/**
 * archived packages by the day their retention ends [E18] [E22], in the deadline index (dlPk =
 * EXPIRES#yyyy, dlSk = retainUntil#caseId): what an appraisal proposes is a query, never a scan.
 * Packages under a legal hold, and destroyed ones, are not in it.
 */
export const expiryPartition = (year: string) => `EXPIRES#${year}`;
export const expiryIndex = (retainUntil: string, caseId: string) => ({ dlPk: expiryPartition(retainUntil.slice(0, 4)), dlSk: `${retainUntil}#${caseId}` });
/** the retention schedule (保管期限表) [E22]: one small partition, an entry per matter type and its change log */
export const SCHEDULE_PARTITION = 'RETENTION_SCHEDULE';
export const scheduleEntryKey = (baseCode: string) => ({ pk: SCHEDULE_PARTITION, sk: `ENTRY#${baseCode}` });
export const scheduleChangeKey = (baseCode: string, at: string) => ({ pk: SCHEDULE_PARTITION, sk: `LOG#${baseCode}#${at}` });
/** appraisals [E18] beside the cases; the destruction register (销毁清册) one partition per appraisal, kept for good */
export const appraisalKey = (appraisalId: string) => ({ pk: `APPRAISAL#${appraisalId}`, sk: 'APPRAISAL' });
export const registerLineKey = (appraisalId: string, caseId: string) => ({ pk: `APPRAISAL#${appraisalId}`, sk: `REGISTER#${caseId}` });
/** four-property check runs still running [E18]: the checks stream filter matches them, the sweeper can find a stalled one */
export const ARCHIVE_CHECK_PENDING = 'ARCHIVE_CHECK';
export const archiveCheckKey = (checkId: string) => ({ pk: `ARCHIVECHECK#${checkId}`, sk: 'CHECK' });
export const archiveCheckIndex = (requestedAt: string, checkId: string) => ({ pendPk: ARCHIVE_CHECK_PENDING, pendSk: `${requestedAt}#${checkId}` });

/** Attributes that are keys or index keys, never part of what an item says. */
export const KEY_ATTRIBUTES = ['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'dlPk', 'dlSk', 'queuePk', 'queueSk', 'pendPk', 'pendSk', 'renderRetries'] as const;

/** An item of its own kind (an anchor, a check run, a batch …) without its keys and its `kind`: what it says. */
export function stripItem<T>(item: Record<string, unknown>): T {
  const { kind: _kind, ...rest } = stripKeys<Record<string, unknown>>(item);
  return rest as T;
}

/** An item without its key and index attributes: what it says. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...item };
  for (const k of KEY_ATTRIBUTES) delete out[k];
  return out as T;
}

// ── catalog table ──────────────────────────────────────────────────────────────────────────────

/** The halls [H8] [H11] in the catalog table: one partition (a few thousand halls), each hall an item, read by region prefix (a hall id is its region code). */
export const HALLS_PARTITION = 'HALLS';
export const hallKey = (hallId: string) => ({ pk: HALLS_PARTITION, sk: `HALL#${hallId}` });
/** The record of a hall's changes [H11]: its own partition, one item per version. */
export const hallChangePartition = (hallId: string) => `HALL#${hallId}`;
export const hallChangeKey = (hallId: string, version: number) => ({ pk: hallChangePartition(hallId), sk: `CHANGE#${String(version).padStart(6, '0')}` });

/** Catalog table: pk = MATTER#code, sk = V#000001 per version and CURRENT for the published one. */
export const MATTER_PREFIX = 'MATTER#';
export const matterKey = (code: string, version?: number) => ({
  pk: `${MATTER_PREFIX}${code}`,
  sk: version === undefined ? 'CURRENT' : `V#${String(version).padStart(6, '0')}`,
});
export const matterCodeOfKey = (key: { pk?: unknown }) => (typeof key.pk === 'string' && key.pk.startsWith(MATTER_PREFIX) ? key.pk.slice(MATTER_PREFIX.length) : undefined);
export const departmentKey = (code: string) => ({ pk: `DEPT#${code}`, sk: 'DEPT' });
export const changeKey = (id: string) => ({ pk: `CHANGE#${id}`, sk: 'CHANGE' });
/** when the catalog last changed and was last published (the sweeper republishes when the first is later) */
export const CATALOG_META_KEY = { pk: 'CATALOG#META', sk: 'META' };

export const CATALOG_GSI = {
  /** published matters: pubPk = PUBLISHED#region, pubSk = code (sparse: only published CURRENT items); projects SEARCH_FIELDS */
  published: 'published',
  /** every implementation of a base matter: basePk = BASE#baseCode, baseSk = region#code (CURRENT items) */
  byBaseCode: 'byBaseCode',
} as const;
export const publishedIndex = (region: string, code: string) => ({ pubPk: publishedPartition(region), pubSk: code });
export const publishedPartition = (region: string) => `PUBLISHED#${region}`;
export const baseCodeIndex = (baseCode: string, region: string, code: string) => ({ basePk: baseCodePartition(baseCode), baseSk: `${region}#${code}` });
export const baseCodePartition = (baseCode: string) => `BASE#${baseCode}`;
/** (a matter has a `type` of its own, 行政许可 …: only a change item's `type` is a marker, stripped where it is read) */
export const CATALOG_KEY_ATTRIBUTES = ['pk', 'sk', 'pubPk', 'pubSk', 'basePk', 'baseSk'] as const;

/**
 * What the `published` index projects: the fields the search index is built from, so a publish reads
 * a few hundred bytes per matter instead of its whole guide.
 */
export const SEARCH_FIELDS = ['code', 'baseCode', 'name', 'type', 'level', 'dept', 'deptName', 'region', 'regionName', 'township', 'townshipName', 'promiseDays', 'legalDays', 'onlineDepth', 'handlingItem', 'keywords', 'status'] as const;
