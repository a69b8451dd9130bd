import type { Case } from '../../shared/domain/case.ts';

/** One case and issuer to render notices for, shared by the notice tests and `bench:notices`. */
export const SAMPLE_CASE = {
  caseId: 'ZW20261128ABCDEFGHJK',
  receiptNo: '610113-20261128-ABCDEFGHJK',
  matterName: '食品经营许可',
  submittedAt: '2026-11-28T06:05:00.000Z',
  channel: 'online',
  region: '610113',
  applicant: { type: 'org', name: '西安豳风餐饮有限公司', idNumber: '91610113MA6U00000X', sub: 'c1' },
} as unknown as Case;
export const SAMPLE_ISSUER = { deptName: '西安市雁塔区行政审批服务局', regionName: '陕西省西安市雁塔区' };
/** when the sample notices are issued */
export const SAMPLE_AT = '2026-11-30T02:00:00.000Z';
