import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

/**
 * The supervision page as it is deployed: index.html, style.css and one app.js that esbuild bundles
 * with only the ECharts parts the page draws (bar and line charts on a canvas). The stack uploads this
 * folder; the local runtime serves the same folder.
 */
const HERE = __dirname;
const STATIC = ['index.html', 'style.css'];

export interface SiteBuild {
  dir: string;
  /** bytes of each file, as served */
  files: Record<string, number>;
}

let built: SiteBuild | undefined;

export function buildSupervisionSite(): SiteBuild {
  if (built && fs.existsSync(built.dir)) return built;
  // built afresh once per process (half a second): what esbuild reads is whatever main.ts imports, so no
  // list of inputs kept by hand can say when an older build is stale; the asset hash is of the output
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwfw-site-supervision-'));
  // the synth copies the folder into cdk.out and the local runtime reads it at start: nothing needs it after
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  buildSync({
    entryPoints: [path.join(HERE, 'main.ts')],
    outfile: path.join(dir, 'app.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'eof',
    logLevel: 'warning',
  });
  for (const f of STATIC) fs.copyFileSync(path.join(HERE, f), path.join(dir, f));
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
