import { authorize } from '../access/gate.ts';
import { verifyChain } from '../audit.ts';
import type { Caller } from '../caller.ts';
import type { Notice, Task } from '../case.ts';
import { caseSummary, caseView, noticeView } from '../case-view.ts';
import { Forbidden, Malformed, NotFound } from '../errors.ts';
import { caseIdOf } from '../ids.ts';
import { issuerOf } from '../notices.ts';
import { inForce, licenceSummary, pdfSignedPart, signedPart, type Licence } from '../licence.ts';
import { parseLicenceIdentifier } from '../rules/e15-licence-identifier.ts';
import { shanghaiDate } from '../calendar.ts';
import type { CaseFile } from '../case-file.ts';
import type { PageRequest, Ports } from '../ports.ts';

type ReadPorts = Pick<Ports, 'cases' | 'staff' | 'authorisations' | 'clock'>;

/** A case file, if the gate lets the caller see it; to anyone else it does not exist (404). */
async function visibleFile(ports: ReadPorts, caller: Caller, caseId: string): Promise<CaseFile> {
  const file = await ports.cases.getFile(caseId);
  if (!file) throw new NotFound(`there is no case ${caseId}`);
  await authorize(ports, caller, 'case.read', { kind: 'case', case: file.case }, ports.clock.now());
  return file;
}

/** GET /v1/cases/{caseId}: the case with its tasks, notices and timeline [H9]. */
export async function readCase(ports: ReadPorts & Pick<Ports, 'calendar'>, caller: Caller, caseId: string) {
  const file = await visibleFile(ports, caller, caseId);
  return caseView(file, ports.clock.now(), ports.calendar);
}

/** The caller's own cases, newest first. */
export async function listMyCases(ports: ReadPorts, caller: Caller, page: PageRequest) {
  await authorize(ports, caller, 'case.list_own', { kind: 'none' }, ports.clock.now());
  const res = await ports.cases.listByApplicant(caller.sub, page);
  return { items: res.items.map(caseSummary), nextCursor: res.nextCursor };
}

/** The open tasks of the caller's department, as the staff register lets them work there [N13]. */
export async function listOpenTasks(ports: ReadPorts, caller: Caller, page: PageRequest) {
  if (!caller.dept) throw new Forbidden('staff tokens carry a department (dept claim)');
  await authorize(ports, caller, 'task.list', { kind: 'department', dept: caller.dept }, ports.clock.now());
  const res = await ports.cases.listOpenTasks(caller.dept, page);
  return {
    items: res.items.map((t: Task) => ({ taskId: t.taskId, caseId: t.caseId, kind: t.kind, dept: t.dept, region: t.region, deadline: t.deadline, matterCode: t.matterCode, createdAt: t.createdAt })),
    nextCursor: res.nextCursor,
  };
}

/** [H9] [E17]: the audit trail's hash chain recomputed; an altered, removed or reordered event breaks it where it happened. */
export async function verifyAudit(ports: ReadPorts, caller: Caller, caseId: string) {
  const file = await visibleFile(ports, caller, caseId);
  const brokenAt = verifyChain(file.events);
  const head = file.events.at(-1)?.hash ?? null;
  const complete = head === file.case.lastEventHash && file.events.length === file.case.eventSeq;
  return {
    caseId,
    valid: brokenAt === null && complete,
    events: file.events.length,
    ...(brokenAt !== null ? { brokenAt } : !complete ? { brokenAt: Math.min(file.events.length, file.case.eventSeq) + 1 } : {}),
    head,
  };
}

/** One notice of a case [N14], to whoever may see the case, with a short-lived link to its PDF once rendered. */
export async function readNotice(ports: ReadPorts & Pick<Ports, 'downloads'>, caller: Caller, caseId: string, noticeId: string): Promise<{ rendering: boolean; notice: ReturnType<typeof noticeView> & { url?: string; expiresAt?: string } }> {
  const file = await visibleFile(ports, caller, caseId);
  const notice: Notice | undefined = file.notices.find((n) => n.noticeId === noticeId);
  if (!notice) throw new NotFound(`case ${caseId} has no notice ${noticeId}`);
  if (!notice.pdf) return { rendering: true, notice: noticeView(notice) };
  return { rendering: false, notice: { ...noticeView(notice), ...(await ports.downloads.noticeLink(notice.pdf, notice.title)) } };
}

/** An e-licence [E15], to its holder, the issuing department's staff and supervisors over its region. */
export async function readLicence(ports: ReadPorts & Pick<Ports, 'downloads'>, caller: Caller, licenceId: string) {
  const licence = await ports.cases.getLicence(licenceId);
  if (!licence) throw new NotFound(`there is no licence ${licenceId}`);
  await authorize(ports, caller, 'licence.read', { kind: 'licence', licence }, ports.clock.now());
  const { signature, keyId, holder, pdf, ...rest } = licence;
  // [E15] its PDF rendition, by the version whose hash is signed; null until the unified return has rendered it
  const document = pdf
    ? { sha256: pdf.sha256, bytes: pdf.bytes, pages: pdf.pages, signature: pdf.signature, keyId: pdf.keyId, ...(await ports.downloads.noticeLink(pdf, `${licence.typeName}-${licence.licenceId}`)) }
    : null;
  // the holder's identity number is not shown, even here: the licence says who holds it by name
  return { ...rest, holder: { name: holder.name, type: holder.type }, signature, keyId, pdf: document };
}

/**
 * Anyone may check a licence shown to them [E16]: its id is well-formed (GB/T 36904 check character),
 * its signature verifies over what was issued, it is neither revoked nor superseded and in its period of
 * validity. Nothing about the holder is told, not even which case it came from.
 */
