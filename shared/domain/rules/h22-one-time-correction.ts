import type { Matter } from '../matter.ts';

/**
 * 一次性告知 [H22]: a correction notice lists, at once, every material that is missing or must be
 * fixed, each one a material of the matter's guide; and the answer supplies every material it listed.
 */
/** The codes a correction notice would list that are not materials of the matter. */
export function unknownMissing(matter: Pick<Matter, 'materials'>, missing: string[]): string[] {
  const codes = new Set(matter.materials.map((m) => m.code));
  return missing.filter((code) => !codes.has(code));
}

/** The codes the notice listed that the answer does not supply. */
export function unsupplied(listed: string[] | undefined, supplied: string[]): string[] {
  const given = new Set(supplied);
  return (listed ?? []).filter((code) => !given.has(code));
}
