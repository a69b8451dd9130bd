import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Bundle size and module load time of every Lambda function in the synthesized templates. The load
 * time is measured in a fresh Node process per sample (a stand-in for Lambda init): `require` of the
 * bundle's index.js, timed with performance.now() inside that process. The bundles keep `@aws-sdk/*`
 * external, so loading resolves it from the project's node_modules, as the Lambda runtime would from its own.
 */
export interface BundleFigures {
  function: string;
  logicalId: string;
  stack: string;
  asset: string;
  bytes: number;
  gzipBytes: number;
  mapBytes: number;
  /** module load (require) time, ms, one per fresh process */
  loadMs: number[];
  loadMedianMs: number;
  /** the whole `node -e` process (spawn → exit), ms, median */
  processMedianMs: number;
}

interface FunctionAsset {
  function: string;
  logicalId: string;
  stack: string;
  asset: string;
  handler: string;
}

export function functionAssets(cdkOut: string): FunctionAsset[] {
  const out: FunctionAsset[] = [];
  for (const file of fs.readdirSync(cdkOut).filter((f) => f.endsWith('.template.json')).sort()) {
    const tpl = JSON.parse(fs.readFileSync(path.join(cdkOut, file), 'utf8'));
    for (const [logicalId, r] of Object.entries<any>(tpl.Resources ?? {})) {
      if (r.Type !== 'AWS::Lambda::Function') continue;
      const name = r.Metadata?.['platform:function'];
      const asset = r.Metadata?.['aws:asset:path'];
      if (!name || !asset) continue;
      out.push({ function: name, logicalId, stack: file.replace(/\.template\.json$/, ''), asset: path.join(cdkOut, asset), handler: String(r.Properties?.Handler ?? 'index.handler') });
    }
  }
  return out;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const PROBE = `
const { performance } = require('node:perf_hooks');
const t0 = performance.now();
const mod = require(process.argv[1]);
const t1 = performance.now();
if (typeof mod[process.argv[2]] !== 'function') { console.error('no export ' + process.argv[2]); process.exit(2); }
process.stdout.write(String(t1 - t0));
`;

export function measureBundles(cdkOut: string, env: NodeJS.ProcessEnv, samples = 5, cwd = process.cwd()): BundleFigures[] {
  const figures: BundleFigures[] = [];
  for (const f of functionAssets(cdkOut)) {
    const [file, exportName] = f.handler.split('.');
    const js = path.join(f.asset, `${file}.js`);
    const code = fs.readFileSync(js);
    const map = path.join(f.asset, `${file}.js.map`);
    const loadMs: number[] = [];
    const procMs: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['-e', PROBE, js, exportName], { env, cwd, encoding: 'utf8', timeout: 60_000 });
      procMs.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`loading ${f.function} (${js}) failed: exit ${r.status} ${r.stderr}`);
      loadMs.push(Number(r.stdout));
    }
    figures.push({
      function: f.function,
      logicalId: f.logicalId,
      stack: f.stack,
      asset: path.relative(cwd, f.asset),
      bytes: code.length,
      gzipBytes: gzipSync(code).length,
      mapBytes: fs.existsSync(map) ? fs.statSync(map).size : 0,
      loadMs,
      loadMedianMs: median(loadMs),
      processMedianMs: median(procMs),
    });
  }
  return figures;
}

/**
 * The same handlers bundled the naive way, for comparison: the AWS SDK inside the bundle (not left to
 * the runtime), nothing minified. Each is written beside a copy of its real asset (the files some
 * functions read at load, such as the notices' typeface), and loaded the same way as the real ones.
 */
export function measureNaiveBundles(cdkOut: string, env: NodeJS.ProcessEnv, samples: number, root: string, target: string): Map<string, { bytes: number; loadMedianMs: number }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const out = new Map<string, { bytes: number; loadMedianMs: number }>();
  const dir = fs.mkdtempSync(path.join(root, '.local', 'naive-bundles-'));
  try {
    for (const f of functionAssets(cdkOut)) {
      const [file, exportName] = f.handler.split('.');
      const into = path.join(dir, f.function);
      fs.cpSync(f.asset, into, { recursive: true });
      const js = path.join(into, `${file}.js`);
      esbuild.buildSync({ entryPoints: [path.join(root, 'functions', f.function, 'handler.ts')], bundle: true, platform: 'node', target, format: 'cjs', minify: false, outfile: js, allowOverwrite: true, logLevel: 'silent', tsconfig: path.join(root, 'tsconfig.json'), loader: { '.woff': 'file', '.txt': 'text' } });
      const loadMs: number[] = [];
      for (let i = 0; i < samples; i++) {
        const r = spawnSync(process.execPath, ['-e', PROBE, js, exportName], { env, cwd: root, encoding: 'utf8', timeout: 60_000 });
        if (r.status !== 0) throw new Error(`loading the naive bundle of ${f.function} failed: exit ${r.status} ${r.stderr}`);
        loadMs.push(Number(r.stdout));
      }
      out.set(f.function, { bytes: fs.statSync(js).size, loadMedianMs: median(loadMs) });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
