import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

/**
 * The supervision page as it is deployed: index.html, style.css and one app.js that esbuild bundles
 * with only the ECharts parts the page draws (bar and line charts on a canvas). The stack uploads this
 * folder; the local runtime serves the same folder. A build is kept by the hash of what goes into it,
 * so the many synths of a test run bundle it once.
 */
const HERE = __dirname;
const STATIC = ['index.html', 'style.css'];
const INPUTS = [...STATIC, 'main.ts', 'view.ts', 'session.ts', 'api.ts'].map((f) => path.join(HERE, f));
const REGIONS = path.join(HERE, '..', '..', 'shared', 'catalog', 'data', 'shaanxi-regions.json');

export interface SiteBuild {
  dir: string;
  /** bytes of each file, as served */
  files: Record<string, number>;
}

let built: SiteBuild | undefined;

export function buildSupervisionSite(): SiteBuild {
  if (built && fs.existsSync(built.dir)) return built;
  const hash = createHash('sha256');
  for (const f of [...INPUTS, REGIONS, require.resolve('echarts/package.json')]) hash.update(fs.readFileSync(f));
  const dir = path.join(os.tmpdir(), `zwfw-site-supervision-${hash.digest('hex').slice(0, 16)}`);
  if (!fs.existsSync(dir)) {
    // built beside, then renamed: a concurrent synth sees the whole folder or none of it
    const tmp = `${dir}.${process.pid}.tmp`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    buildSync({
      entryPoints: [path.join(HERE, 'main.ts')],
      outfile: path.join(tmp, 'app.js'),
      bundle: true,
      minify: true,
      format: 'iife',
      platform: 'browser',
      target: ['chrome100', 'firefox100', 'safari15'],
      define: { 'process.env.NODE_ENV': '"production"' },
      legalComments: 'eof',
      logLevel: 'warning',
    });
    for (const f of STATIC) fs.copyFileSync(path.join(HERE, f), path.join(tmp, f));
    try {
      fs.renameSync(tmp, dir);
    } catch {
      // another process renamed its identical build first
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  built = { dir, files: Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).size])) };
  return built;
}

/** What a file of the site is served as. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};
