import { Invalid } from '../errors.ts';

/** The largest application form (申请表) a case keeps, as JSON, and how deeply it may nest. */
export const FORM_MAX_BYTES = 64 * 1024;
export const FORM_MAX_DEPTH = 8;

function depthOf(v: unknown, depth = 0): number {
  if (v === null || typeof v !== 'object') return depth;
  let max = depth + 1;
  for (const x of Object.values(v as Record<string, unknown>)) {
    max = Math.max(max, depthOf(x, depth + 1));
    if (max > FORM_MAX_DEPTH) return max;
  }
  return max;
}

/**
 * The application form is taken as electronic data [N15] [E12], within bounds that keep a case one
 * item of its store and one input of its workflow: at most 64 KiB as JSON, nested at most 8 levels.
 * A form beyond them is refused (422) before anything is written.
 */
export function assertFormWithinLimits(form: unknown): void {
  if (form === undefined) return;
  const bytes = Buffer.byteLength(JSON.stringify(form), 'utf8');
  if (bytes > FORM_MAX_BYTES) throw new Invalid(`the form is ${bytes} bytes as JSON; at most ${FORM_MAX_BYTES}`, [{ path: 'form', message: `larger than ${FORM_MAX_BYTES} bytes` }]);
  if (depthOf(form) > FORM_MAX_DEPTH) throw new Invalid(`the form nests deeper than ${FORM_MAX_DEPTH} levels`, [{ path: 'form', message: `deeper than ${FORM_MAX_DEPTH} levels` }]);
}
