import { parseBody, queryChoice } from '#shared/http/parse';
import { Problem } from '#shared/http/problem';
import { EvaluationRequest, UploadRequest } from '#shared/http/schemas';

function refusal(fn: () => unknown): Problem {
  try {
    fn();
  } catch (err) {
    return err as Problem;
  }
  throw new Error('the body was accepted');
}

const upload = { fileName: '营业执照.pdf', contentType: 'application/pdf', size: 1024, sha256: 'a'.repeat(64) };

describe('request bodies are parsed with their schema (API.md: malformed input is 400, never 500)', () => {
  test('a body that matches returns the parsed value', () => {
    expect(parseBody(UploadRequest, upload)).toEqual(upload);
  });

  test('no body at all is a 400 saying a body is required', () => {
    const p = refusal(() => parseBody(UploadRequest, undefined));
    expect(p).toBeInstanceOf(Problem);
    expect(p.status).toBe(400);
    expect(p.message).toMatch(/body is required/);
  });

  test('a mismatch is a 400 with one error per field, each naming its path', () => {
    const p = refusal(() => parseBody(UploadRequest, { ...upload, size: 0, sha256: 'XYZ' }));
    expect(p.status).toBe(400);
    expect(p.errors?.map((e) => e.path).sort()).toEqual(['sha256', 'size']);
    for (const e of p.errors!) expect(e.message).toEqual(expect.any(String));
  });

  test('a nested field is named by its dotted path', () => {
    const p = refusal(() => parseBody(EvaluationRequest, { score: 6 }));
    expect(p.errors).toEqual([{ path: 'score', message: expect.any(String) }]);
  });

  test('an error about the whole body is reported at "(body)"', () => {
    for (const body of [null, 'text', 42, []]) {
      const p = refusal(() => parseBody(UploadRequest, body));
      expect(p.status).toBe(400);
      expect(p.errors?.[0].path).toBe('(body)');
    }
  });

  test('the problem document carries the field errors', () => {
    const doc = JSON.parse(JSON.stringify(refusal(() => parseBody(UploadRequest, { ...upload, size: -1 }))));
    expect(doc).toMatchObject({ status: 400, title: 'Bad Request', errors: [{ path: 'size' }] });
  });
});

describe('a query parameter with a few values', () => {
  test('absent is undefined, one of them is itself, anything else a 400 naming the parameter', () => {
    expect(queryChoice('status', undefined, ['open', 'cleared'])).toBeUndefined();
    expect(queryChoice('status', 'open', ['open', 'cleared'])).toBe('open');
    let thrown: unknown;
    try {
      queryChoice('status', 'closed', ['open', 'cleared']);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ status: 400, errors: [{ path: 'status', message: 'one of open, cleared' }] });
  });
});
