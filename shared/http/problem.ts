/**
 * Problem details (RFC 9457). Every refusal in the domain is a `Problem` with its status, so the HTTP
 * layer maps it without comparing strings (API.md: bad input is 400 or 422, never 500).
 */
export interface FieldError {
  path: string;
  message: string;
}

export class Problem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly errors?: FieldError[];
  /** extra members of the problem document, e.g. the allowed transitions */
  readonly extra?: Record<string, unknown>;

  constructor(
    status: number,
    title: string,
    detail: string,
    options: { type?: string; errors?: FieldError[]; cause?: unknown; extra?: Record<string, unknown> } = {},
  ) {
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
    return {
      ...this.extra,
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
  }
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');

export const badRequest = (detail: string, errors?: FieldError[], cause?: unknown) =>
  new Problem(400, 'Bad Request', detail, { errors, cause });
export const unauthorized = (detail: string) => new Problem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new Problem(403, 'Forbidden', detail);
export const notFound = (detail: string) => new Problem(404, 'Not Found', detail);
export const conflict = (detail: string, extra?: Record<string, unknown>, cause?: unknown) =>
  new Problem(409, 'Conflict', detail, { extra, cause });
export const unprocessable = (detail: string, errors?: FieldError[], cause?: unknown) =>
  new Problem(422, 'Unprocessable Content', detail, { errors, cause });

export const PROBLEM_JSON = 'application/problem+json';
