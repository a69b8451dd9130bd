import type { Authorisation } from './authorisation.ts';
import type { WorkingDayCalendar } from './calendar.ts';
import type { Actor, ArchiveRecord, Case, CaseSummary, Channel, Notice, NoticeDocument, Task } from './case.ts';
import type { CaseFile } from './case-file.ts';
import type { ChangeRequest } from './catalog-change.ts';
import type { Complaint } from './complaint.ts';
import type { Alert, AlertLevel, AlertStatus, RuleCategory } from './alert.ts';
import type { Counted, Counts, MetricDimensions } from './business-metrics.ts';
import type { Licence, LicenceDocument, LicenceSummary } from './licence.ts';
import type { TrustAnchor, TrustAnchorChange } from './trust-anchor.ts';
import type { Department, Matter } from './matter.ts';
import type { ArchiveLock } from './rules/e22-retention.ts';
import type { FormatReader, PublicAccessFlag, StoreReport } from './rules/e18-four-properties.ts';
import type { ArchiveCheck } from './archive-check.ts';
import type { Transfer } from './transfer.ts';
import type { Appraisal, RegisterLine } from './appraisal.ts';
import type { ScheduleChange, ScheduleEntry } from './retention-schedule.ts';
import type { Absence, RegisterEntry, StaffChange, StaffMember } from './staff.ts';
import type { Booking, BookingSummary } from './booking.ts';
import type { Hall, HallChange } from './hall.ts';

/**
 * What the steps need from the world, as interfaces. The adapters (`shared/adapters/`) implement them
 * on DynamoDB, S3, Step Functions and KMS; `test/unit/support/memory-ports.ts` in memory, for the unit
 * tests of every step. A step takes only the ports it uses (`Pick<Ports, …>`), so a Lambda's bundle
 * carries only the adapters its steps need.
 */
export interface Ports {
  cases: CaseRepository;
  owed: OwedWork;
  catalog: CatalogReader;
  catalogChanges: CatalogChangeStore;
  staff: StaffRegister;
  authorisations: AuthorisationStore;
  trustAnchors: TrustAnchorStore;
  timestamps: TimestampAuthority;
  uploads: UploadStore;
  workflows: Workflows;
  signer: Signer;
  archive: Archiver;
  archiveLocks: ArchiveLocks;
  archiveStore: ArchiveStore;
  archiveChecks: ArchiveCheckStore;
  transfers: TransferStore;
  appraisals: AppraisalStore;
  retentionSchedule: RetentionScheduleStore;
  alerts: AlertStore;
  counters: CounterStore;
  halls: HallStore;
  bookings: BookingStore;
  formats: FormatReader;
  documents: NoticeDocuments;
  downloads: Downloads;
  renderer: NoticeRenderer;
  metrics: Metrics;
  clock: Clock;
  /** the working-day calendar deployed with the code: a port of its own, so a function that counts no days does not carry the holiday data */
  calendar: WorkingDayCalendar;
  settings: Settings;
  regions: Regions;
}

/** One step of a case: the case as it becomes, its audit event, and what is written with it, all or nothing. */
export interface CaseChange {
  /** the case as read; undefined when the case is created */
  before?: Case;
  after: Case;
  event: { at: string; actor: Actor; action: string; detail?: Record<string, unknown> };
  /** tasks created by this step */
  newTasks?: Task[];
  /** the booking a window filing serves [H20], written only while it is still at `expectedVersion` */
  servedBooking?: { booking: Booking; expectedVersion: number };
  /** tasks this step completes: written only if they are still open (a task completes once) */
  completedTasks?: Task[];
  /** tasks updated in place while open (taken, an offline step recorded) */
  updatedTasks?: Task[];
  notices?: Notice[];
  /**
   * who renders the notices' PDFs: the renderer from the table's stream (the default, re-driven by the
   * sweeper), or the workflow this step runs in (the unified return renders its own decision and
   * delivery notices before archiving, and is itself re-driven), so no notice is rendered twice
   */
  noticesRenderedBy?: 'stream' | 'workflow';
  /** a licence issued by this step (written once) */
  licence?: Licence;
  /** licences this step changes (revoked, superseded): each written only while it is still as read */
  licenceUpdates?: { before: Licence; after: Licence }[];
  /** a complaint filed by this step, or one it handled (written only while still open) */
  complaint?: { filed: Complaint } | { handled: Complaint };
}

