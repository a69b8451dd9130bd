import { canonicalJson, sha256Hex } from '#shared/domain/audit';
import type { NoticeKind } from '#shared/domain/case';
import { makeNotice, NOTICE_TITLES } from '#shared/domain/notices';

const CASE = 'ZW20250506K7Q2M9XA3B';
const AT = '2025-05-06T02:15:00.000Z';
const correction = () => ({
  missing: [
    { code: 'M01', name: '食品经营许可申请书' },
    { code: 'M02', name: '食品安全管理制度' },
  ],
  reason: '材料不全',
  dept: '610113-XZSP',
});

describe('notices (文书) carry the hash of their content, so a copy can be checked against the case file', () => {
  test('a notice is numbered within its case and titled as printed', () => {
    const n = makeNotice(CASE, 'correction', 3, AT, correction());
    expect(n.noticeId).toBe(`${CASE}.N3`);
    expect(n.kind).toBe('correction');
    expect(n.title).toBe('补齐补正告知书');
    expect(n.issuedAt).toBe(AT);
  });

  test('the body holds the notice’s identity and the content given', () => {
    const n = makeNotice(CASE, 'correction', 3, AT, correction());
    expect(n.body).toEqual({ noticeId: `${CASE}.N3`, kind: 'correction', title: '补齐补正告知书', issuedAt: AT, caseId: CASE, ...correction() });
  });

  test('the hash is the SHA-256 of the canonical body, so anyone holding the body can check it', () => {
    const n = makeNotice(CASE, 'correction', 3, AT, correction());
    expect(n.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(n.sha256).toBe(sha256Hex(canonicalJson(n.body)));
  });

  test('the hash is stable: the same notice made twice, or with its fields in another order, hashes the same', () => {
    const a = makeNotice(CASE, 'correction', 3, AT, correction());
    const { dept, reason, missing } = correction();
    const b = makeNotice(CASE, 'correction', 3, AT, { dept, reason, missing });
    expect(b.sha256).toBe(a.sha256);
  });

  test.each([
    ['one more missing material', () => makeNotice(CASE, 'correction', 3, AT, { ...correction(), missing: [...correction().missing, { code: 'M04', name: '法定代表人身份证明' }] })],
    ['another reason', () => makeNotice(CASE, 'correction', 3, AT, { ...correction(), reason: '材料不规范' })],
    ['another issue time', () => makeNotice(CASE, 'correction', 3, '2025-05-06T02:15:01.000Z', correction())],
    ['another number', () => makeNotice(CASE, 'correction', 4, AT, correction())],
    ['another case', () => makeNotice('ZW20250506AAAAAAAAAA', 'correction', 3, AT, correction())],
    ['another kind', () => makeNotice(CASE, 'rejection', 3, AT, correction())],
  ])('the hash changes with the content: %s', (_what, make) => {
    expect(make().sha256).not.toBe(makeNotice(CASE, 'correction', 3, AT, correction()).sha256);
  });

  test('every kind of notice has its printed title [N14]', () => {
    const expected: Record<NoticeKind, string> = {
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
    expect(NOTICE_TITLES).toEqual(expected);
    for (const kind of Object.keys(expected) as NoticeKind[]) expect(makeNotice(CASE, kind, 1, AT, {}).title).toBe(expected[kind]);
  });
});
