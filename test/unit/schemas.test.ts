import { CorrectionRequest, CreateCaseRequest, EvaluationRequest, OfflineStepRequest, TaskDecision, SingleUpload, UploadBatch, UploadRequest } from '#shared/http/schemas';
import { parseBody } from '#shared/http/parse';
import { Problem } from '#shared/http/problem';

type Schema = Parameters<typeof parseBody>[0];

/** The paths of the fields refused, or [] when the body is accepted. */
function refusedPaths(schema: Schema, body: unknown): string[] {
  try {
    parseBody(schema, body);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(Problem);
    expect((err as Problem).status).toBe(400);
    return (err as Problem).errors!.map((e) => e.path);
  }
}

const application = {
  matterCode: '000109001000-610113-XZSP',
  applicant: { type: 'org', name: '西安市雁塔区某某餐饮店', idNumber: '91610113MA6TXXXX13' },
  channel: 'online',
  form: { businessAddress: '雁塔区小寨东路1号' },
  materials: [{ code: 'M01', objectKey: 'uploads/c-1/abc' }, { code: 'M03', licenceId: 'LIC-1' }],
};

describe('an application (POST /v1/cases) [N15]', () => {
  test('a complete online application is accepted', () => {
    expect(refusedPaths(CreateCaseRequest, application)).toEqual([]);
  });

  test('a window clerk’s filing names the applicant by onBehalfOf [H8]', () => {
    expect(refusedPaths(CreateCaseRequest, { ...application, channel: 'window', onBehalfOf: 'c-2' })).toEqual([]);
  });

  test.each(['online', 'window', 'agent', 'kiosk'])('channel %s is one of the four channels [H8] [H11] [H26]', (channel) => {
    expect(refusedPaths(CreateCaseRequest, { ...application, channel })).toEqual([]);
  });

  test('an unknown channel is refused', () => {
    expect(refusedPaths(CreateCaseRequest, { ...application, channel: 'fax' })).toEqual(['channel']);
  });

  test('an applicant is a person or an organisation, with a name and an ID number', () => {
    expect(refusedPaths(CreateCaseRequest, { ...application, applicant: { type: 'robot', name: '', idNumber: '123' } }).sort()).toEqual([
      'applicant.idNumber',
      'applicant.name',
      'applicant.type',
    ]);
  });

  test('unknown fields are refused, at the top and inside', () => {
    expect(refusedPaths(CreateCaseRequest, { ...application, status: 'completed' })).toEqual(['(body)']);
    expect(refusedPaths(CreateCaseRequest, { ...application, applicant: { ...application.applicant, sub: 'someone-else' } })).toEqual(['applicant']);
    expect(refusedPaths(CreateCaseRequest, { ...application, materials: [{ code: 'M01', objectKey: 'k', sha256: 'x' }] })).toEqual(['materials.0']);
  });

  test('materials are a list of at most 100 references, each with a code', () => {
    expect(refusedPaths(CreateCaseRequest, { ...application, materials: [] })).toEqual([]);
    const many = Array.from({ length: 101 }, (_, i) => ({ code: `M${i}`, objectKey: `k${i}` }));
    expect(refusedPaths(CreateCaseRequest, { ...application, materials: many })).toEqual(['materials']);
    expect(refusedPaths(CreateCaseRequest, { ...application, materials: [{ objectKey: 'k' }] })).toEqual(['materials.0.code']);
  });

  test('the matter code is required', () => {
    const { matterCode: _m, ...rest } = application;
    expect(refusedPaths(CreateCaseRequest, rest)).toEqual(['matterCode']);
  });
});

describe('an answer to a correction notice [H22]', () => {
  test('brings at least one material', () => {
    expect(refusedPaths(CorrectionRequest, { materials: [{ code: 'M02', objectKey: 'uploads/c-1/def' }] })).toEqual([]);
    expect(refusedPaths(CorrectionRequest, { materials: [] })).toEqual(['materials']);
  });
});

