import { Conflict, DomainError, Forbidden, Invalid, Malformed, NotFound, Stale, type FieldError } from '../domain/errors.ts';

/**
 * Problem details (RFC 9457), the HTTP edge's answer to every refusal. Domain errors are mapped here
 * and only here, by type (API.md: bad input is 400 or 422, never 500; 404 for what is not the
 * caller's to see).
 */
export type { FieldError };

export class Problem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly errors?: FieldError[];
  /** extra members of the problem document, e.g. the allowed transitions */
  readonly extra?: Record<string, unknown>;

  constructor(status: number, title: string, detail: string, options: { type?: string; errors?: FieldError[]; cause?: unknown; extra?: Record<string, unknown> } = {}) {
    super(detail, { cause: options.cause });
    this.name = 'Problem';
    this.status = status;
    this.title = title;
    this.type = options.type ?? `https://zwfw.shaanxi.gov.cn/problems/${slug(title)}`;
    this.errors = options.errors;
    this.extra = options.extra;
  }

  toJSON(): Record<string, unknown> {
    // extra members first: the standard members always win (a `status` member is the HTTP status)
    return { ...this.extra, type: this.type, title: this.title, status: this.status, detail: this.message, ...(this.errors?.length ? { errors: this.errors } : {}) };
  }
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');

export const badRequest = (detail: string, errors?: FieldError[], cause?: unknown) => new Problem(400, 'Bad Request', detail, { errors, cause });
export const unauthorized = (detail: string) => new Problem(401, 'Unauthorized', detail);
export const payloadTooLarge = (detail: string) => new Problem(413, 'Content Too Large', detail);

export const PROBLEM_JSON = 'application/problem+json';

/** The problem a domain error is, by its type; undefined for anything that is not a refusal (a fault). */
export function problemOf(err: unknown): Problem | undefined {
  if (err instanceof Problem) return err;
  if (!(err instanceof DomainError)) return undefined;
  const opts = { cause: err, extra: err.extra };
  if (err instanceof NotFound) return new Problem(404, 'Not Found', err.message, opts);
  if (err instanceof Forbidden) return new Problem(403, 'Forbidden', err.message, opts);
  if (err instanceof Stale) return new Problem(409, 'Conflict', `case ${err.caseId} is busy; try again`, opts);
  if (err instanceof Conflict) return new Problem(409, 'Conflict', err.message, opts);
  if (err instanceof Invalid) return new Problem(422, 'Unprocessable Content', err.message, { ...opts, errors: err.errors });
  if (err instanceof Malformed) return new Problem(400, 'Bad Request', err.message, { cause: err, errors: err.errors });
  return undefined;
}
