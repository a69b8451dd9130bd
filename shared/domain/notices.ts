import { canonicalJson, sha256Hex } from './audit.ts';
import type { Notice, NoticeKind } from './case.ts';

/** 文书 titles as they are printed (N14: 受理通知书, 补正告知书 …). */
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

/** A notice with the hash of its content, so a copy can be checked against the case file. */
export function makeNotice(caseId: string, kind: NoticeKind, seq: number, issuedAt: string, body: Record<string, unknown>): Notice {
  const noticeId = `${caseId}.N${seq}`;
  const content = { ...body, noticeId, kind, title: NOTICE_TITLES[kind], issuedAt, caseId };
  return { noticeId, kind, title: NOTICE_TITLES[kind], issuedAt, body: content, sha256: sha256Hex(canonicalJson(content)) };
}
