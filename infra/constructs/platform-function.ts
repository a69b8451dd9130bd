import * as path from 'node:path';
import { Duration, RemovalPolicy, type CfnResource } from 'aws-cdk-lib';
import { Architecture, Tracing, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { isLocalStack } from '../localstack.ts';
import { ESBUILD_TARGET, lambdaRuntime } from './runtime.ts';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export const ROOT = path.resolve(__dirname, '..', '..');

/** What a function that renders PDFs reads at run time (shared/adapters/pdf/font.ts, subset.ts): the typeface and the subsetter. */
export const NOTICE_FONT_ASSETS = ['shared/adapters/pdf/NotoSansSC-Regular.woff', 'node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm'];

export interface PlatformFunctionProps {
  /** the handler folder under `functions/`, e.g. `intake` */
  readonly name: string;
  /** @default {} */
  readonly environment?: Record<string, string>;
  /** @default Duration.seconds(15) */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** files (from the project root) the handler reads at run time, copied beside its bundle */
  readonly assets?: string[];
  /** a role of the stack's own making (one a bucket policy names); @default one made for the function */
  readonly role?: IRole;
}

/**
 * Every Lambda of the platform, with the defaults in one place: Node.js (the pinned major, ./runtime.ts) on ARM64 (cheaper per
 * GB-second), bundled by the local esbuild (never Docker), minified with source maps, an explicit log
 * group with a retention, X-Ray tracing. The AWS SDK v3 is left to the Lambda runtime to keep bundles
 * small. Its source entry is recorded in the template so the local runtime can name it.
 */
export class PlatformFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: PlatformFunctionProps) {
    const entry = path.join(ROOT, 'functions', props.name, 'handler.ts');
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.SIX_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    super(scope, id, {
      entry,
      handler: 'handler',
      // the Node the tests and the local runtime run on (./runtime.ts)
      runtime: lambdaRuntime(),
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(15),
      tracing: Tracing.ACTIVE,
      logGroup,
      ...(props.role ? { role: props.role } : {}),
      projectRoot: ROOT,
      depsLockFilePath: path.join(ROOT, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'zwfw',
        POWERTOOLS_METRICS_NAMESPACE: 'Zwfw',
        // LocalStack serves S3 path-style on its single endpoint (`cdklocal deploy -c localstack=true`)
        ...(isLocalStack(scope) ? { S3_FORCE_PATH_STYLE: 'true' } : {}),
        ...props.environment,
      },
      bundling: {
        minify: true,
        sourceMap: true,
        target: ESBUILD_TARGET,
        format: OutputFormat.CJS,
        externalModules: ['@aws-sdk/*'],
        forceDockerBundling: false,
        tsconfig: path.join(ROOT, 'tsconfig.json'),
        ...(props.assets?.length
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) => props.assets!.map((a) => `cp "${path.join(inputDir, a)}" "${outputDir}/"`),
              },
            }
          : {}),
      },
    });
    // the local runtime reads these from the template to name and load the function's bundle
    const cfn = this.node.defaultChild as CfnResource;
    cfn.addMetadata('platform:function', props.name);
    cfn.addMetadata('platform:entry', `functions/${props.name}/handler.ts`);
  }
}

export type { IFunction };