export async function verifyLicence(ports: Pick<Ports, 'cases' | 'signer' | 'clock'>, licenceId: string, sha256?: string) {
  if (sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(sha256)) throw new Malformed('sha256 must be 64 hexadecimal characters', [{ path: 'sha256', message: 'not a SHA-256' }]);
  const licence: Licence | undefined = parseLicenceIdentifier(licenceId) ? await ports.cases.getLicence(licenceId) : undefined;
  if (!licence) throw new NotFound(`there is no licence ${licenceId}`);
  const [signed, pdfSigned] = await Promise.all([
    ports.signer.verify(signedPart(licence), licence.signature),
    licence.pdf ? ports.signer.verify(pdfSignedPart(licence.licenceId, licence.pdf.sha256), licence.pdf.signature) : undefined,
  ]);
  const force = inForce(licence, shanghaiDate(ports.clock.now()));
  // [E15] a PDF someone was shown is this licence's rendition when its hash is the one the issuer signed
  const given = sha256?.toLowerCase();
  const matches = given === undefined ? undefined : given === licence.pdf?.sha256 && pdfSigned ? 'document' : 'none';
  const checked = !signed
    ? { valid: false, reason: 'the signature does not verify: the licence is not as issued' }
    : !force.ok
      ? { valid: false, reason: force.reason }
      : matches === 'none'
        ? { valid: false, reason: 'the document checked is not this licence’s PDF as issued' }
        : { valid: true };
  return {
    ...checked,
    ...licenceSummary(licence),
    document: licence.pdf ? { sha256: licence.pdf.sha256, bytes: licence.pdf.bytes, pages: licence.pdf.pages, signed: pdfSigned === true } : null,
    ...(matches ? { checked: { sha256: given, matches } } : {}),
    ...(licence.supersededBy ? { supersededBy: licence.supersededBy } : {}),
    ...(licence.revocation ? { revokedAt: licence.revocation.at } : {}),
  };
}

/** Where a case's archive package is and the lock the object store really holds on it [E22] [E24]: archivists and supervisors over its region. */
export async function readArchive(ports: ReadPorts & Pick<Ports, 'archiveLocks'>, caller: Caller, caseId: string) {
  const c = await ports.cases.getCase(caseId);
  if (!c) throw new NotFound(`there is no case ${caseId}`);
  await authorize(ports, caller, 'archive.read', { kind: 'case', case: c }, ports.clock.now());
  if (!c.archive) throw new NotFound(`case ${caseId} has no archive package`);
  const a = c.archive;
  const lock = await ports.archiveLocks.lockOf(a);
  return {
    bucket: a.bucket,
    key: a.key,
    versionId: a.versionId,
    sha256: a.sha256,
    retention: a.retention,
    retainUntil: lock.retainUntil ?? a.retainUntil,
    mode: lock.mode ?? a.mode,
    legalHold: lock.legalHold,
    archivedAt: a.archivedAt,
    format: a.format,
    archivalCode: a.archivalCode,
    bytes: a.bytes,
    ...(a.parts ? { parts: a.parts } : {}),
    // the package is its own manifest: every part listed in it with its SHA-256, under its signature
    manifest: { key: a.key, versionId: a.versionId, sha256: a.sha256 },
  };
}

/** A short-lived link to a case's package itself [E24], for the archivists of its region. */
export async function packageLink(ports: ReadPorts & Pick<Ports, 'downloads'>, caller: Caller, caseId: string) {
  const c = await ports.cases.getCase(caseId);
  if (!c) throw new NotFound(`there is no case ${caseId}`);
  await authorize(ports, caller, 'archive.download', { kind: 'case', case: c }, ports.clock.now());
  if (!c.archive) throw new NotFound(`case ${caseId} has no archive package`);
  return ports.downloads.packageLink(c.archive, `${c.archive.archivalCode ?? caseId}.xml`);
}

/**
 * 核验 [N14] [E15]: every notice says it can be checked on the platform by its number and content hash.
 * Anyone holding a copy asks with the notice number and the SHA-256 of the PDF they hold, or the content
 * hash printed on it; the answer says whether it is the notice as issued, by whom and when, and
 * nothing about the applicant.
 */
export async function verifyNotice(ports: Pick<Ports, 'cases' | 'regions'>, noticeId: string, sha256: string | undefined) {
  if (sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(sha256)) throw new Malformed('sha256 must be 64 hexadecimal characters', [{ path: 'sha256', message: 'not a SHA-256' }]);
  const caseId = caseIdOf(noticeId, ['N']);
  const file = caseId ? await ports.cases.getFile(caseId) : undefined;
  const notice = file?.notices.find((n) => n.noticeId === noticeId);
  if (!file || !notice) throw new NotFound(`there is no notice ${noticeId}`);
  const given = sha256?.toLowerCase();
  const matches = given === undefined ? undefined : given === notice.pdf?.sha256 ? 'document' : given === notice.sha256 ? 'content' : 'none';
  return {
    noticeId,
    kind: notice.kind,
    title: notice.title,
    issuedAt: notice.issuedAt,
    issuer: issuerOf(file.case, file.notices, ports.regions).deptName,
    contentSha256: notice.sha256,
    document: notice.pdf ? { sha256: notice.pdf.sha256, bytes: notice.pdf.bytes, pages: notice.pdf.pages } : null,
    ...(matches ? { checked: { sha256: given, matches }, valid: matches !== 'none' } : {}),
  };
}
