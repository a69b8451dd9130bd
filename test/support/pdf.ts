import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';

/** The text of each page, as pdf.js (a real PDF reader) extracts it through the fonts' ToUnicode maps. */
export function pdfText(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'pdf-text.mjs'), file], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PdfFont {
  baseFont: string;
  subtype: string;
  /** bytes of the embedded font program (FontFile/FontFile2/FontFile3), 0 when not embedded */
  embeddedBytes: number;
}

/** Every font the PDF uses, with the size of its embedded program: a subset is small, a whole CJK font is megabytes. */
export async function pdfFonts(bytes: Uint8Array): Promise<PdfFont[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const ctx = doc.context;
  const deref = (v: unknown) => (v instanceof PDFRef ? ctx.lookup(v) : v);
  const fonts: PdfFont[] = [];
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type'))?.toString() !== '/Font') continue;
    const subtype = obj.get(PDFName.of('Subtype'))?.toString() ?? '';
    if (subtype === '/Type0') continue; // its descendant CID font carries the descriptor
    let descriptor = deref(obj.get(PDFName.of('FontDescriptor'))) as PDFDict | undefined;
    const descendants = deref(obj.get(PDFName.of('DescendantFonts'))) as PDFArray | undefined;
    if (!descriptor && descendants) descriptor = deref((deref(descendants.get(0)) as PDFDict).get(PDFName.of('FontDescriptor'))) as PDFDict;
    const file = ['FontFile', 'FontFile2', 'FontFile3'].map((k) => deref(descriptor?.get(PDFName.of(k)))).find(Boolean) as PDFRawStream | undefined;
    fonts.push({ baseFont: obj.get(PDFName.of('BaseFont'))?.toString().slice(1) ?? '', subtype, embeddedBytes: file ? file.contents.byteLength : 0 });
  }
  return fonts;
}
