import { createHash } from 'node:crypto';
import { chainEvent, GENESIS_HASH } from '#shared/domain/audit';
import type { Authorisation } from '#shared/domain/authorisation';
import { WorkingDayCalendar } from '#shared/domain/calendar';
import type { Case, CaseSummary, Channel, Notice, NoticeDocument, Task } from '#shared/domain/case';
import type { CaseFile } from '#shared/domain/case-file';
import type { ChangeRequest } from '#shared/domain/catalog-change';
import type { Complaint } from '#shared/domain/complaint';
import { Conflict, Malformed, OpenCaseExists, Stale } from '#shared/domain/errors';
import type { Alert } from '#shared/domain/alert';
import { regionCodePrefix } from '#shared/domain/rules/n4-region-scope';
import { addCounts, rollUp, type Counts } from '#shared/domain/business-metrics';
import { holderKey, licenceSummary, type Licence, type LicenceDocument } from '#shared/domain/licence';
import type { TrustAnchor, TrustAnchorChange } from '#shared/domain/trust-anchor';
import { isOpen } from '#shared/domain/lifecycle';
import type { Department, Matter } from '#shared/domain/matter';
import type { CaseChange, CaseMetric, Page, PageRequest, Ports, UploadCheck, WorkflowKind } from '#shared/domain/ports';
import type { Absence, RegisterEntry, StaffChange, StaffMember } from '#shared/domain/staff';
import type { ArchiveLock } from '#shared/domain/rules/e22-retention';
import type { ArchiveCheck } from '#shared/domain/archive-check';
import type { Transfer } from '#shared/domain/transfer';
import type { Appraisal, RegisterLine } from '#shared/domain/appraisal';
import type { ScheduleChange, ScheduleEntry } from '#shared/domain/retention-schedule';
import type { PublicAccessFlag } from '#shared/domain/rules/e18-four-properties';
import { formatReader } from '#shared/adapters/formats';
import { minimalPdf } from '../../support/minimal-pdf';
import { BOOKING_SUMMARY_FIELDS, type Booking, type BookingSummary } from '#shared/domain/booking';
import type { Hall, HallChange } from '#shared/domain/hall';
import { parseSlotId } from '#shared/domain/rules/h21-slots';
import { hallDayIndex } from '#shared/adapters/dynamodb/keys';

/**
 * Every port in memory, for the unit tests of the domain's steps. Each keeps the promises its port
 * makes (a commit is all or nothing, conditioned on the case's version; a task completes once; one open
 * case per applicant and matter), so a step behaves here as it does on the engines. What the engines
 * themselves do (transactions, locks, streams) is proven on them, in test/e2e.
 */
export const TEST_CALENDAR = new WorkingDayCalendar({
  // 2026: 国庆 1–7 Oct a holiday week, Sunday 27 Sept and Saturday 10 Oct worked (调休)
  holidays: Object.fromEntries(['2026-01-01', ...Array.from({ length: 7 }, (_, i) => `2026-10-0${i + 1}`)].map((d) => [d, 'holiday'])),
  workdays: { '2026-09-27': 'makeup', '2026-10-10': 'makeup' },
});

const clone = <T>(v: T): T => structuredClone(v);

