import { MAX_UPLOAD_BYTES, uploadProblems } from '#shared/domain/rules/e12-upload-formats';

const ok = { fileName: '营业执照.pdf', contentType: 'application/pdf', size: 1024 };
const paths = (req: Partial<typeof ok>) => uploadProblems({ ...ok, ...req }).map((e) => e.path);

describe('what may be uploaded as an e-material [E12]', () => {
  test.each([
    ['营业执照.pdf', 'application/pdf'],
    ['规划图.OFD', 'application/ofd'],
    ['身份证.jpg', 'image/jpeg'],
    ['身份证.jpeg', 'image/jpeg'],
    ['现场照片.png', 'image/png'],
    ['申请表.xml', 'application/xml'],
    ['申请表.xml', 'text/xml'],
    ['申请表.pdf.sig', 'application/octet-stream'],
    ['signer.cer', 'application/pkix-cert'],
    ['signer.pem', 'application/pkix-cert'],
    ['a.pdf', 'Application/PDF'],
  ])('%s as %s is accepted', (fileName, contentType) => {
    expect(uploadProblems({ fileName, contentType, size: 10 })).toEqual([]);
  });

  test.each([['text/html'], ['application/javascript'], ['image/svg+xml'], ['application/vnd.ms-word.document.macroEnabled.12'], ['application/pdf; charset=utf-8']])('%s is not an accepted format', (contentType) => {
    expect(paths({ contentType })).toEqual(['contentType']);
  });

  test('a type is bound to its name endings: a PDF is not called .html, and a signature is a .sig', () => {
    expect(paths({ fileName: 'a.html' })).toEqual(['fileName']);
    expect(paths({ fileName: 'noextension' })).toEqual(['fileName']);
    expect(paths({ fileName: 'a.bin', contentType: 'application/octet-stream' })).toEqual(['fileName']);
  });

  test.each([['../../etc/passwd.pdf'], ['dir/a.pdf'], ['C:\\a.pdf'], ['.hidden.pdf'], ['..'], ['a\u0000.pdf'], ['a\n.pdf'], ['evil\u202efdp.exe.pdf'], [' a.pdf']])('%j is a path or a trick, not a name', (fileName) => {
    expect(paths({ fileName })).toEqual(['fileName']);
  });

  test('the size is between one byte and the limit', () => {
    expect(paths({ size: 0 })).toEqual(['size']);
    expect(paths({ size: MAX_UPLOAD_BYTES })).toEqual([]);
    expect(paths({ size: MAX_UPLOAD_BYTES + 1 })).toEqual(['size']);
  });

  test('every problem is named at once', () => {
    expect(paths({ fileName: 'x/y', contentType: 'text/html', size: 0 })).toEqual(['fileName', 'contentType', 'size']);
  });
});
