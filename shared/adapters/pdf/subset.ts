import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Font subsetting by HarfBuzz (hb-subset, compiled to WebAssembly by harfbuzzjs): the notice embeds
 * a font holding only the glyphs it prints. pdf-lib's own subsetter (@pdf-lib/fontkit 1.1.1) writes
 * TrueType subsets whose glyphs PDF readers draw blank for most Han characters (seen in poppler), so
 * the subset is made here and embedded as is.
 *
 * The .wasm sits beside the bundle in the Lambda asset (copied by the notices function's bundling
 * hook) and is found in node_modules when running from source.
 */
export const WASM_FILE = 'harfbuzz-subset.wasm';

interface HbExports {
  memory: { buffer: ArrayBuffer };
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(b: number): void;
  hb_blob_get_data(b: number, lengthPtr: number): number;
  hb_blob_get_length(b: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(f: number): void;
  hb_face_reference_blob(f: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(i: number): void;
  hb_subset_input_unicode_set(i: number): number;
  hb_subset_input_set(i: number, which: number): number;
  hb_subset_input_get_flags(i: number): number;
  hb_subset_input_set_flags(i: number, flags: number): void;
  hb_set_add(s: number, v: number): void;
  hb_set_clear(s: number): void;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize(): void;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

let hb: HbExports | undefined;

function wasmPath(): string {
  const beside = path.join(__dirname, WASM_FILE);
  if (existsSync(beside)) return beside;
  // from source (tsx, jest): shared/adapters/pdf → the package (its exports map hides the .wasm from require.resolve)
  return path.join(__dirname, '..', '..', '..', 'node_modules', 'harfbuzzjs', 'dist', WASM_FILE);
}

async function harfbuzz(): Promise<HbExports> {
  if (!hb) {
    // the global WebAssembly, typed here: the project's lib (ES2023, no DOM) does not declare it
    const wasm = (globalThis as unknown as { WebAssembly: { instantiate(b: Uint8Array, imports: object): Promise<{ instance: { exports: unknown } }> } }).WebAssembly;
    const { instance } = await wasm.instantiate(readFileSync(wasmPath()), {});
    const ex = instance.exports as unknown as HbExports;
    ex._initialize();
    hb = ex;
  }
  return hb;
}

/** The font cut down to the characters of `text` (plus .notdef), as TrueType bytes. */
export async function subsetFont(font: Uint8Array, text: string): Promise<Uint8Array> {
  const h = await harfbuzz();
  const heap = () => new Uint8Array(h.memory.buffer);
  const input = h.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb_subset_input_create_or_fail failed');
  const fontPtr = h.malloc(font.byteLength);
  heap().set(font, fontPtr);
  const blob = h.hb_blob_create(fontPtr, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = h.hb_face_create(blob, 0);
  h.hb_blob_destroy(blob);
  try {
    // notices are set horizontally, one glyph per character: no layout features, no hinting
    h.hb_set_clear(h.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
    h.hb_subset_input_set_flags(input, h.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING);
    const unicodes = h.hb_subset_input_unicode_set(input);
    for (const ch of text) h.hb_set_add(unicodes, ch.codePointAt(0)!);
    const subset = h.hb_subset_or_fail(face, input);
    if (!subset) throw new Error(`hb_subset_or_fail failed for ${[...text].length} characters`);
    const out = h.hb_face_reference_blob(subset);
    const ptr = h.hb_blob_get_data(out, 0);
    const bytes = heap().slice(ptr, ptr + h.hb_blob_get_length(out));
    h.hb_blob_destroy(out);
    h.hb_face_destroy(subset);
    return bytes;
  } finally {
    h.hb_face_destroy(face);
    h.hb_subset_input_destroy(input);
    h.free(fontPtr);
  }
}
