import { Forbidden, Invalid } from '#shared/domain/errors';
import { requestUpload, requestUploads } from '#shared/domain/steps/uploads';
import { memoryPorts } from '../support/memory-ports';
import { citizen, PEOPLE, refusal, staff, FOOD_DEPT } from '../support/fixtures';

const req = { fileName: '申请表.pdf', contentType: 'application/pdf', size: 2048, sha256: 'a'.repeat(64) };

describe('asking for an upload link [E12]', () => {
  test('a filer gets a link under their own prefix, bound to the declared type and size', async () => {
    const ports = memoryPorts();
    const wang = citizen(PEOPLE.wang);
    const link = await requestUpload(ports, wang, req);
    expect(link.objectKey.startsWith(`uploads/${wang.sub}/`)).toBe(true);
    expect(link.headers).toMatchObject({ 'content-type': 'application/pdf', 'content-length': '2048' });
  });

  test('a format outside the allow-list, or a name that is a path, is 422 naming the field, and no link is made', async () => {
    const ports = memoryPorts();
    const err = await refusal(requestUpload(ports, citizen(PEOPLE.wang), { ...req, fileName: '../x.html', contentType: 'text/html' }));
    expect(err).toBeInstanceOf(Invalid);
    expect((err as Invalid).errors.map((e) => e.path)).toEqual(['fileName', 'contentType']);
  });

  test('a supervisor, who files nothing, gets no link', async () => {
    const ports = memoryPorts();
    expect(await refusal(requestUpload(ports, { ...staff('sup-1', 'supervisor', FOOD_DEPT), dept: undefined, region: '610000' }, req))).toBeInstanceOf(Forbidden);
  });

  test('several at once: a link for each, in the order asked, each under the filer’s prefix', async () => {
    const ports = memoryPorts();
    const wang = citizen(PEOPLE.wang);
    const { uploads } = await requestUploads(ports, wang, [req, { ...req, fileName: '营业执照.pdf', size: 4096 }]);
    expect(uploads).toHaveLength(2);
    expect(uploads.map((u) => u.headers['content-length'])).toEqual(['2048', '4096']);
    expect(new Set(uploads.map((u) => u.objectKey)).size).toBe(2);
    for (const u of uploads) expect(u.objectKey.startsWith(`uploads/${wang.sub}/`)).toBe(true);
  });

  test('several at once: one that is not an accepted e-material refuses them all, each fault named by its place', async () => {
    const ports = memoryPorts();
    let presigned = 0;
    const presign = ports.uploads.presign.bind(ports.uploads);
    ports.uploads.presign = async (...args) => (presigned++, presign(...args));
    const err = await refusal(requestUploads(ports, citizen(PEOPLE.wang), [req, { ...req, contentType: 'text/html' }, { ...req, fileName: '../x.pdf' }]));
    expect(err).toBeInstanceOf(Invalid);
    expect((err as Invalid).errors.map((e) => e.path)).toEqual(['files[1].contentType', 'files[2].fileName']);
    expect(presigned).toBe(0);
  });
});