export interface MemoryPorts extends Ports {
  /** what the fakes recorded, for the tests to look at */
  seen: {
    metrics: CaseMetric[];
    evaluations: number[];
    started: { kind: WorkflowKind; caseId: string }[];
    signed: string[];
    packaged: string[];
    rendered: string[];
    alerts: string[];
  };
  /** the clock, set by the test */
  setNow(at: string | Date): void;
  /** state the test arranges or inspects */
  state: {
    cases: Map<string, CaseFile>;
    openCases: Map<string, { caseId: string; receiptNo: string }>;
    licences: Map<string, Licence>;
    matters: Map<string, Matter>;
    versions: Map<string, Matter>;
    departments: Map<string, Department>;
    changes: Map<string, ChangeRequest>;
    registers: Map<string, Map<string, StaffMember>>;
    changesLog: StaffChange[];
    absences: Map<string, Absence>;
    authorisations: Map<string, Authorisation>;
    anchors: Map<string, TrustAnchor>;
    anchorChanges: TrustAnchorChange[];
    uploads: Map<string, { owner: string; bytes: Buffer; declared?: string; contentType?: string; version?: number }>;
    calendarYear?: number;
    catalogChangedAt?: string;
    /** the archive bucket: every version written under a key, with its lock */
    archive: Map<string, { versionId: string; bytes: Buffer; lock: ArchiveLock }[]>;
    /** the documents bucket: notices' PDFs by key */
    documents: Map<string, Buffer>;
    archiveChecks: Map<string, ArchiveCheck>;
    transfers: Map<string, Transfer>;
    appraisals: Map<string, Appraisal>;
    schedule: Map<string, ScheduleEntry>;
    scheduleChanges: ScheduleChange[];
    register: Map<string, RegisterLine>;
    /** e-supervision alerts by id, and when the sweeper looks at each case again */
    alerts: Map<string, Alert>;
    /** the business counters by region, day and entry, and the steps counted */
    counters: Map<string, Partial<Record<Channel, Counts>>>;
    counted: Set<string>;
    watches: Map<string, { version: number; date?: string }>;
    halls: Map<string, Hall>;
    hallChanges: HallChange[];
    bookings: Map<string, Booking>;
    /** places taken per slot id, and per booker's day at a hall (`sub|hallId|date`) with the slots they hold */
    slotsTaken: Map<string, number>;
    bookerDays: Map<string, { n: number; slots: Set<string> }>;
    checkInCodes: Set<string>;
    archiveEncryption?: { algorithm?: string; keyId?: string };
    archivePublicAccess?: Record<PublicAccessFlag, boolean>;
    /** what the archive reports of a lock, if not what it was given (a store that wraps dates, say) */
    archiveReports?: (lock: ArchiveLock) => { retainUntil?: string; mode?: string; legalHold: boolean };
  };
  /** a commit that loses its race once: the next commit of this case fails Stale, as if another writer was first */
  loseNextCommit(caseId: string): void;
  /** a workflow start that fails (the sweeper re-drives it) */
  failStarts: boolean;
}

