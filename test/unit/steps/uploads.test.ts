import { Forbidden, Invalid } from '#shared/domain/errors';
import { requestUpload } from '#shared/domain/steps/uploads';
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
});
