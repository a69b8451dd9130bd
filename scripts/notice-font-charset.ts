/**
 * Grows shared/adapters/pdf/charset.txt, the characters the notices' typeface must hold, by every character
 * the catalog can print on a notice (region, township, department, matter and material names), so a
 * notice never lacks a place name of Shaanxi. Then rebuild the font: `/usr/bin/python3 scripts/notice-font.py`.
 *
 * The file started as GB 2312 (all 7,445 characters), the 7,947 characters of Google Fonts'
 * "chinese-simplified" cut of Noto Sans SC (common simplified characters, names included; taken from
 * @fontsource/noto-sans-sc 5.3.0) and printable ASCII. Characters are only ever added.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateCatalog } from '../shared/catalog/generate.ts';
import { shaanxiRegions } from '../shared/catalog/regions.ts';
import { TOWNSHIPS } from '../shared/catalog/townships.ts';

export const CHARSET_FILE = path.join(__dirname, '..', 'shared', 'notices', 'charset.txt');

/** Every text of the catalog a notice may print. */
export function catalogTexts(): string[] {
  const { matters, departments } = generateCatalog();
  return [
    ...shaanxiRegions().flatMap((r) => [r.name, r.fullName]),
    ...TOWNSHIPS.map((t) => t.name),
    ...departments.map((d) => d.name),
    ...matters.flatMap((m) => [m.name, m.deptName, ...m.materials.map((x) => x.name)]),
  ];
}

if (require.main === module) {
  const have = new Set(fs.readFileSync(CHARSET_FILE, 'utf8').replace(/\n/g, ''));
  const before = have.size;
  for (const text of catalogTexts()) for (const ch of text) if (ch.codePointAt(0)! >= 0x20) have.add(ch);
  const sorted = [...have].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  const lines: string[] = [];
  for (let i = 0; i < sorted.length; i += 100) lines.push(sorted.slice(i, i + 100).join(''));
  fs.writeFileSync(CHARSET_FILE, lines.join('\n') + '\n');
  console.log(`charset: ${before} → ${sorted.length} characters`);
}