export function memoryPorts(opts: { now?: string; correctionWorkingDays?: number } = {}): MemoryPorts {
  let now = new Date(opts.now ?? '2026-06-01T02:00:00Z');
  const state: MemoryPorts['state'] = {
    cases: new Map(),
    openCases: new Map(),
    licences: new Map(),
    matters: new Map(),
    versions: new Map(),
    departments: new Map(),
    changes: new Map(),
    registers: new Map(),
    changesLog: [],
    absences: new Map(),
    authorisations: new Map(),
    uploads: new Map(),
    anchors: new Map(),
    anchorChanges: [],
    archive: new Map(),
    archiveChecks: new Map(),
    transfers: new Map(),
    appraisals: new Map(),
    schedule: new Map(),
    scheduleChanges: [],
    register: new Map(),
    documents: new Map(),
    alerts: new Map(),
    watches: new Map(),
    counters: new Map(),
    counted: new Set(),
    halls: new Map(),
    hallChanges: [],
    bookings: new Map(),
    slotsTaken: new Map(),
    bookerDays: new Map(),
    checkInCodes: new Set(),
  };
  const seen: MemoryPorts['seen'] = { metrics: [], evaluations: [], started: [], signed: [], packaged: [], rendered: [], alerts: [] };
  const losing = new Set<string>();

  const page = <T>(all: T[], req: PageRequest, list: string): Page<T> => {
    let start = 0;
    if (req.cursor !== undefined) {
      const m = /^(\w+):(\d+)$/.exec(Buffer.from(req.cursor, 'base64url').toString());
      if (!m || m[1] !== list) throw new Malformed('cursor is not one this API issued for this list', [{ path: 'cursor', message: 'invalid' }]);
      start = Number(m[2]);
    }
    const end = start + req.limit;
    return { items: all.slice(start, end), nextCursor: end < all.length ? Buffer.from(`${list}:${end}`).toString('base64url') : null };
  };

  // a hall's day as the work-queue index orders it: the index's own sort key
  const dayOf = (hallId: string, date: string, windowId?: string) =>
    [...state.bookings.values()]
      .filter((b) => b.hallId === hallId && b.date === date && (!windowId || b.windowId === windowId))
      .map((b) => ({ b, key: hallDayIndex(b).queueSk }))
      .sort((x, y) => x.key.localeCompare(y.key))
      .map((x) => x.b);

  const ports: MemoryPorts = {
    seen,
    state,
    failStarts: false,
    setNow: (at) => {
      now = new Date(at);
    },
    loseNextCommit: (caseId) => losing.add(caseId),

    cases: {
      async getCase(caseId) {
        const f = state.cases.get(caseId);
        return f && clone(f.case);
      },
      async getFile(caseId) {
        const f = state.cases.get(caseId);
        const w = state.watches.get(caseId);
        return f && clone({ ...f, alerts: [...state.alerts.values()].filter((a) => a.caseId === caseId), ...(w ? { watch: { ...(w.date ? { date: w.date } : {}), caseVersion: w.version } } : {}) });
      },
      async commit(change: CaseChange) {
        const { before, event } = change;
        const caseId = change.after.caseId;
        const current = state.cases.get(caseId);
        if (losing.delete(caseId)) throw new Stale(caseId);
        if (before && current?.case.version !== before.version) throw new Stale(caseId);
        if (!before && current) throw new Conflict(`case ${caseId} already exists`);
        for (const t of [...(change.completedTasks ?? []), ...(change.updatedTasks ?? [])]) {
          const held = current?.tasks.find((x) => x.taskId === t.taskId);
          if (held?.status !== 'open') throw change.completedTasks?.includes(t) ? new Conflict('the task has already been completed') : new Stale(caseId);
        }
        if (change.complaint && 'handled' in change.complaint) {
          const held = current?.complaints.find((x) => x.complaintId === (change.complaint as { handled: Complaint }).handled.complaintId);
          if (held?.status !== 'open') throw new Conflict('the complaint has already been handled');
        }
        if (change.servedBooking && state.bookings.get(change.servedBooking.booking.bookingId)?.version !== change.servedBooking.expectedVersion) throw new Conflict('the booking was served or changed meanwhile');
        const lock = `${change.after.applicant.sub}#${change.after.matterCode}`;
        if (!before && state.openCases.has(lock)) throw new OpenCaseExists(state.openCases.get(lock)!);
        const seq = (before?.eventSeq ?? 0) + 1;
        const audit = chainEvent(before?.lastEventHash ?? GENESIS_HASH, { seq, at: event.at, actor: event.actor, action: event.action, from: before?.status ?? null, to: change.after.status, detail: event.detail });
        const owed = change.after.pendingWorkflow;
        const pendingSince = owed ? (owed === before?.pendingWorkflow ? (before?.pendingSince ?? event.at) : event.at) : undefined;
        const after: Case = { ...change.after, version: (before?.version ?? 0) + 1, eventSeq: seq, lastEventHash: audit.hash, updatedAt: event.at, pendingSince };
        const file: CaseFile = current ? clone(current) : { case: after, events: [], tasks: [], notices: [], complaints: [] };
        file.case = clone(after);
        file.events.push(audit);
        const put = (t: Task) => {
          const i = file.tasks.findIndex((x) => x.taskId === t.taskId);
          if (i >= 0) file.tasks[i] = clone(t);
          else file.tasks.push(clone(t));
        };
        [...(change.newTasks ?? []), ...(change.completedTasks ?? []), ...(change.updatedTasks ?? [])].forEach(put);
        file.notices.push(...(change.notices ?? []).map(clone));
        if (change.servedBooking) state.bookings.set(change.servedBooking.booking.bookingId, clone(change.servedBooking.booking));
        if (change.complaint) {
          const c = 'filed' in change.complaint ? change.complaint.filed : change.complaint.handled;
          const i = file.complaints.findIndex((x) => x.complaintId === c.complaintId);
          if (i >= 0) file.complaints[i] = clone(c);
          else file.complaints.push(clone(c));
        }
        for (const u of change.licenceUpdates ?? []) if (state.licences.get(u.before.licenceId)?.status !== u.before.status) throw new Conflict(`licence ${u.before.licenceId} changed meanwhile`);
        // only its PDF recorded meanwhile: the step reads again, as on DynamoDB
        for (const u of change.licenceUpdates ?? []) if (state.licences.get(u.before.licenceId)?.pdf?.sha256 !== u.before.pdf?.sha256) throw new Stale(caseId);
        if (change.licence) state.licences.set(change.licence.licenceId, clone(change.licence));
        for (const u of change.licenceUpdates ?? []) state.licences.set(u.after.licenceId, clone(u.after));
        if (!before) state.openCases.set(lock, { caseId, receiptNo: after.receiptNo });
        else if (!isOpen(after.status) && isOpen(before.status)) state.openCases.delete(lock);
        state.cases.set(caseId, file);
        return clone(after);
      },
      async listByApplicant(sub, req) {
        const mine = [...state.cases.values()].map((f) => f.case).filter((c) => c.applicant.sub === sub).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
        return page<CaseSummary>(mine, req, 'mine');
      },
      async listOpenTasks(dept, req) {
        const open = [...state.cases.values()].flatMap((f) => f.tasks).filter((t) => t.status === 'open' && t.dept === dept);
        return page(open, req, 'tasks');
      },
      async listFollowUps(q, req) {
        const all = [...state.cases.values()]
          .map((f) => f.case)
          .filter((c) => c.evaluation?.followUp?.status === q.status && `${c.evaluation.followUp.dept}#`.startsWith(q.within))
          .sort((a, b) => `${a.evaluation!.followUp!.dept}#${a.evaluation!.followUp!.due}`.localeCompare(`${b.evaluation!.followUp!.dept}#${b.evaluation!.followUp!.due}`));
        return page(all.map(clone), req, 'followups');
      },
      async listOpenComplaints(region, req) {
        const open = [...state.cases.values()].flatMap((f) => f.complaints).filter((c) => c.status === 'open' && (!region || (c.region ?? '').startsWith(regionCodePrefix(region))));
        return page(open, req, 'complaints');
      },
      async *openCasesDue(month, before) {
        for (const f of state.cases.values()) {
          const c = f.case;
          if (!isOpen(c.status)) continue;
          const due = (c.status === 'correction_required' ? c.correctionDue : undefined) ?? c.deadline ?? c.acceptBy;
          if (due.slice(0, 7) === month && (!before || `${due}#${c.caseId}` < before)) yield c.caseId;
        }
      },
      async *expiring(before) {
        const due = [...state.cases.values()].map((f) => f.case).filter((c) => c.archive && !c.archive.legalHold && !c.destroyed && c.archive.retainUntil <= before);
        for (const c of due.sort((a, b) => a.archive!.retainUntil.localeCompare(b.archive!.retainUntil))) yield c.caseId;
      },
      async getLicence(id) {
        const l = state.licences.get(id);
        return l && clone(l);
      },
      async listLicences(holder, req) {
        const held = [...state.licences.values()].filter((l) => holderKey(l.holder.type, l.holder.idNumber) === holder).sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
        return page(held.map(licenceSummary), req, 'licences');
      },
      async licencesOfType(holder, type) {
        return [...state.licences.values()].filter((l) => holderKey(l.holder.type, l.holder.idNumber) === holder && l.type === type).map(licenceSummary);
      },
    },

    owed: {
      async owedWorkflows(cutoff) {
        return [...state.cases.values()].filter((f) => f.case.pendingWorkflow && (f.case.pendingSince ?? '') < `${cutoff}~`).map((f) => f.case.caseId);
      },
      async unrenderedNotices() {
        return [...state.cases.values()].flatMap((f) => f.notices.filter((n) => !n.pdf).map((n) => ({ caseId: f.case.caseId, noticeId: n.noticeId })));
      },
      async askRenderAgain() {
        return 'asked';
      },
      async setRenderStuck() {},
      async recordNoticeDocument(caseId, noticeId, pdf: NoticeDocument) {
        const n = state.cases.get(caseId)?.notices.find((x) => x.noticeId === noticeId);
        if (!n || n.pdf) return false;
        n.pdf = clone(pdf);
        return true;
      },
      async recordLicenceDocument(licenceId, pdf: LicenceDocument) {
        const l = state.licences.get(licenceId);
        if (!l || l.pdf) return false;
        l.pdf = clone(pdf);
        return true;
      },
      async calendarYearCounted() {
        return state.calendarYear;
      },
      async markCalendarYearCounted(year) {
        state.calendarYear = year;
      },
      async catalogMarks() {
        return state.catalogChangedAt ? { changedAt: state.catalogChangedAt } : undefined;
      },
    },

    catalog: {
      async getMatter(code, version) {
        const m = version === undefined ? state.matters.get(code) : (state.versions.get(`${code}@${version}`) ?? (state.matters.get(code)?.version === version ? state.matters.get(code) : undefined));
        return m && clone(m);
      },
      async getDepartment(code) {
        return state.departments.get(code);
      },
      async departmentNames(codes) {
        return Object.fromEntries(codes.map((c) => [c, state.departments.get(c)?.name ?? c]));
      },
    },

    catalogChanges: {
      async get(id) {
        const c = state.changes.get(id);
        return c && clone(c);
      },
      async create(c) {
        if (state.changes.has(c.id)) throw new Conflict('exists');
        state.changes.set(c.id, clone(c));
      },
      async update(c, expectedVersion) {
        if (state.changes.get(c.id)?.version !== expectedVersion) return false;
        state.changes.set(c.id, clone(c));
        return true;
      },
      async implementationsOf(baseCode) {
        return [...state.matters.values()].filter((m) => m.baseCode === baseCode && m.status !== 'cancelled').map(clone);
      },
      async writeVersions(matters, changeId, at) {
        for (const m of matters) {
          const v = { ...clone(m), changedBy: changeId, changedAt: at };
          state.versions.set(`${m.code}@${m.version}`, v);
          state.matters.set(m.code, v);
        }
      },
      async markChanged(at) {
        state.catalogChangedAt = at;
      },
    },

    staff: {
      async entry(dept, sub): Promise<RegisterEntry> {
        const reg = state.registers.get(dept);
        const m = reg?.get(sub);
        return { keeps: !!reg, ...(m ? { roles: [...m.roles] } : {}) };
      },
      async absence(dept, sub, at) {
        const a = state.absences.get(`${dept}#${sub}`);
        return a && Date.parse(a.until) > at.getTime() ? clone(a) : undefined;
      },
      async member(dept, sub) {
        const m = state.registers.get(dept)?.get(sub);
        return m && clone(m);
      },
      async setRoles(member, change, expectedVersion) {
        const reg = state.registers.get(member.dept) ?? new Map<string, StaffMember>();
        if ((reg.get(member.sub)?.version ?? 0) !== expectedVersion) throw new Conflict(`the roles of ${member.sub} changed meanwhile; read them again`);
        reg.set(member.sub, clone(member));
        state.registers.set(member.dept, reg);
        state.changesLog.push(clone(change));
      },
      async recordAbsence(a) {
        state.absences.set(`${a.dept}#${a.sub}`, clone(a));
      },
      async record(dept) {
        return { members: [...(state.registers.get(dept)?.values() ?? [])].map(clone), changes: state.changesLog.filter((c) => c.dept === dept).map(clone) };
      },
    },

    trustAnchors: {
      async list() {
        return [...state.anchors.values()].map(clone);
      },
      async get(id) {
        const a = state.anchors.get(id);
        return a && clone(a);
      },
      async add(a, change) {
        if (state.anchors.has(a.anchorId)) return false;
        state.anchors.set(a.anchorId, clone(a));
        state.anchorChanges.push(clone(change));
        return true;
      },
      async revoke(a, change) {
        if (state.anchors.get(a.anchorId)?.status !== 'active') return false;
        state.anchors.set(a.anchorId, clone(a));
        state.anchorChanges.push(clone(change));
        return true;
      },
      async changes(id) {
        return state.anchorChanges.filter((c) => c.anchorId === id).map(clone);
      },
    },

    authorisations: {
      async get(applicantSub, agentSub) {
        const a = state.authorisations.get(`${applicantSub}#${agentSub}`);
        return a && clone(a);
      },
      async put(a) {
        state.authorisations.set(`${a.applicantSub}#${a.agentSub}`, clone(a));
      },
      async remove(applicantSub, agentSub) {
        return state.authorisations.delete(`${applicantSub}#${agentSub}`);
      },
    },

    uploads: {
      async presign(owner, req) {
        const objectKey = `uploads/${owner}/${state.uploads.size + 1}/${req.fileName}`;
        return { objectKey, url: `memory://${objectKey}`, headers: { 'content-type': req.contentType, 'content-length': String(req.size) }, expiresAt: new Date(now.getTime() + 900_000).toISOString() };
      },
      isOwn: (key, sub) => state.uploads.get(key)?.owner === sub,
      async read(key) {
        return Buffer.from(state.uploads.get(key)!.bytes);
      },
      async check(key): Promise<UploadCheck> {
        const u = state.uploads.get(key);
        if (!u) return { ok: false, reason: 'missing' };
        const actual = createHash('sha256').update(u.bytes).digest('hex');
        if (!u.declared) return { ok: false, reason: 'no_declared_sha256', actual };
        if (u.declared !== actual) return { ok: false, reason: 'sha256_mismatch', declared: u.declared, actual };
        return { ok: true, sha256: actual, size: u.bytes.length, contentType: u.contentType ?? 'application/pdf', versionId: `v${u.version ?? 1}` };
      },
    },

    workflows: {
      async start(kind, caseId) {
        if (ports.failStarts) return false;
        seen.started.push({ kind, caseId });
        return true;
      },
    },

    signer: {
      async sign(data) {
        seen.signed.push(data);
        return { signature: createHash('sha256').update(`key:${data}`).digest('base64'), keyId: 'memory' };
      },
      async verify(data, signature) {
        return createHash('sha256').update(`key:${data}`).digest('base64') === signature;
      },
      async publicKey() {
        return '-----BEGIN PUBLIC KEY-----\nbWVtb3J5\n-----END PUBLIC KEY-----\n';
      },
    },

    archive: {
      async existing(key) {
        const first = state.archive.get(key)?.[0];
        return first && { bucket: 'archive', key, versionId: first.versionId, sha256: createHash('sha256').update(first.bytes).digest('hex'), bytes: first.bytes.length };
      },
      async destroy(r) {
        const versions = state.archive.get(r.key) ?? [];
        const v = versions.find((x) => x.versionId === r.versionId);
        if (!v) return { destroyed: true };
        if (v.lock.legalHold || Date.parse(v.lock.retainUntil) > now.getTime()) return { destroyed: false, reason: 'the store refused the delete (AccessDenied): the version is still locked' };
        state.archive.set(r.key, versions.filter((x) => x !== v));
        return { destroyed: true };
      },
      async store(key, body, lock) {
        const versions = state.archive.get(key) ?? [];
        const versionId = `v${versions.length + 1}`;
        versions.push({ versionId, bytes: Buffer.from(body), lock });
        state.archive.set(key, versions);
        seen.packaged.push(key);
        return { bucket: 'archive', key, versionId, sha256: createHash('sha256').update(body).digest('hex'), bytes: body.length };
      },
    },
    archiveLocks: {
      async lockOf(r) {
        const v = state.archive.get(r.key)?.find((x) => x.versionId === r.versionId);
        if (!v) throw new Error(`no version ${r.versionId} of ${r.key}`);
        return state.archiveReports ? state.archiveReports(v.lock) : { ...v.lock };
      },
    },
    archiveStore: {
      async list(prefix, cursor, limit) {
        const keys = [...state.archive.keys()].filter((k) => k.startsWith(prefix)).sort();
        const start = cursor ? keys.findIndex((k) => k > cursor) : 0;
        const page = start < 0 ? [] : keys.slice(start, start + limit);
        return { keys: page, ...(start >= 0 && start + limit < keys.length ? { next: page.at(-1) } : {}) };
      },
      async read(r) {
        const v = state.archive.get(r.key)?.find((x) => x.versionId === r.versionId);
        if (!v) throw new Error(`no version ${r.versionId} of ${r.key}`);
        return Buffer.from(v.bytes);
      },
      async report(r) {
        const versions = state.archive.get(r.key) ?? [];
        const v = versions.find((x) => x.versionId === r.versionId);
        return { lock: v ? (state.archiveReports ? state.archiveReports(v.lock) : { ...v.lock }) : { legalHold: false }, versions: versions.length, encryption: state.archiveEncryption ?? 'unsupported', publicAccess: state.archivePublicAccess ?? 'unsupported' };
      },
    },
    archiveChecks: {
      async create(check) {
        state.archiveChecks.set(check.checkId, clone(check));
      },
      async get(checkId) {
        const c = state.archiveChecks.get(checkId);
        return c && clone(c);
      },
      async save(check, expected) {
        if (state.archiveChecks.get(check.checkId)?.version !== expected) return false;
        state.archiveChecks.set(check.checkId, clone(check));
        return true;
      },
    },
    retentionSchedule: {
      async get(code) {
        const e = state.schedule.get(code);
        return e && clone(e);
      },
      async list() {
        return [...state.schedule.values()].map(clone);
      },
      async set(entry, change, expected) {
        if ((state.schedule.get(entry.baseCode)?.version ?? 0) !== expected) return false;
        state.schedule.set(entry.baseCode, clone(entry));
        state.scheduleChanges.push(clone(change));
        return true;
      },
      async changes(code) {
        return state.scheduleChanges.filter((c) => c.baseCode === code).map(clone);
      },
    },
    appraisals: {
      async create(a) {
        state.appraisals.set(a.appraisalId, clone(a));
      },
      async get(id) {
        const a = state.appraisals.get(id);
        return a && clone(a);
      },
      async save(a, expected) {
        if (state.appraisals.get(a.appraisalId)?.version !== expected) return false;
        state.appraisals.set(a.appraisalId, clone(a));
        return true;
      },
      async register(lines) {
        for (const l of lines) state.register.set(`${l.appraisalId}#${l.caseId}`, clone(l));
      },
      async registerOf(id) {
        return [...state.register.values()].filter((l) => l.appraisalId === id).map(clone);
      },
    },
    transfers: {
      async create(t) {
        if (state.transfers.has(t.transferId)) throw new Error('exists');
        state.transfers.set(t.transferId, clone(t));
      },
      async get(id) {
        const t = state.transfers.get(id);
        return t && clone(t);
      },
      async ofYear(region, year) {
        return [...state.transfers.values()].filter((t) => t.region === region && t.year === year).map(clone);
      },
      async save(t, expected) {
        if (state.transfers.get(t.transferId)?.version !== expected) return false;
        state.transfers.set(t.transferId, clone(t));
        return true;
      },
    },
    alerts: {
      async raise(a) {
        if (state.alerts.has(a.alertId)) return false;
        state.alerts.set(a.alertId, clone(a));
        return true;
      },
      async clear(a) {
        if (state.alerts.get(a.alertId)?.status !== 'open') return false;
        state.alerts.set(a.alertId, clone(a));
        return true;
      },
      async watch(caseId, version, date) {
        const was = state.watches.get(caseId);
        if (was && was.version > version) return;
        state.watches.set(caseId, { version, ...(date ? { date } : {}) });
      },
      async openGuideAlerts() {
        return [...state.alerts.values()].filter((a) => !a.caseId && a.status === 'open').map(clone);
      },
      async *due(today) {
        const due = [...state.watches].filter(([, w]) => w.date && w.date <= today).sort(([, a], [, b]) => a.date!.localeCompare(b.date!));
        for (const [caseId] of due) yield caseId;
      },
      async list(q, req) {
        const all = [...state.alerts.values()]
          .filter((a) => a.status === q.status && (!q.level || a.level === q.level) && `${a.dept}#`.startsWith(q.within))
          .sort((a, b) => `${b.dept}#${b.raisedAt}`.localeCompare(`${a.dept}#${a.raisedAt}`));
        return page(all.map(clone), req, 'alerts');
      },
    },
    halls: {
      async get(hallId) {
        const h = state.halls.get(hallId);
        return h && clone(h);
      },
      async list(prefix, req) {
        return page([...state.halls.values()].filter((h) => h.hallId.startsWith(prefix)).sort((a, b) => a.hallId.localeCompare(b.hallId)).map(clone), req, 'halls');
      },
      async put(hall, change, expectedVersion) {
        if ((state.halls.get(hall.hallId)?.version ?? 0) !== expectedVersion) return false;
        state.halls.set(hall.hallId, clone(hall));
        state.hallChanges.push(clone(change));
        return true;
      },
      async changes(hallId, req) {
        return page(state.hallChanges.filter((c) => c.hallId === hallId).reverse().map(clone), req, 'hall-changes');
      },
    },
    bookings: {
      async taken(hallId, from, to) {
        const out = new Map<string, number>();
        for (const [slotId, n] of state.slotsTaken) {
          const p = parseSlotId(slotId);
          if (p?.hallId === hallId && p.date >= from && p.date <= to && n > 0) out.set(slotId, n);
        }
        return out;
      },
      async book(b, limits) {
        if (state.bookings.has(b.bookingId)) return { ok: false, refused: 'exists' };
        const dayKey = `${b.booker.sub}|${b.hallId}|${b.date}`;
        const day = state.bookerDays.get(dayKey) ?? { n: 0, slots: new Set<string>() };
        const codeKey = `${b.hallId}|${b.date}|${b.checkInCode}`;
        if ((state.slotsTaken.get(b.slotId) ?? 0) >= limits.capacity) return { ok: false, refused: 'full' };
        if (day.slots.has(b.slotId)) return { ok: false, refused: 'held' };
        if (day.n >= limits.dailyLimit) return { ok: false, refused: 'limit' };
        if (state.checkInCodes.has(codeKey)) return { ok: false, refused: 'code' };
        state.slotsTaken.set(b.slotId, (state.slotsTaken.get(b.slotId) ?? 0) + 1);
        state.bookerDays.set(dayKey, { n: day.n + 1, slots: new Set([...day.slots, b.slotId]) });
        state.checkInCodes.add(codeKey);
        state.bookings.set(b.bookingId, clone(b));
        return { ok: true };
      },
      async get(bookingId) {
        const b = state.bookings.get(bookingId);
        return b && clone(b);
      },
      async listByBooker(sub, req) {
        const all = [...state.bookings.values()].filter((b) => b.booker.sub === sub).sort((a, b) => `${b.date}T${b.start}`.localeCompare(`${a.date}T${a.start}`));
        return page(all.map((b) => Object.fromEntries(BOOKING_SUMMARY_FIELDS.map((k) => [k, b[k]])) as BookingSummary), req, 'bookings');
      },
      async byCode(hallId, date, code) {
        const b = [...state.bookings.values()].find((x) => x.hallId === hallId && x.date === date && x.checkInCode === code && state.checkInCodes.has(`${hallId}|${date}|${code}`));
        return b && clone(b);
      },
      async update(b, expectedVersion) {
        if (state.bookings.get(b.bookingId)?.version !== expectedVersion) return false;
        state.bookings.set(b.bookingId, clone(b));
        return true;
      },
      async nextWaiting(hallId, date, windowId) {
        const [first] = dayOf(hallId, date, windowId).filter((b) => b.status === 'checked_in');
        return first && clone(first);
      },
      async calledWith(hallId, date, windowId, callKey) {
        const hit = dayOf(hallId, date, windowId).find((b) => b.status === 'called' && b.callKey === callKey);
        return hit && clone(hit);
      },
      async dayQueue(hallId, date, windowId, req) {
        return page(dayOf(hallId, date, windowId).map(clone), req, 'hall-day');
      },
      async cancel(b, at) {
        const held = state.bookings.get(b.bookingId);
        if (!held || held.version !== b.version) return false;
        state.bookings.set(b.bookingId, { ...clone(held), status: 'cancelled', cancelledAt: at, version: held.version + 1 });
        state.slotsTaken.set(b.slotId, (state.slotsTaken.get(b.slotId) ?? 1) - 1);
        const day = state.bookerDays.get(`${b.booker.sub}|${b.hallId}|${b.date}`)!;
        day.n -= 1;
        day.slots.delete(b.slotId);
        state.checkInCodes.delete(`${b.hallId}|${b.date}|${b.checkInCode}`);
        return true;
      },
    },
    counters: {
      async add(step, counted) {
        const id = `${step.caseId}#${step.seq}`;
        if (state.counted.has(id)) return false;
        state.counted.add(id);
        for (const { region, entry } of rollUp(counted.dept, counted.hall)) {
          const key = `${region}|${counted.day}|${entry}`;
          const byChannel = state.counters.get(key) ?? {};
          byChannel[counted.channel] = addCounts({ ...(byChannel[counted.channel] ?? {}) }, counted.counts);
          state.counters.set(key, byChannel);
        }
        return true;
      },
      async entries(region, from, to) {
        return [...state.counters]
          .map(([key, byChannel]) => ({ key: key.split('|'), byChannel }))
          .filter(({ key: [r, day] }) => r === region && day >= from && day <= to)
          .map(({ key: [, day, entry], byChannel }) => ({ day, entry, byChannel: clone(byChannel) }));
      },
    },
    formats: formatReader,
    timestamps: {
      async stamp(bytes) {
        return { response: Buffer.concat([Buffer.from('memory-tsr:'), createHash('sha256').update(bytes).digest()]), url: 'memory://tsa' };
      },
    },

    documents: {
      async read(pdf) {
        const bytes = state.documents.get(pdf.key);
        if (!bytes) throw new Error(`no document ${pdf.key}`);
        return bytes;
      },
      async store(c, notice: Notice, doc, at) {
        state.documents.set(`notices/${c.caseId}/${notice.noticeId}.pdf`, Buffer.from(doc.bytes));
        return { bucket: 'documents', key: `notices/${c.caseId}/${notice.noticeId}.pdf`, versionId: 'v1', sha256: doc.sha256, bytes: doc.bytes.length, pages: doc.pages, renderedAt: at, missing: doc.missing };
      },
      async storeLicence(l, doc, at) {
        const key = `notices/${l.caseId}/licence-${l.version}.pdf`;
        state.documents.set(key, Buffer.from(doc.bytes));
        return { bucket: 'documents', key, versionId: 'v1', sha256: doc.sha256, bytes: doc.bytes.length, pages: doc.pages, renderedAt: at, missing: doc.missing };
      },
    },
    downloads: {
      async noticeLink(pdf) {
        return { url: `memory://${pdf.key}`, expiresAt: new Date(now.getTime() + 300_000).toISOString() };
      },
      async packageLink(a) {
        return { url: `memory://${a.bucket}/${a.key}?versionId=${a.versionId}`, expiresAt: new Date(now.getTime() + 300_000).toISOString() };
      },
    },
    renderer: {
      async render(c, notice) {
        seen.rendered.push(notice.noticeId);
        const bytes = minimalPdf(`${notice.noticeId} ${notice.sha256}`);
        return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), pages: 1, missing: [] };
      },
      async licence(l) {
        seen.rendered.push(l.licenceId);
        const bytes = minimalPdf(`${l.licenceId} ${l.signature}`);
        return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), pages: 1, missing: [] };
      },
      async booking(b, hall) {
        seen.rendered.push(b.bookingId);
        const bytes = minimalPdf(`${b.bookingId} ${b.checkInCode} ${hall.name}`);
        return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), pages: 1, missing: [] };
      },
    },
    regions: { name: (code) => ({ '610000': '陕西省', '610100': '西安市', '610113': '雁塔区', '610104': '莲湖区' })[code] },

    metrics: {
      count: (m) => void seen.metrics.push(m),
      evaluation: (s) => void seen.evaluations.push(s),
      stuckNotices: () => undefined,
      alert: (level, category) => void seen.alerts.push(`${level}/${category}`),
    },
    clock: { now: () => new Date(now) },
    calendar: TEST_CALENDAR,
    settings: { correctionWorkingDays: opts.correctionWorkingDays ?? 30, archiveSampleRate: 0.5, destructionWaitSeconds: 86_400, archivePublicAccess: ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'], alertYellowShare: 0.8, followUpWorkingDays: 5 },
  };
  return ports;
}
