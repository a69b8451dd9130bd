import { CustomFontEmbedder, PDFFont, type PDFDocument } from 'pdf-lib';

/**
 * Just enough of a TrueType reader for the notices: the character map, advance widths and the metrics
 * a PDF font descriptor needs. It stands in for fontkit (960 KB of the renderer's bundle, most of it
 * shaping data a notice never uses: HarfBuzz has already cut the font to the notice's characters, one
 * glyph each, no layout features). Tables per the OpenType spec: head, hhea, hmtx, maxp, cmap
 * (formats 4 and 12), post, OS/2.
 */
export interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

export interface TrueTypeFont {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  characterSet: number[];
  cff: false;
  /** what pdf-lib's font flags read */
  post: { isFixedPitch: boolean };
  head: { macStyle: { italic: boolean } };
  'OS/2': { sFamilyClass: number };
  glyphForCodePoint(cp: number): Glyph;
  hasGlyphForCodePoint(cp: number): boolean;
  /** one glyph per character (the font keeps no layout features) */
  layout(text: string): { glyphs: Glyph[] };
}

export function readTrueType(bytes: Uint8Array): TrueTypeFont {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = v.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new Error(`not a TrueType font (version 0x${version.toString(16)})`);
  const tables = new Map<string, number>();
  for (let i = 0, n = v.getUint16(4); i < n; i++) {
    const at = 12 + i * 16;
    tables.set(String.fromCharCode(...bytes.subarray(at, at + 4)), v.getUint32(at + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`TrueType font has no ${tag} table`);
    return at;
  };
  const head = table('head');
  const unitsPerEm = v.getUint16(head + 18);
  const bbox = { minX: v.getInt16(head + 36), minY: v.getInt16(head + 38), maxX: v.getInt16(head + 40), maxY: v.getInt16(head + 42) };
  const macStyle = v.getUint16(head + 44);
  const hhea = table('hhea');
  const ascent = v.getInt16(hhea + 4);
  const descent = v.getInt16(hhea + 6);
  const numberOfHMetrics = v.getUint16(hhea + 34);
  const numGlyphs = v.getUint16(table('maxp') + 4);
  const hmtx = table('hmtx');
  // glyphs past numberOfHMetrics repeat the last advance
  const advance = (gid: number) => v.getUint16(hmtx + 4 * Math.min(gid, numberOfHMetrics - 1));
  const post = table('post');
  const italicAngle = v.getInt32(post + 4) / 65536;
  const isFixedPitch = v.getUint32(post + 12) !== 0;
  const os2 = tables.get('OS/2');
  const os2Version = os2 === undefined ? 0 : v.getUint16(os2);
  const sFamilyClass = os2 === undefined ? 0 : v.getInt16(os2 + 30);
  const capHeight = os2 !== undefined && os2Version >= 2 ? v.getInt16(os2 + 88) : ascent;
  const xHeight = os2 !== undefined && os2Version >= 2 ? v.getInt16(os2 + 86) : 0;

  const cmap = readCmap(v, table('cmap'));
  const byGlyph = new Map<number, number[]>();
  for (const [cp, gid] of cmap) byGlyph.set(gid, [...(byGlyph.get(gid) ?? []), cp]);
  const glyphs = new Map<number, Glyph>();
  const glyph = (gid: number): Glyph => {
    const id = gid < numGlyphs ? gid : 0;
    let g = glyphs.get(id);
    if (!g) glyphs.set(id, (g = { id, advanceWidth: advance(id), codePoints: byGlyph.get(id) ?? [] }));
    return g;
  };
  const nameTable = tables.get('name');
  return {
    postscriptName: (nameTable !== undefined && readPostscriptName(v, bytes, nameTable)) || 'Font',
    unitsPerEm,
    ascent,
    descent,
    capHeight,
    xHeight,
    italicAngle,
    bbox,
    characterSet: [...cmap.keys()],
    cff: false,
    post: { isFixedPitch },
    head: { macStyle: { italic: (macStyle & 2) !== 0 } },
    'OS/2': { sFamilyClass },
    glyphForCodePoint: (cp) => glyph(cmap.get(cp) ?? 0),
    hasGlyphForCodePoint: (cp) => cmap.has(cp),
    layout: (text) => ({ glyphs: [...text].map((ch) => glyph(cmap.get(ch.codePointAt(0)!) ?? 0)) }),
  };
}

/** Unicode → glyph id, from the best Unicode subtable: format 12 (full range) or 4 (BMP). */
function readCmap(v: DataView, cmap: number): Map<number, number> {
  const subtables: { platform: number; encoding: number; at: number; format: number }[] = [];
  for (let i = 0, n = v.getUint16(cmap + 2); i < n; i++) {
    const rec = cmap + 4 + i * 8;
    const at = cmap + v.getUint32(rec + 4);
    subtables.push({ platform: v.getUint16(rec), encoding: v.getUint16(rec + 2), at, format: v.getUint16(at) });
  }
  const unicode = (s: (typeof subtables)[number]) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const best = subtables.find((s) => unicode(s) && s.format === 12) ?? subtables.find((s) => unicode(s) && s.format === 4);
  if (!best) throw new Error('TrueType font has no Unicode cmap (format 4 or 12)');
  const map = new Map<number, number>();
  const at = best.at;
  if (best.format === 12) {
    for (let i = 0, n = v.getUint32(at + 12); i < n; i++) {
      const g = at + 16 + i * 12;
      const [start, end, gid] = [v.getUint32(g), v.getUint32(g + 4), v.getUint32(g + 8)];
      for (let cp = start; cp <= end; cp++) map.set(cp, gid + cp - start);
    }
    return map;
  }
  const segs = v.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const offsets = deltas + segs * 2;
  for (let i = 0; i < segs; i++) {
    const [start, end, delta, offset] = [v.getUint16(starts + i * 2), v.getUint16(ends + i * 2), v.getInt16(deltas + i * 2), v.getUint16(offsets + i * 2)];
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let gid: number;
      if (offset === 0) gid = (cp + delta) & 0xffff;
      else {
        gid = v.getUint16(offsets + i * 2 + offset + (cp - start) * 2);
        if (gid !== 0) gid = (gid + delta) & 0xffff;
      }
      if (gid !== 0) map.set(cp, gid);
    }
  }
  return map;
}

