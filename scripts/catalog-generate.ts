/**
 * `npm run catalog:generate [-- --out FILE]`: the provincial-scale catalog (issue 3), deterministic,
 * written as gzipped NDJSON (one matter a line, then the departments) with its statistics. `npm start
 * -- --catalog large` generates and loads the same catalog itself; this file is for other tools.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { generateCatalog } from '../shared/catalog/generate.ts';

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1] : path.join(__dirname, '..', '.local', 'catalog', 'large.ndjson.gz');
const t0 = Date.now();
const { matters, departments, stats } = generateCatalog();
const text = [...matters.map((m) => JSON.stringify({ kind: 'matter', ...m })), ...departments.map((d) => JSON.stringify({ kind: 'department', ...d }))].join('\n');
fs.mkdirSync(path.dirname(out), { recursive: true });
const gz = gzipSync(text, { level: 9 });
fs.writeFileSync(out, gz);
console.log(JSON.stringify({ ...stats, sha256: createHash('sha256').update(text).digest('hex'), file: path.relative(process.cwd(), out), bytes: gz.length, ms: Date.now() - t0 }, null, 1));
