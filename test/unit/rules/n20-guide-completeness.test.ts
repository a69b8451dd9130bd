import { missingGuideFields } from '#shared/domain/rules/n20-guide-completeness';
import { matters } from '#shared/catalog/demo-seed';

describe('事项公开信息的完整性 [N20]: a published guide carries every field an applicant needs', () => {
  const complete = { ...matters[0], address: '西安市雁塔区政务服务中心一楼综合窗口', phone: '029-12345', hours: '工作日 9:00–17:00' };

  test('a guide with every field is complete', () => {
    expect(missingGuideFields(complete)).toEqual([]);
  });

  test('missing where, when and whom to call are named', () => {
    expect(missingGuideFields({ ...complete, address: '', phone: undefined, hours: '  ' })).toEqual(['address', 'phone', 'hours']);
  });

  test('no materials or steps, or a time limit that is not a whole number, are named', () => {
    expect(missingGuideFields({ ...complete, materials: [], steps: [], promiseDays: 1.5 })).toEqual(['materials', 'steps', 'promiseDays']);
  });
});
