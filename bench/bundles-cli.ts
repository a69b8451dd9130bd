import path from 'node:path';
import fs from 'node:fs';
import { buildApp } from '../infra/app.ts';
import { functionEnvironment } from '../local/lambda.ts';
import { Templates } from '../local/template.ts';
import { measureBundles } from './bundles.ts';
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
console.log(
  table(
    ['function', 'stack', 'index.js', 'gzip', `load ms (median of ${SAMPLES})`],
    bundles.map((b) => [b.function, b.stack, kb(b.bytes), kb(b.gzipBytes), b.loadMedianMs.toFixed(1)]),
  ),
);
