/**
 * Single-table keys of the case table. One partition per case holds the case, its audit events, tasks
 * and notices, so a case and everything written with it fit one transaction and one Query.
 */
export const caseKey = (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CASE' });
/**
 * What was filed (materials and form) beside the case item, not in it: it changes only at filing and on
 * a correction, while the case item is rewritten at every step and a write costs by the item's size.
 */
export const filingKey = (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CASE#FILING' });
export const eventKey = (caseId: string, seq: number) => ({ pk: `CASE#${caseId}`, sk: `EVENT#${String(seq).padStart(6, '0')}` });
export const taskKey = (caseId: string, taskId: string) => ({ pk: `CASE#${caseId}`, sk: `TASK#${taskId}` });
export const complaintKey = (caseId: string, complaintId: string) => ({ pk: `CASE#${caseId}`, sk: `COMPLAINT#${complaintId}` });
export const noticeKey = (caseId: string, noticeId: string) => ({ pk: `CASE#${caseId}`, sk: `NOTICE#${noticeId}` });
export const licenceKey = (licenceId: string) => ({ pk: `LICENCE#${licenceId}`, sk: 'LICENCE' });
/** One open case per applicant and matter (N15: one record whatever the channel): held while the case is open. */
export const openCaseKey = (applicantSub: string, matterCode: string) => ({ pk: `OPEN#${applicantSub}`, sk: `MATTER#${matterCode}` });

/** GSI names, shared by the CDK table definition and the queries. */
export const GSI = {
  /** an applicant's own cases: gsi1pk = APPLICANT#sub, gsi1sk = submittedAt */
  applicant: 'byApplicant',
  /** open tasks of a department: queuePk = QUEUE#dept (only while open: a sparse index), queueSk = deadline#taskId */
  queue: 'workQueue',
  /** open cases by deadline, for the sweeper and alerts: dlPk = OPEN#yyyy-mm, dlSk = deadline#caseId */
  deadline: 'byDeadline',
  /**
   * work the platform still owes (sparse): cases whose next workflow has not finished (pendPk = PENDING,
   * pendSk = pendingSince#caseId) and notices whose PDF is not yet rendered (pendPk = RENDER, pendSk = issuedAt#noticeId)
   */
  pending: 'pendingWorkflow',
} as const;

/** What the `byApplicant` index projects: the fields of a case summary (`caseSummary`, GET /v1/cases?mine=true). */
export const CASE_SUMMARY_FIELDS = ['caseId', 'receiptNo', 'matterCode', 'matterName', 'status', 'submittedAt', 'deadline'] as const;

/** the `pending` partition of notices waiting for their document; the notices stream filter matches it too */
export const RENDER_PENDING = 'RENDER';
/** notices whose PDF failed every time the sweeper asked: set aside for an operator (the stream filter ignores them) */
export const RENDER_STUCK = 'RENDER_STUCK';

/** Catalog table: pk = MATTER#code, sk = V#000001 per version and CURRENT for the published one. */
export const matterKey = (code: string, version?: number) => ({
  pk: `MATTER#${code}`,
  sk: version === undefined ? 'CURRENT' : `V#${String(version).padStart(6, '0')}`,
});
export const CATALOG_GSI = {
  /** published matters: pubPk = PUBLISHED#region, pubSk = code (sparse: only published CURRENT items); projects SEARCH_FIELDS */
  published: 'published',
  /** every implementation of a base matter: basePk = BASE#baseCode, baseSk = region#code (CURRENT items) */
  byBaseCode: 'byBaseCode',
} as const;
export const changeKey = (id: string) => ({ pk: `CHANGE#${id}`, sk: 'CHANGE' });
/** when the catalog last changed and was last published (the sweeper republishes when the first is later) */
export const CATALOG_META_KEY = { pk: 'CATALOG#META', sk: 'META' };

/** Task ids carry their case id so a task is one GetItem away: `<caseId>.A1`, `<caseId>.R2`. */
export const caseIdOfTask = (taskId: string) => taskId.split('.')[0];

/**
 * What the `published` index projects: the fields the search index is built from, so a publish reads
 * a few hundred bytes per matter instead of its whole guide.
 */
export const SEARCH_FIELDS = ['code', 'baseCode', 'name', 'type', 'level', 'dept', 'deptName', 'region', 'regionName', 'township', 'townshipName', 'promiseDays', 'legalDays', 'onlineDepth', 'handlingItem', 'keywords', 'status'] as const;
