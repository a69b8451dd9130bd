import path from 'node:path';
import { parseArgs } from 'node:util';
import { citizenJourney, SmokeFailure } from './smoke/journey.ts';
import { resolveTarget, SmokeSetupError } from './smoke/target.ts';

/**
 * `npm run smoke -- --target local|localstack|aws`: one citizen journey and the Object Lock's refusal,
 * against a running platform. local: the one `npm start` runs (--endpoints, default
 * .local/endpoints.json). localstack and aws: the stack outputs the deploy wrote (--outputs, default
 * .local/cdk-outputs-<target>.json) and a token per role (--tokens or ZWFW_SMOKE_TOKENS). Exits 0 when
 * every step passed, 1 when one failed, 2 when the target could not be found.
 */
const ROOT = path.resolve(__dirname, '..');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { target: { type: 'string', default: 'local' }, endpoints: { type: 'string' }, outputs: { type: 'string' }, tokens: { type: 'string' }, matter: { type: 'string' }, timeout: { type: 'string' } },
    strict: true,
  });
  let target;
  try {
    target = resolveTarget({ target: values.target!, endpoints: values.endpoints, outputs: values.outputs, tokens: values.tokens }, ROOT);
  } catch (err) {
    if (err instanceof SmokeSetupError) {
      console.error(`smoke: ${err.message}`);
      return 2;
    }
    throw err;
  }
  const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
    console.error(`smoke: --timeout is a whole number of milliseconds (not ${values.timeout})`);
    return 2;
  }
  console.log(`smoke test of ${target.name}: ${target.apiUrl}`);
  const t0 = performance.now();
  try {
    const r = await citizenJourney(target, {
      matterCode: values.matter,
      timeoutMs,
      onStep: (s) => console.log(`  ✓ ${s.name.padEnd(40)} ${s.ms.toFixed(0).padStart(6)} ms${s.detail ? `  ${s.detail}` : ''}`),
    });
    console.log(`smoke passed: case ${r.caseId}, ${r.steps.length} steps, ${r.requests.api} API requests and ${r.requests.s3} uploads in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return 0;
  } catch (err) {
    if (err instanceof SmokeSetupError) {
      console.error(`smoke: ${err.message}`);
      return 2;
    }
    console.log(`  ✗ ${(err as Error).message}`);
    console.log(`smoke failed on ${target.name}`);
    if (!(err instanceof SmokeFailure)) console.error(err);
    return 1;
  }
}

main().then((code) => process.exit(code));
