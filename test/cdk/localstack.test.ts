import fs from 'node:fs';
import path from 'node:path';
import { LOCALSTACK_FREE_TYPES, LOCALSTACK_IMAGE, LOCALSTACK_STACKS } from '../../infra/localstack.ts';
import { describeStacks } from './stack-assertions.ts';
import { allFunctions, removeOutdir, synthPlatform, type Platform } from './support.ts';

/**
 * The templates `npm run localstack:deploy` deploys (-c localstack=true): every assertion the AWS
 * templates meet, and only what LocalStack's free plan runs. (LocalStack itself needs Docker, which
 * these machines lack: this is what can be checked here; README "LocalStack" says what was not run.)
 */
describeStacks('localstack');

describe('the LocalStack deployment', () => {
  let p: Platform;
  beforeAll(() => {
    p = synthPlatform({ bundle: false, context: { localstack: 'true' } });
  }, 60_000);
  afterAll(() => removeOutdir(p));

  test('uses only resource types of LocalStack’s free plan, in the stacks it deploys', () => {
    const outside: string[] = [];
    for (const name of LOCALSTACK_STACKS)
      for (const [id, r] of Object.entries<any>(p.templates[name].toJSON().Resources)) if (!LOCALSTACK_FREE_TYPES.some((t) => t.test(r.Type))) outside.push(`${name}/${id}: ${r.Type}`);
    expect(outside).toEqual([]);
    // and the one it leaves out needs what the plan lacks
    const site = Object.values<any>(p.templates['Zwfw-SupervisionSite'].toJSON().Resources).map((r) => r.Type);
    expect(site).toEqual(expect.arrayContaining(['AWS::CloudFront::Distribution', 'AWS::Lambda::LayerVersion']));
  });

  test('every function addresses S3 path-style (LocalStack’s one endpoint)', () => {
    const fns = allFunctions(p);
    expect(fns.length).toBeGreaterThan(20);
    for (const f of fns) expect([f.functionId, f.fn.Properties?.Environment?.Variables?.S3_FORCE_PATH_STYLE]).toEqual([f.functionId, 'true']);
  });

  test('the compose file runs the pinned image, with the auth token from the environment and the companions on its network', () => {
    const compose = fs.readFileSync(path.join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8');
    expect(compose).toContain(`image: ${LOCALSTACK_IMAGE}`);
    expect(compose).toMatch(/LOCALSTACK_AUTH_TOKEN: \$\{LOCALSTACK_AUTH_TOKEN:\?/);
    expect(compose).toMatch(/LAMBDA_DOCKER_NETWORK: zwfw/);
    expect(compose).toMatch(/local\/companions\.ts/);
    // cdklocal is pinned beside the CDK CLI it wraps
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(pkg.devDependencies['aws-cdk-local']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies['aws-cdk']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
