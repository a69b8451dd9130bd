import { canonicalJson, sha256Hex } from './audit.ts';
import type { Case, Notice, NoticeKind } from './case.ts';
import { childId } from './ids.ts';
import type { Issuer, Regions } from './ports.ts';

/** 文书 titles as they are printed [N14] (受理通知书, 补正告知书 …). */
export const NOTICE_TITLES: Record<NoticeKind, string> = {
  receipt: '接收回执',
  acceptance: '受理通知书',
  correction: '补齐补正告知书',
  rejection: '不予受理通知书',
  return: '退件通知书',
  decision: '决定书',
  withdrawal: '撤回申请确认书',
  extension: '延长办理期限告知书',
  special_procedure: '特别程序告知书',
  delivery: '送达回执',
};

/**
 * 行政复议、行政诉讼 rights, which every notice deciding against the applicant states (行政许可法 第三十八条,
 * 行政复议法 第二十条, 行政诉讼法 第四十六条): part of the notice's content, so its hash covers them [N14].
 */
export const APPEAL_RIGHTS = '如不服本决定，可以自收到本文书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。';

/**
 * Notices issued by one step, numbered after those the case already has: `issue(kind, body)` gives the
 * next number each time it is called, so a step that issues two notices cannot give both one number.
 */
export function noticeIssuer(caseId: string, existing: number, issuedAt: string) {
  let seq = existing;
  return (kind: NoticeKind, body: Record<string, unknown>): Notice => makeNotice(caseId, kind, ++seq, issuedAt, body);
}

/** A notice with the hash of its content, so a copy can be checked against the case file. */
export function makeNotice(caseId: string, kind: NoticeKind, seq: number, issuedAt: string, body: Record<string, unknown>): Notice {
  const noticeId = childId(caseId, 'N', seq);
  const content = { ...body, noticeId, kind, title: NOTICE_TITLES[kind], issuedAt, caseId };
  return { noticeId, kind, title: NOTICE_TITLES[kind], issuedAt, body: content, sha256: sha256Hex(canonicalJson(content)) };
}

/** Who issues a case's notices [N14]: the accepting department, as the receipt named it, in its region. */
export function issuerOf(c: Case, notices: Notice[], regions: Regions): Issuer {
  const receipt = notices.find((n) => n.kind === 'receipt');
  const dept = (receipt?.body as { acceptingDept?: { name?: string } } | undefined)?.acceptingDept?.name;
  return { deptName: dept ?? c.acceptingDept, regionName: regions.name(c.region, true) ?? c.region };
}