/** nameID 6 (PostScript name), Windows Unicode or Macintosh Roman. */
function readPostscriptName(v: DataView, bytes: Uint8Array, name: number): string | undefined {
  const count = v.getUint16(name + 2);
  const strings = name + v.getUint16(name + 4);
  for (let i = 0; i < count; i++) {
    const rec = name + 6 + i * 12;
    if (v.getUint16(rec + 6) !== 6) continue;
    const platform = v.getUint16(rec);
    const [length, offset] = [v.getUint16(rec + 8), v.getUint16(rec + 10)];
    const raw = bytes.subarray(strings + offset, strings + offset + length);
    if (platform === 3) return new TextDecoder('utf-16be').decode(raw);
    if (platform === 1) return String.fromCharCode(...raw);
  }
  return undefined;
}

/**
 * Embeds a TrueType font (already cut to the document's characters) into a pdf-lib document as a
 * CID-keyed Type 0 font with Identity-H encoding and a ToUnicode map, through pdf-lib's own
 * embedder, reading the font with `readTrueType` instead of fontkit.
 */
export function embedTrueType(doc: PDFDocument, bytes: Uint8Array, baseFontName: string): PDFFont {
  const Embedder = CustomFontEmbedder as unknown as new (font: TrueTypeFont, data: Uint8Array, customName: string) => CustomFontEmbedder;
  const font = PDFFont.of(doc.context.nextRef(), doc, new Embedder(readTrueType(bytes), bytes, baseFontName));
  // what PDFDocument.embedFont does with the font it makes: embedded when the document is saved
  (doc as unknown as { fonts: PDFFont[] }).fonts.push(font);
  return font;
}
