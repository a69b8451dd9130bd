import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Context } from 'aws-lambda';
import type { Templates } from './template.ts';

/**
 * The platform's Lambda functions as synthesized: each one's esbuild bundle from cdk.out, loaded into
 * this process and called with the events API Gateway or Step Functions would send it.
 */
export interface LocalFunction {
  logicalId: string;
  name: string;
  arn: string;
  timeoutMs: number;
  invoke(event: unknown): Promise<any>;
}

/** Environment of every function, resolved; one process hosts them all, so names must agree. */
export function functionEnvironment(t: Templates): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const r of t.ofType('AWS::Lambda::Function')) {
    const vars = t.resolve(r.Properties.Environment?.Variables ?? {}) as Record<string, string>;
    for (const [k, v] of Object.entries(vars)) {
      if (k in merged && merged[k] !== v) throw new Error(`functions disagree on ${k}: ${merged[k]} vs ${v}`);
      merged[k] = v;
    }
  }
  return merged;
}

export function loadFunctions(t: Templates): Map<string, LocalFunction> {
  const out = new Map<string, LocalFunction>();
  for (const r of t.ofType('AWS::Lambda::Function')) {
    const name = r.Metadata?.['platform:function'];
    const asset = r.Metadata?.['aws:asset:path'];
    if (!name || !asset) continue;
    const [file, exportName] = String(r.Properties.Handler).split('.');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(t.outdir, asset, `${file}.js`));
    const fn = mod[exportName];
    if (typeof fn !== 'function') throw new Error(`${name}: ${r.Properties.Handler} is not a function in ${asset}`);
    const arn = t.getAtt(r.logicalId, 'Arn');
    const timeoutMs = (r.Properties.Timeout ?? 3) * 1000;
    out.set(r.logicalId, {
      logicalId: r.logicalId,
      name,
      arn,
      timeoutMs,
      async invoke(event: unknown) {
        const deadline = Date.now() + timeoutMs;
        const context = {
          functionName: r.logicalId,
          functionVersion: '$LATEST',
          invokedFunctionArn: arn,
          memoryLimitInMB: String(r.Properties.MemorySize ?? 128),
          awsRequestId: randomUUID(),
          logGroupName: `/aws/lambda/${r.logicalId}`,
          logStreamName: 'local',
          callbackWaitsForEmptyEventLoop: true,
          getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
          done: () => undefined,
          fail: () => undefined,
          succeed: () => undefined,
        } as unknown as Context;
        return fn(event, context);
      },
    });
  }
  return out;
}