describe('task decisions (受理, 补齐补正, 不予受理, 退件; approve or deny)', () => {
  test.each([
    { decision: 'accept' },
    { decision: 'correction', missing: ['M01', 'M02'], reason: '材料不全' },
    { decision: 'reject', reason: '不属于本部门职权范围' },
    { decision: 'return', reason: '申请人要求退件' },
    { decision: 'approve' },
    { decision: 'approve', opinion: '同意' },
    { decision: 'deny', reason: '不符合条件' },
  ])('%j is a decision', (d) => {
    expect(refusedPaths(TaskDecision, d)).toEqual([]);
  });

  test('a correction lists what is missing, at least one item ([H22] 一次性告知)', () => {
    expect(refusedPaths(TaskDecision, { decision: 'correction', missing: [], reason: '材料不全' })).toEqual(['missing']);
    expect(refusedPaths(TaskDecision, { decision: 'correction', reason: '材料不全' })).toEqual(['missing']);
  });

  test('refusing, returning and denying need a reason', () => {
    for (const decision of ['reject', 'return', 'deny']) {
      expect(refusedPaths(TaskDecision, { decision })).toEqual(['reason']);
      expect(refusedPaths(TaskDecision, { decision, reason: '' })).toEqual(['reason']);
    }
  });

  test('an unknown decision is refused', () => {
    expect(refusedPaths(TaskDecision, { decision: 'maybe' })).not.toEqual([]);
  });

  test('an accept carries nothing else', () => {
    expect(refusedPaths(TaskDecision, { decision: 'accept', reason: 'x' })).not.toEqual([]);
  });
});

describe('offline steps ([N17]: 踏勘, 专家评审, 听证)', () => {
  const step = { kind: 'site_inspection', startedAt: '2025-05-06T09:00:00+08:00', endedAt: '2025-05-06T11:30:00+08:00', result: '现场符合要求' };

  test('a site inspection with its times and result is recorded', () => {
    expect(refusedPaths(OfflineStepRequest, step)).toEqual([]);
    const { endedAt: _e, ...ongoing } = step;
    expect(refusedPaths(OfflineStepRequest, { ...ongoing, kind: 'expert_review' })).toEqual([]);
  });

  test('times carry an offset, and the kind is one of the three', () => {
    expect(refusedPaths(OfflineStepRequest, { ...step, startedAt: '2025-05-06 09:00' })).toEqual(['startedAt']);
    expect(refusedPaths(OfflineStepRequest, { ...step, kind: 'phone_call' })).toEqual(['kind']);
    expect(refusedPaths(OfflineStepRequest, { ...step, result: '' })).toEqual(['result']);
  });
});

describe('evaluations (好差评) [N21]', () => {
  test.each([1, 5])('score %d is accepted', (score) => {
    expect(refusedPaths(EvaluationRequest, { score, comment: '办事高效' })).toEqual([]);
  });

  test.each([0, 6, 4.5, '5'])('score %j is refused', (score) => {
    expect(refusedPaths(EvaluationRequest, { score })).toEqual(['score']);
  });
});

describe('uploads (POST /v1/uploads)', () => {
  const upload = { fileName: '营业执照.pdf', contentType: 'application/pdf', size: 1024, sha256: 'ab'.repeat(32) };

  test('a declared SHA-256 is 64 lowercase hex digits', () => {
    expect(refusedPaths(SingleUpload, upload)).toEqual([]);
    expect(refusedPaths(SingleUpload, { ...upload, sha256: 'AB'.repeat(32) })).toEqual(['sha256']);
    expect(refusedPaths(SingleUpload, { ...upload, sha256: 'ab'.repeat(31) })).toEqual(['sha256']);
  });

  test('a file is 1 byte to 50 MiB, a whole number', () => {
    expect(refusedPaths(SingleUpload, { ...upload, size: 50 * 1024 * 1024 })).toEqual([]);
    expect(refusedPaths(SingleUpload, { ...upload, size: 50 * 1024 * 1024 + 1 })).toEqual(['size']);
    expect(refusedPaths(SingleUpload, { ...upload, size: 0 })).toEqual(['size']);
    expect(refusedPaths(SingleUpload, { ...upload, size: 1.5 })).toEqual(['size']);
  });

  test('several at once: 1 to 10 files, each refused by its place; the document’s schema takes either form', () => {
    expect(refusedPaths(UploadBatch, { files: [upload, upload] })).toEqual([]);
    expect(refusedPaths(UploadBatch, { files: [upload, { ...upload, size: 0 }] })).toEqual(['files.1.size']);
    expect(refusedPaths(UploadBatch, { files: [] })).toEqual(['files']);
    expect(refusedPaths(UploadBatch, { files: Array.from({ length: 11 }, () => upload) })).toEqual(['files']);
    expect(refusedPaths(UploadBatch, { files: [upload], fileName: 'x.pdf' })).toEqual(['(body)']);
    expect(refusedPaths(UploadRequest, upload)).toEqual([]);
    expect(refusedPaths(UploadRequest, { files: [upload] })).toEqual([]);
    expect(refusedPaths(UploadRequest, { ...upload, files: [upload] })).not.toEqual([]);
  });
});
