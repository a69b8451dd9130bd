import { getCaseFile } from '../domain/case-store.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { issuerOf } from './issuer.ts';

/**
 * 核验 (N14, E15): every notice says it can be checked on the platform by its number and content hash.
 * Anyone holding a copy (a bank, a landlord, a court) asks with the notice number and the SHA-256 of the
 * PDF they hold, or the content hash printed on it; the answer says whether it is the notice as issued,
 * by whom and when, and nothing about the applicant.
 */
export async function verifyNotice(noticeId: string, sha256: string | undefined) {
  if (sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(sha256)) {
    throw badRequest('sha256 must be 64 hexadecimal characters', [{ path: 'sha256', message: 'not a SHA-256' }]);
  }
  // a notice number is its case id and its sequence: <caseId>.N<n>
  const m = /^([A-Z0-9]{10,40})\.N(\d{1,4})$/.exec(noticeId);
  const file = m ? await getCaseFile(m[1]) : undefined;
  const notice = file?.notices.find((n) => n.noticeId === noticeId);
  if (!file || !notice) throw notFound(`there is no notice ${noticeId}`);
  const given = sha256?.toLowerCase();
  const matches = given === undefined ? undefined : given === notice.pdf?.sha256 ? 'document' : given === notice.sha256 ? 'content' : 'none';
  return {
    noticeId,
    kind: notice.kind,
    title: notice.title,
    issuedAt: notice.issuedAt,
    issuer: issuerOf(file.case, file.notices).deptName,
    contentSha256: notice.sha256,
    document: notice.pdf ? { sha256: notice.pdf.sha256, bytes: notice.pdf.bytes, pages: notice.pdf.pages } : null,
    ...(matches ? { checked: { sha256: given, matches }, valid: matches !== 'none' } : {}),
  };
}
