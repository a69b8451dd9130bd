import path from 'node:path';
import fs from 'node:fs';
import { buildApp } from '../infra/app.ts';
import { functionEnvironment } from '../local/lambda.ts';
import { Templates } from '../local/template.ts';
import { ESBUILD_TARGET } from '../infra/constructs/runtime.ts';
import { measureBundles, measureNaiveBundles } from './bundles.ts';
import { table } from './figures.ts';

/**
 * `npm run bench:bundles`: synthesizes the CDK app (bundling every Lambda with the local esbuild) and
 * prints each function's minified bundle and its module load time in fresh Node processes, without
 * starting the platform. Figures are printed, never asserted.
 */
const ROOT = path.resolve(__dirname, '..');
const SAMPLES = Number(process.env.BENCH_LOAD_SAMPLES ?? 5);
const outdir = path.join(ROOT, '.local', 'bench-bundles', 'cdk.out');
fs.rmSync(outdir, { recursive: true, force: true });
buildApp({ outdir, context: { jwtIssuer: 'https://sso.example', jwksUrl: 'https://sso.example/jwks.json', jwtAudience: 'zwfw-bench', tsaUrl: 'https://tsa.example/tsa' } }).synth();
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
// each module is loaded with the environment its function is deployed with (some read it at load)
const env = { ...process.env, ...functionEnvironment(new Templates(outdir)), AWS_REGION: 'us-east-1' };
const bundles = measureBundles(outdir, env, SAMPLES, ROOT);
const naive = measureNaiveBundles(outdir, env, SAMPLES, ROOT, ESBUILD_TARGET);
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
console.log(
  table(
    ['function', 'stack', 'index.js', 'gzip', `load ms (median of ${SAMPLES})`, 'naive index.js', 'naive load ms', 'size ratio', 'load ratio'],
    bundles.map((b) => {
      const n = naive.get(b.function)!;
      return [b.function, b.stack, kb(b.bytes), kb(b.gzipBytes), b.loadMedianMs.toFixed(1), kb(n.bytes), n.loadMedianMs.toFixed(1), ratio(n.bytes, b.bytes), ratio(n.loadMedianMs, b.loadMedianMs)];
    }),
  ),
);
const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
console.log(
  `\nnaive = the same handler with the AWS SDK bundled in and nothing minified. All functions: ${kb(total(bundles.map((b) => b.bytes)))} against ${kb(total([...naive.values()].map((n) => n.bytes)))} (${ratio(total([...naive.values()].map((n) => n.bytes)), total(bundles.map((b) => b.bytes)))}); ` +
    `load ${total(bundles.map((b) => b.loadMedianMs)).toFixed(0)} ms against ${total([...naive.values()].map((n) => n.loadMedianMs)).toFixed(0)} ms (${ratio(total([...naive.values()].map((n) => n.loadMedianMs)), total(bundles.map((b) => b.loadMedianMs)))}).`,
);
