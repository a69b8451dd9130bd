// Prints the text of each page of a PDF (path in argv[2]) as JSON: ["page 1 text", ...].
// pdf.js (Mozilla's reader) decodes the text through the embedded fonts' ToUnicode maps, as a reader would.
// An .mjs child process, because pdf.js ships as ES modules and the tests run as CommonJS.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await getDocument({ data, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
const pages = [];
for (let i = 1; i <= doc.numPages; i++) {
  const content = await (await doc.getPage(i)).getTextContent();
  pages.push(content.items.map((it) => it.str + (it.hasEOL ? '\n' : '')).join(''));
}
process.stdout.write(JSON.stringify(pages));
