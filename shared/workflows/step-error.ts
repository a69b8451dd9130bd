import { Problem, problemOf } from '../http/problem.ts';

/**
 * The workflow edge: a refusal inside a workflow step (a domain error) travels to the caller as the
 * execution's error, its name `Problem` and its message the problem document, so the intake can
 * answer with the same status. Any other error fails the step as it is, and its retries apply.
 */
export async function asStep<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const problem = problemOf(err);
    if (problem) {
      const e = new Error(JSON.stringify(problem.toJSON()));
      e.name = 'Problem';
      throw e;
    }
    throw err;
  }
}

/** Reads a problem back out of a failed execution's error and cause (AWS or the local interpreter). */
export function problemFromExecution(error: string | undefined, cause: string | undefined): Problem | undefined {
  if (error !== 'Problem' || !cause) return undefined;
  let doc: Record<string, unknown>;
  try {
    const outer = JSON.parse(cause);
    doc = typeof outer.errorMessage === 'string' ? JSON.parse(outer.errorMessage) : outer;
  } catch {
    return undefined;
  }
  const { status, title, detail, errors, type, ...extra } = doc as { status: number; title: string; detail: string; errors?: []; type?: string };
  return new Problem(status, title, detail, { type, errors, extra });
}
