import fs from 'node:fs';
import path from 'node:path';

/**
 * ARTICLES.md, kept true: every article it names exists in the measure; every file it names exists and
 * cites the article; every article the code cites is in it; and every citation is in the one form
 * `[N14]` (no free forms, no ranges).
 */
const ROOT = path.resolve(__dirname, '..', '..');
// The measure sits beside the project (../shared/seed); a checkout without it still checks the code
// against the article counts below, which the seed, where present, must confirm.
const SEED = process.env.ZWFW_MEASURES ?? path.resolve(ROOT, '..', 'shared', 'seed', 'shaanxi-measures-2018.txt');
const HAS_SEED = fs.existsSync(SEED);
const ARTICLE_COUNTS = { H: 31, N: 24, E: 31 };
const TAG = /\[([HNE])(\d{1,2})\]/g;

const CN = '零一二三四五六七八九';
/** 第三十一条 → 31 */
function articleNumber(cn: string): number {
  if (cn === '十') return 10;
  const [tens, ones] = cn.includes('十') ? cn.split('十') : ['', cn];
  return (tens ? CN.indexOf(tens) : cn.includes('十') ? 1 : 0) * 10 + (ones ? CN.indexOf(ones) : 0);
}

/** How many articles each measure has, read from the seed text. */
function measures(): Record<'H' | 'N' | 'E', number> {
  const text = fs.readFileSync(SEED, 'utf8');
  const parts = { H: text.indexOf('陕西省实体政务大厅管理暂行办法\n\n第一章'), N: text.indexOf('陕西政务服务网运行管理暂行办法\n\n第一章'), E: text.indexOf('陕西政务服务网电子文件管理暂行办法\n\n第一章') };
  const bounds = [parts.H, parts.N, parts.E, text.length];
  const count = (i: number) => Math.max(...[...text.slice(bounds[i], bounds[i + 1]).matchAll(/^第([一二三四五六七八九十]+)条/gm)].map((m) => articleNumber(m[1])));
  return { H: count(0), N: count(1), E: count(2) };
}

function sources(dir: string, exts = ['.ts']): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p, exts) : exts.some((x) => e.name.endsWith(x)) ? [p] : [];
  });
}

interface Row {
  article: string;
  implemented: string[];
  tested: string[];
}

function rows(): Row[] {
  const md = fs.readFileSync(path.join(ROOT, 'ARTICLES.md'), 'utf8');
  return md
    .split('\n')
    .filter((l) => /^\| \[[HNE]\d+\] \|/.test(l))
    .map((l) => {
      const cells = l.split('|').map((c) => c.trim());
      const files = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      return { article: cells[1].slice(1, -1), implemented: files(cells[3]), tested: files(cells[4]) };
    });
}

const CODE_DIRS = ['shared', 'functions', 'infra', 'web'].map((d) => path.join(ROOT, d));
const cites = (file: string, article: string) => fs.readFileSync(path.join(ROOT, file), 'utf8').includes(`[${article}]`);

describe('ARTICLES.md maps the articles the code implements', () => {
  const table = rows();
  const count = HAS_SEED ? measures() : ARTICLE_COUNTS;

  (HAS_SEED ? test : test.skip)('the measures are read: H has 31 articles, N 24, E 31', () => {
    expect(count).toEqual(ARTICLE_COUNTS);
  });

  test('every article in the table exists in its measure, once', () => {
    for (const r of table) expect([r.article, Number(r.article.slice(1)) >= 1 && Number(r.article.slice(1)) <= count[r.article[0] as 'H']]).toEqual([r.article, true]);
    expect(new Set(table.map((r) => r.article)).size).toBe(table.length);
  });

  test('every article has the code that implements it and the test that proves it; each file exists and cites the article', () => {
    const wrong: string[] = [];
    for (const r of table) {
      if (!r.implemented.length || !r.tested.length) wrong.push(`${r.article}: needs both an implementation and a test`);
      for (const f of [...r.implemented, ...r.tested]) {
        if (!fs.existsSync(path.join(ROOT, f))) wrong.push(`${r.article}: ${f} does not exist`);
        else if (!cites(f, r.article)) wrong.push(`${r.article}: ${f} does not cite [${r.article}]`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('every article the code cites is in the table, and exists in its measure', () => {
    const inTable = new Set(table.map((r) => r.article));
    const cited = new Map<string, string>();
    for (const f of CODE_DIRS.flatMap((d) => sources(d))) for (const m of fs.readFileSync(f, 'utf8').matchAll(TAG)) cited.set(`${m[1]}${m[2]}`, path.relative(ROOT, f));
    const missing = [...cited].filter(([a]) => !inTable.has(a)).map(([a, f]) => `${a} (cited in ${f})`);
    expect(missing).toEqual([]);
    for (const a of cited.keys()) expect([a, Number(a.slice(1)) <= count[a[0] as 'H']]).toEqual([a, true]);
  });
});

describe('one citation form', () => {
  // an article written any other way (in parentheses, with a colon, two with a slash, a range). Notice numbers
  // (<caseId>.N1), percent-encodings (%E4) and constants (H17 as a name) are not articles.
  const FREE = /(?<![.\[\w#/%$-])[HNE]\d{1,2}(?![\w\]（])/;
  const RANGE = /\[?[HNE]\d{1,2}\]?\s*[–-]\s*\[?[HNE]\d{1,2}\]?/;

  test('code, tests and the README cite articles only as [N14], never as a range', () => {
    const files = [...CODE_DIRS, path.join(ROOT, 'test'), path.join(ROOT, 'local'), path.join(ROOT, 'bench')].flatMap((d) => sources(d)).concat([path.join(ROOT, 'README.md')]);
    const wrong: string[] = [];
    for (const f of files) {
      fs.readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/const H17|\$\{H17\}|%E4|N99|FREE|RANGE/.test(line)) return;
          if (FREE.test(line) || RANGE.test(line)) wrong.push(`${path.relative(ROOT, f)}:${i + 1}: ${line.trim().slice(0, 100)}`);
        });
    }
    expect(wrong).toEqual([]);
  });
});