export interface PageRequest {
  limit: number;
  /** an opaque cursor the same list gave the same caller; anything else is refused (Malformed) */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What an alert list asks for: one status, perhaps one level, within a region or a department (a code prefix). */
export interface AlertQuery {
  status: AlertStatus;
  level?: AlertLevel;
  /** a region's code prefix (61, 6101, 610113) or a department's code followed by `#` */
  within: string;
}

/** 电子监察 alerts [N20], and when the sweeper is to look at a case again. */
export interface AlertStore {
  /** raises an alert once; false when it was raised before */
  raise(alert: Alert): Promise<boolean>;
  /** clears an open alert (kept, as cleared); false when it was not open */
  clear(alert: Alert): Promise<boolean>;
  /**
   * When the sweeper looks at the case again (none: only a step can change its alerts); a reading of an
   * older version of the case than the one that set it last changes nothing.
   */
  watch(caseId: string, caseVersion: number, date: string | undefined): Promise<void>;
  /** the open alerts on service guides (事前) */
  openGuideAlerts(): Promise<Alert[]>;
  /** the cases to look at on or before `today`, over the last `months` months of the index */
  due(today: string, months: number): AsyncIterable<string>;
  list(query: AlertQuery, page: PageRequest): Promise<Page<Alert>>;
}

/** One entry of a region's counters on one day: a department of its own, or a region below it, by channel [N20]. */
export interface CounterEntry {
  day: string;
  /** `DEPT#{code}` or `REGION#{code}` */
  entry: string;
  byChannel: Partial<Record<Channel, Counts>>;
}

/** Per-day counters per department, rolled up into every region above it [N20]. */
export interface CounterStore {
  /** adds a step's counts once: false when that step of that case was counted before (a stream redelivery) */
  add(step: { caseId: string; seq: number }, counted: Counted): Promise<boolean>;
  /** every entry of a region's partition from `from` to `to` (days, inclusive) */
  entries(region: string, from: string, to: string): Promise<CounterEntry[]>;
}

export interface CaseRepository {
  getCase(caseId: string): Promise<Case | undefined>;
  getFile(caseId: string): Promise<CaseFile | undefined>;
  /**
   * Writes one step in one transaction, conditioned on the case's version. Throws Stale when the case
   * changed meanwhile, Conflict when a task it completes was completed already, OpenCaseExists when a
   * new case's applicant already has one open for the matter [N15].
   */
  commit(change: CaseChange): Promise<Case>;
  listByApplicant(sub: string, page: PageRequest): Promise<Page<CaseSummary>>;
  listOpenTasks(dept: string, page: PageRequest): Promise<Page<Task>>;
  /** open complaints, oldest first; within `region` (and below it) when given */
  listOpenComplaints(region: string | undefined, page: PageRequest): Promise<Page<Complaint>>;
  /** ids of open cases whose next date (deadline, acceptance limit or correction due) falls in `month` (YYYY-MM), before `before` if given */
  openCasesDue(month: string, before?: string): AsyncIterable<string>;
  /** ids of archived cases whose package's retention ends by `before` (ISO), legal holds and destroyed ones left out [E18] */
  expiring(before: string): AsyncIterable<string>;
  getLicence(licenceId: string): Promise<Licence | undefined>;
  /** 差评 and their follow-ups [N21], by status, within a region or department (a code prefix), the soonest due first */
  listFollowUps(query: { status: 'open' | 'answered'; within: string }, page: PageRequest): Promise<Page<Case>>;
  /** the licence store by holder [E14] [E16]: a holder's licences, newest first */
  listLicences(holderKey: string, page: PageRequest): Promise<Page<LicenceSummary>>;
  /** a holder's licences of one type, every status (the caller decides which serve) */
  licencesOfType(holderKey: string, type: string): Promise<LicenceSummary[]>;
}

/** What the platform still owes and the sweeper makes good: workflows that did not run, notices without their PDF. */
export interface OwedWork {
  /** cases owing a workflow since before `cutoff` (ISO time) */
  owedWorkflows(cutoff: string, limit: number): Promise<string[]>;
  /** notices still without a PDF, issued before `cutoff` */
  unrenderedNotices(cutoff: string, limit: number): Promise<{ caseId: string; noticeId: string }[]>;
  /**
   * Asks the renderer again for one notice (its stream record is written anew): 'asked', 'rendered' when
   * it has its PDF meanwhile, 'exhausted' when it was asked `maxRetries` times already.
   */
  askRenderAgain(caseId: string, noticeId: string, maxRetries: number): Promise<'asked' | 'rendered' | 'exhausted'>;
  /** Sets a notice aside whose PDF failed every time (an operator looks at it; the alarm says so). */
  setRenderStuck(caseId: string, noticeId: string): Promise<void>;
  /** Records a notice's PDF once; false when it had one already (another renderer was first). */
  recordNoticeDocument(caseId: string, noticeId: string, pdf: NoticeDocument): Promise<boolean>;
  /** Records a licence's PDF once [E15]; false when it had one already. */
  recordLicenceDocument(licenceId: string, pdf: LicenceDocument): Promise<boolean>;
  /** the last year of holiday data the provisional deadlines were counted with */
  calendarYearCounted(): Promise<number | undefined>;
  markCalendarYearCounted(year: number, at: string): Promise<void>;
  /** when the catalog last changed and was last published (the sweeper republishes when the first is later) */
  catalogMarks(): Promise<{ changedAt?: string; publishedAt?: string } | undefined>;
}

export interface CatalogReader {
  /** the published version of a matter, or one given version (a case keeps the version it was filed under) */
  getMatter(code: string, version?: number): Promise<Matter | undefined>;
  getDepartment(code: string): Promise<Department | undefined>;
  /** department names for notices (a notice names who decided), the code where none is known */
  departmentNames(codes: string[]): Promise<Record<string, string>>;
}

/** The halls (政务大厅, 便民服务站) and their windows and hours [H8] [H11]. */
export interface HallStore {
  get(hallId: string): Promise<Hall | undefined>;
  /** the halls whose id begins with a region's code prefix (a province's, a city's, a county's and its stations) */
  list(regionPrefix: string, page: PageRequest): Promise<Page<Hall>>;
  /** the hall as it becomes, with the record of the change, only while it is still at `expectedVersion`; false when someone was first */
  put(hall: Hall, change: HallChange, expectedVersion: number): Promise<boolean>;
  /** the record of a hall's changes, the latest first */
  changes(hallId: string, page: PageRequest): Promise<Page<HallChange>>;
}

/** Why a booking was not written: its slot is full, the person's day is full, they hold that slot already, or the code was taken. */
export type BookRefusal = 'full' | 'limit' | 'held' | 'code';

/** Bookings (网上预约) [H20], with the places they take in their slot and in their booker's day. */
export interface BookingStore {
  /** the places taken in each slot of a hall over days, by slot id (slots nobody booked are absent) */
  taken(hallId: string, from: string, to: string): Promise<Map<string, number>>;
  /**
   * Writes a new booking with one place of its slot (at most `capacity`) and of its booker's day at
   * the hall (at most `dailyLimit`), and its check-in code, all or nothing. `exists` when a booking of
   * that id is already written (the same request again).
   */
  book(booking: Booking, limits: { capacity: number; dailyLimit: number }): Promise<{ ok: true } | { ok: false; refused: BookRefusal | 'exists' }>;
  get(bookingId: string): Promise<Booking | undefined>;
  listByBooker(sub: string, page: PageRequest): Promise<Page<BookingSummary>>;
  /** the booking cancelled and its places given back, only while it is still at its version; false when it moved */
  cancel(booking: Booking, at: string): Promise<boolean>;
  /** the booking a check-in code names at a hall on a day */
  byCode(hallId: string, date: string, code: string): Promise<Booking | undefined>;
  /** the booking as it becomes at the hall (checked in, called, missed, served), only while it is still at `expectedVersion` */
  update(booking: Booking, expectedVersion: number): Promise<boolean>;
  /** the first booking checked in and not yet called at a window on a day, by check-in time */
  nextWaiting(hallId: string, date: string, windowId: string): Promise<Booking | undefined>;
  /** the booking a window called on a day with this call key, while it is still called */
  calledWith(hallId: string, date: string, windowId: string, callKey: string): Promise<Booking | undefined>;
  /** a hall's bookings of a day (one window's, if given): called, waiting by check-in, booked by slot, done */
  dayQueue(hallId: string, date: string, windowId: string | undefined, page: PageRequest): Promise<Page<Booking>>;
}

/** Catalog change requests and the versions an applied change writes [N10]. */
export interface CatalogChangeStore {
  get(id: string): Promise<ChangeRequest | undefined>;
  /** creates a change (its id is new) */
  create(change: ChangeRequest): Promise<void>;
  /** replaces a change, only while it still has `expectedVersion`; false when someone was first */
  update(change: ChangeRequest, expectedVersion: number): Promise<boolean>;
  /** every current implementation of a base matter */
  implementationsOf(baseCode: string): Promise<Matter[]>;
  /**
   * Writes new versions of matters (version items and current items) as one change did; versions an
   * earlier run of the same change wrote are taken as written. Throws Conflict when the catalog moved.
   */
  writeVersions(matters: Matter[], changeId: string, at: string): Promise<void>;
  /** the catalog changed at `at`: the sweeper republishes if the publish that follows does not happen */
  markChanged(at: string): Promise<void>;
}

export interface StaffRegister {
  entry(dept: string, sub: string): Promise<RegisterEntry>;
  /** the member's absence in force at `at`, if one is recorded */
  absence(dept: string, sub: string, at: Date): Promise<Absence | undefined>;
  /** Writes a member's roles and the record of the change; Conflict when they changed since `expectedVersion` (0: new). */
  setRoles(member: StaffMember, change: StaffChange, expectedVersion: number): Promise<void>;
  /** the member as registered, if they are */
  member(dept: string, sub: string): Promise<StaffMember | undefined>;
  recordAbsence(absence: Absence): Promise<void>;
  record(dept: string): Promise<{ members: StaffMember[]; changes: StaffChange[] }>;
}

/** The trust anchors signed materials are checked against [E13], and their record of changes. */
export interface TrustAnchorStore {
  /** every anchor, revoked ones too (a signature is checked against those in force when it was filed) */
  list(): Promise<TrustAnchor[]>;
  get(anchorId: string): Promise<TrustAnchor | undefined>;
  /** adds an anchor with its change record; false when the certificate is an anchor already */
  add(anchor: TrustAnchor, change: TrustAnchorChange): Promise<boolean>;
  /** replaces an anchor with its revocation while it is still active; false when it was not */
  revoke(anchor: TrustAnchor, change: TrustAnchorChange): Promise<boolean>;
  changes(anchorId: string): Promise<TrustAnchorChange[]>;
}

export interface AuthorisationStore {
  get(applicantSub: string, agentSub: string): Promise<Authorisation | undefined>;
  /** a new authorisation for the same agent replaces the old one: the resident's latest word counts */
  put(a: Authorisation): Promise<void>;
  /** false when there was none */
  remove(applicantSub: string, agentSub: string): Promise<boolean>;
}

export type UploadCheck =
  | { ok: true; sha256: string; size: number; contentType: string; versionId: string }
  | { ok: false; reason: 'missing' | 'sha256_mismatch' | 'no_declared_sha256' | 'size_mismatch' | 'format_not_accepted'; declared?: string; actual?: string };

export interface UploadRequest {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface PresignedUpload {
  objectKey: string;
  url: string;
  /** the headers the PUT must send, each signed: type, length and the declared hash */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface UploadStore {
  /** a one-object upload link under the filer's own prefix, for exactly the declared type, size and hash */
  presign(ownerSub: string, req: UploadRequest): Promise<PresignedUpload>;
  /** whether the object key is one of the uploads this filer was given (nobody files another's upload) */
  isOwn(objectKey: string, sub: string): boolean;
  /**
   * reads the object's current version and compares its bytes with the SHA-256 and size declared at
   * upload; the version read is the one the case keeps
   */
  check(objectKey: string): Promise<UploadCheck>;
  /** the bytes of one version of an upload (a signed material's, to verify its signature) */
  read(objectKey: string, versionId: string): Promise<Buffer>;
}

export type WorkflowKind = 'forwarding' | 'unified_return' | 'catalog_publish';

export interface Workflows {
  /** Starts a workflow; false when it did not start (the sweeper re-drives what is owed). */
  start(kind: WorkflowKind, caseId: string, input?: Record<string, unknown>): Promise<boolean>;
}

/** An RFC 3161 time-stamp authority [E24]: the TimeStampResp over the SHA-256 of the bytes, as it came. */
export interface TimestampAuthority {
  stamp(bytes: Buffer): Promise<{ response: Buffer; url: string }>;
}

/** Signs e-licences and archive packages [E15] [E17] [E24]: ECDSA P-256 with SHA-256, DER signatures in base64. */
export interface Signer {
  sign(data: string): Promise<{ signature: string; keyId: string }>;
  verify(data: string, signature: string): Promise<boolean>;
  /** the verifying key as PEM (SubjectPublicKeyInfo), written into every package so anyone can check it */
  publicKey(): Promise<string>;
}

/** A package as the archive holds it: the object, its version, and the SHA-256 written with it. */
export interface StoredPackage {
  bucket: string;
  key: string;
  versionId: string;
  sha256: string;
  bytes: number;
}

/** The Object Lock archive bucket [E18] [E24]: one object per case, written once. */
export interface Archiver {
  /** the package already under that key (a retried archive step adopts it rather than writing another version) */
  existing(key: string): Promise<StoredPackage | undefined>;
  /** writes the package with its lock in the same request; where it is */
  store(key: string, body: Buffer, lock: ArchiveLock): Promise<StoredPackage>;
  /** deletes exactly that version if the store lets it: 'destroyed', or why the store refused [E18] */
  destroy(record: Pick<ArchiveRecord, 'bucket' | 'key' | 'versionId'>): Promise<{ destroyed: true } | { destroyed: false; reason: string }>;
}

/** The retention schedule (保管期限表) [E22], beside the cases. */
export interface RetentionScheduleStore {
  get(baseCode: string): Promise<ScheduleEntry | undefined>;
  list(): Promise<ScheduleEntry[]>;
  /** writes the entry and its change together if the entry is still at `expectedVersion` (0: new); false otherwise */
  set(entry: ScheduleEntry, change: ScheduleChange, expectedVersion: number): Promise<boolean>;
  changes(baseCode: string): Promise<ScheduleChange[]>;
}

/** Appraisals and the destruction register (销毁清册) [E18]. */
export interface AppraisalStore {
  create(appraisal: Appraisal): Promise<void>;
  get(appraisalId: string): Promise<Appraisal | undefined>;
  save(appraisal: Appraisal, expectedVersion: number): Promise<boolean>;
  /** enters lines in the destruction register, kept for good (the same line twice is one line) */
  register(lines: RegisterLine[]): Promise<void>;
  /** the register's lines of one appraisal */
  registerOf(appraisalId: string): Promise<RegisterLine[]>;
}

/** The archive as the four-property check reads it [E18]: its listing, the bytes, and what the store reports. */
export interface ArchiveStore {
  /** package keys under a prefix, a page at a time, in key order */
  list(prefix: string, cursor: string | undefined, limit: number): Promise<{ keys: string[]; next?: string }>;
  /** the bytes of exactly that version */
  read(record: Pick<ArchiveRecord, 'bucket' | 'key' | 'versionId'>): Promise<Buffer>;
  /** the lock on that version, the versions under its key, and the bucket's encryption and public access */
  report(record: Pick<ArchiveRecord, 'bucket' | 'key' | 'versionId'>): Promise<StoreReport>;
}

export interface ArchiveCheckStore {
  /** writes a new check run, due to be run (the runner is started by the write) */
  create(check: ArchiveCheck): Promise<void>;
  get(checkId: string): Promise<ArchiveCheck | undefined>;
  /** saves progress if the run is still at `expectedVersion`; false when another runner was first */
  save(check: ArchiveCheck, expectedVersion: number): Promise<boolean>;
}

/** Transfer batches to the state archive [E26], by region and year. */
export interface TransferStore {
  /** writes a new batch (its id is new: never over another) */
  create(transfer: Transfer): Promise<void>;
  get(transferId: string): Promise<Transfer | undefined>;
  /** every batch of a region's year, to leave out what an earlier batch took */
  ofYear(region: string, year: string): Promise<Transfer[]>;
  /** saves the batch if it is still at `expectedVersion` */
  save(transfer: Transfer, expectedVersion: number): Promise<boolean>;
}

export interface ArchiveLocks {
  /** the lock the object store holds on a package now (what it reports, not what was asked for) */
  lockOf(record: Pick<ArchiveRecord, 'bucket' | 'key' | 'versionId'>): Promise<{ retainUntil?: string; mode?: string; legalHold: boolean }>;
}

/** The issuer of a case's notices, as printed on them. */
export interface Issuer {
  deptName: string;
  regionName: string;
}

export interface RenderedNotice {
  bytes: Uint8Array;
  sha256: string;
  pages: number;
  /** characters the typeface lacks, printed as [U+XXXX] */
  missing: string[];
}

export interface NoticeRenderer {
  render(c: Case, notice: Notice, issuer: Issuer): Promise<RenderedNotice>;
  /** an e-licence's PDF rendition [E15] */
  licence(l: Licence): Promise<RenderedNotice>;
  /** a booking notice (预约回执) [H20], with its check-in code */
  booking(b: Booking, hall: Hall, matter: Matter | undefined): Promise<RenderedNotice>;
}

/** The names of Shaanxi's regions (行政区划), from the deployed region list. */
export interface Regions {
  /** e.g. 610113 → 陕西省西安市雁塔区 (full) or 雁塔区 */
  name(code: string, full?: boolean): string | undefined;
}

export interface NoticeDocuments {
  /** stores a notice's PDF; where it is and its hash */
  store(c: Case, notice: Notice, doc: RenderedNotice, at: string): Promise<NoticeDocument>;
  /** stores a licence's PDF rendition beside its case's notices */
  storeLicence(l: Licence, doc: RenderedNotice, at: string): Promise<NoticeDocument>;
  /** the bytes of exactly that version of a notice's PDF */
  read(pdf: NoticeDocument): Promise<Buffer>;
}

export interface Downloads {
  /** a short-lived link to exactly that version of a notice's PDF */
  noticeLink(pdf: NoticeDocument, title: string): Promise<{ url: string; expiresAt: string }>;
  /** a short-lived link to exactly that version of an archive package */
  packageLink(record: Pick<ArchiveRecord, 'bucket' | 'key' | 'versionId'>, fileName: string): Promise<{ url: string; expiresAt: string }>;
}

/** Business metrics the supervision dashboard reads [N20]. */
export type CaseMetric =
  | 'CaseSubmitted'
  | 'CaseAccepted'
  | 'CaseCorrectionRequested'
  | 'CaseRejected'
  | 'CaseReturned'
  | 'CaseWithdrawn'
  | 'CaseCompleted'
  | 'CaseCompletedOnTime'
  | 'CaseCompletedOverdue'
  | 'CaseComplaint'
  // [N21] a 差评 whose follow-up is past its day (the supervision stack alarms on it)
  | 'FollowUpOverdue'
  // 四性检测 [E18]: packages checked, and those that failed a property
  | 'ArchivePackageChecked'
  | 'ArchivePackageFailed';

export interface Metrics {
  /** a count, platform-wide and, for a case's, by its city, channel and matter type (each a dimension set of its own) */
  count(metric: CaseMetric, dimensions?: MetricDimensions): void;
  evaluation(score: number, dimensions?: MetricDimensions): void;
  stuckNotices(n: number): void;
  /** an e-supervision alert raised [N20], by its level and category only (a low-cardinality metric) */
  alert(level: AlertLevel, category: RuleCategory): void;
}

export interface Clock {
  now(): Date;
}

/** What the deployment configures. */
export interface Settings {
  /** working days an applicant has to answer a correction notice before the case is closed */
  correctionWorkingDays: number;
  /** the KMS key the archive bucket must be encrypted with, where the deployment has one [E18] */
  archiveKmsKey?: string;
  /** the share of packages the daily four-property check samples [E18] */
  archiveSampleRate: number;
  /** seconds the `dev` retention class keeps a package: set only by a development configuration [E22] */
  devRetentionSeconds?: number;
  /** how long an approved appraisal waits before anything is destroyed [E18] */
  destructionWaitSeconds: number;
  /** the public access block flags the archive bucket is held to [E18] */
  archivePublicAccess: readonly PublicAccessFlag[];
  /** the share of its promised working days a case may use before a yellow alert [N20] */
  alertYellowShare: number;
  /** working days a department has to follow up a 差评 [N21] */
  followUpWorkingDays: number;
}
