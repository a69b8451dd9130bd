import { readFileSync } from 'node:fs';
import path from 'node:path';
import { woffToSfnt } from './woff.ts';

/**
 * The one typeface of the notices: Noto Sans CJK SC Regular (SIL OFL 1.1, OFL.txt) from Debian's
 * fonts-noto-cjk 1:20220127, cut by scripts/notice-font.py to the 9,360 characters of charset.txt
 * (GB 2312, the common simplified characters names use, and every place, department, matter and
 * material name of the catalog; test/unit/notice-pdf.test.ts checks the catalog stays covered) with
 * its outlines converted to TrueType. Each PDF embeds only the glyphs it prints (see subset.ts).
 *
 * The WOFF sits beside this file in the source and beside the bundle in the Lambda asset (copied by
 * the notices function's bundling hook), so the same path works in both.
 */
export const FONT_FILE = 'NotoSansSC-Regular.woff';
/** what scripts/notice-font.py writes from the Debian font and charset.txt (it is deterministic) */
export const FONT_SHA256 = '6b21221f0a90cfadc4f11ab9e9f44999f65f28673270d1b399ab233d70ab2760';

let sfnt: Uint8Array | undefined;

/** The font as plain sfnt, inflated once per process (about 20 ms). */
export function noticeFont(): Uint8Array {
  sfnt ??= woffToSfnt(readFileSync(process.env.NOTICE_FONT_PATH ?? path.join(__dirname, FONT_FILE)));
  return sfnt;
}
