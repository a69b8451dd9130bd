/**
 * What a step refuses with, as types: the HTTP edge maps each to its problem+json status
 * (`shared/http/problem.ts`), the workflow edge to a step error (`shared/workflows/step-error.ts`). A
 * domain error never knows about HTTP; nothing compares its message later.
 */
export interface FieldError {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  /** extra members a caller may read (the allowed transitions, the open case …) */
  readonly extra?: Record<string, unknown>;
  constructor(message: string, options?: { cause?: unknown; extra?: Record<string, unknown> }) {
    super(message, { cause: options?.cause });
    this.name = new.target.name;
    this.extra = options?.extra;
  }
}

/** What does not exist, or is not the caller's to see (API.md: both are 404). */
export class NotFound extends DomainError {}

/** The caller's role, department or relation to the subject does not allow the action. */
export class Forbidden extends DomainError {}

/** The subject is not in a state that allows the action: `from` what, and what is `allowed` from there. */
export class Conflict extends DomainError {
  constructor(message: string, options?: { from?: string; allowed?: string[]; extra?: Record<string, unknown>; cause?: unknown }) {
    const { from, allowed, extra, cause } = options ?? {};
    super(message, { cause, extra: { ...extra, ...(from !== undefined ? { from } : {}), ...(allowed ? { allowed } : {}) } });
  }
}

/** Well-formed but invalid for the matter or the rule: every failing field at once. */
export class Invalid extends DomainError {
  readonly errors: FieldError[];
  constructor(message: string, errors: FieldError[] = [], options?: { cause?: unknown; extra?: Record<string, unknown> }) {
    super(message, options);
    this.errors = errors;
  }
}

/** Malformed: not what the API takes at all (a cursor it did not issue, a body that is not UTF-8). */
export class Malformed extends DomainError {
  readonly errors: FieldError[];
  constructor(message: string, errors: FieldError[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.errors = errors;
  }
}

/** The case changed between our read and our write; the step runner reads again and retries. */
export class Stale extends DomainError {
  constructor(readonly caseId: string, options?: { cause?: unknown }) {
    super(`case ${caseId} changed meanwhile`, options);
  }
}

/**
 * The applicant already has an open case for the matter (one record whatever the channel) [N15]. The
 * intake decides, through the gate, whether the filer may be told which case it is.
 */
export class OpenCaseExists extends Conflict {
  constructor(readonly open: { caseId?: string; receiptNo?: string }, options?: { cause?: unknown }) {
    super(open.caseId ? `the applicant already has an open case for this matter: ${open.caseId}` : 'the applicant already has an open case for this matter', { ...options, extra: open.caseId ? { caseId: open.caseId, receiptNo: open.receiptNo } : {} });
  }
}

/**
 * The archive could not keep a package as the case recorded it [E24]: a part that reads back with
 * other bytes than the case recorded, or a lock the store does not report as asked. A fault, not a
 * refusal: nothing is recorded as archived, the workflow fails loudly and the sweeper re-drives it.
 */
export class ArchiveFault extends Error {
  constructor(
    readonly caseId: string,
    readonly kind: 'part_mismatch' | 'lock_not_held',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`case ${caseId}: ${message}`, options);
    this.name = 'ArchiveFault';
  }
}
