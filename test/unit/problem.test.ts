import { Conflict, Forbidden, Invalid, NotFound, type FieldError } from '#shared/domain/errors';
import { badRequest, Problem, PROBLEM_JSON, problemOf, unauthorized } from '#shared/http/problem';

// the domain refuses with types; the HTTP edge maps each to its problem
const forbidden = (detail: string) => problemOf(new Forbidden(detail))!;
const notFound = (detail: string) => problemOf(new NotFound(detail))!;
const conflict = (detail: string, extra?: Record<string, unknown>, cause?: unknown) => problemOf(new Conflict(detail, { extra, cause }))!;
const unprocessable = (detail: string, errors?: FieldError[]) => problemOf(new Invalid(detail, errors))!;

describe('problem details (RFC 9457): every refusal carries its status', () => {
  test.each([
    [badRequest('x'), 400, 'Bad Request', 'bad-request'],
    [unauthorized('x'), 401, 'Unauthorized', 'unauthorized'],
    [forbidden('x'), 403, 'Forbidden', 'forbidden'],
    [notFound('x'), 404, 'Not Found', 'not-found'],
    [conflict('x'), 409, 'Conflict', 'conflict'],
    [unprocessable('x'), 422, 'Unprocessable Content', 'unprocessable-content'],
  ])('%#: %s', (p, status, title, slug) => {
    expect(p).toBeInstanceOf(Problem);
    expect(p).toBeInstanceOf(Error);
    expect(p.name).toBe('Problem');
    expect(p.status).toBe(status);
    expect(p.title).toBe(title);
    expect(p.type).toBe(`https://zwfw.shaanxi.gov.cn/problems/${slug}`);
    expect(p.toJSON()).toEqual({ type: p.type, title, status, detail: 'x' });
  });

  test('the document is what JSON.stringify writes: type, title, status, detail', () => {
    const doc = JSON.parse(JSON.stringify(notFound('there is no case ZW1')));
    expect(doc).toEqual({ type: 'https://zwfw.shaanxi.gov.cn/problems/not-found', title: 'Not Found', status: 404, detail: 'there is no case ZW1' });
  });

  test('field errors are listed when there are some and left out when there are none', () => {
    const errors = [{ path: 'materials.0.code', message: 'unknown' }, { path: 'channel', message: 'must be online or kiosk' }];
    expect(unprocessable('bad', errors).toJSON().errors).toEqual(errors);
    expect(unprocessable('bad', []).toJSON()).not.toHaveProperty('errors');
    expect(badRequest('bad').toJSON()).not.toHaveProperty('errors');
  });

  test('extra members join the document (a conflict names what is allowed)', () => {
    expect(conflict('stale', { allowed: ['in_review'], currentVersion: 3 }).toJSON()).toMatchObject({ status: 409, allowed: ['in_review'], currentVersion: 3 });
  });

  test('a problem keeps its cause (middy: errors carry their cause)', () => {
    const cause = new Error('ConditionalCheckFailed');
    // the domain error is the problem's cause, and the domain error keeps its own
    expect((conflict('stale version', undefined, cause).cause as Error).cause).toBe(cause);
    expect(badRequest('bad', undefined, cause).cause).toBe(cause);
  });

  test('every domain error maps to its status, and anything else is no problem at all (a fault, 500)', () => {
    expect(problemOf(new Invalid('x', [{ path: 'form', message: 'too big' }]))).toMatchObject({ status: 422, errors: [{ path: 'form', message: 'too big' }] });
    expect(problemOf(new TypeError('boom'))).toBeUndefined();
  });

  test('a custom type is kept', () => {
    expect(new Problem(422, 'Material Mismatch', 'sha256', { type: 'urn:x' }).type).toBe('urn:x');
    expect(new Problem(422, 'Material Mismatch', 'sha256').type).toBe('https://zwfw.shaanxi.gov.cn/problems/material-mismatch');
  });

  test('the media type is application/problem+json', () => {
    expect(PROBLEM_JSON).toBe('application/problem+json');
  });
});
