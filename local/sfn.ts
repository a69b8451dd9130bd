import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { LocalFunction } from './lambda.ts';
import type { Templates } from './template.ts';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { StateMachine } = require('aws-local-stepfunctions');

/**
 * A local Step Functions endpoint (the JSON protocol the AWS SDK speaks): runs the state machines as
 * synthesized by CDK with the aws-local-stepfunctions interpreter, and dispatches their Lambda tasks to
 * the same bundles that ship to AWS.
 */
export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  startDate: number;
  stopDate?: number;
  tasks: number;
  /** states entered (what Step Functions counts as state transitions) */
  transitions?: number;
  error?: string;
  cause?: string;
  output?: string;
}

interface Machine {
  arn: string;
  name: string;
  type: string;
  definition: any;
  /** built (and its ASL validated) once: validation takes ~80 ms of this process's event loop */
  interpreter: any;
  taskFunctions: Record<string, LocalFunction>;
}

export class LocalStepFunctions {
  readonly machines = new Map<string, Machine>();
  readonly executions: ExecutionRecord[] = [];
  private server?: http.Server;
  endpoint = '';
  /** fault injection (local only): refuse StartExecution, as an unavailable service would */
  failStarts = false;

  constructor(t: Templates, functions: Map<string, LocalFunction>) {
    const byArn = new Map([...functions.values()].map((f) => [f.arn, f]));
    for (const r of t.ofType('AWS::StepFunctions::StateMachine')) {
      const definition = JSON.parse(t.resolve(r.Properties.DefinitionString));
      const taskFunctions: Record<string, LocalFunction> = {};
      for (const [name, state] of Object.entries<any>(definition.States)) {
        if (state.Type !== 'Task') continue;
        const fnArn = state.Parameters?.FunctionName ?? state.Resource;
        const fn = byArn.get(fnArn);
        if (!fn) throw new Error(`state ${name} of ${r.logicalId} calls ${fnArn}, which is not a platform function`);
        taskFunctions[name] = fn;
      }
      const arn = t.ref(r.logicalId);
      const interpreter = new StateMachine(definition, { validationOptions: { checkArn: false } });
      this.machines.set(arn, { arn, name: r.logicalId, type: r.Properties.StateMachineType ?? 'STANDARD', definition, interpreter, taskFunctions });
    }
  }

  async run(machine: Machine, input: unknown, record: ExecutionRecord): Promise<ExecutionRecord> {
    const handlers = Object.fromEntries(
      Object.entries(machine.taskFunctions).map(([state, fn]) => [
        state,
        async (params: any) => {
          record.tasks++;
          // lambda:invoke integration: Parameters carry FunctionName and Payload; the result is {Payload}
          const isInvoke = params && typeof params === 'object' && 'FunctionName' in params;
          const payload = await fn.invoke(isInvoke ? params.Payload : params);
          return isInvoke ? { Payload: payload, StatusCode: 200, ExecutedVersion: '$LATEST' } : payload;
        },
      ]),
    );
    try {
      const execution = machine.interpreter.run(input, { overrides: { taskResourceLocalHandlers: handlers }, context: { Execution: { Id: record.executionArn, Input: input, StartTime: new Date(record.startDate).toISOString() } } });
      // count the states entered from the interpreter's event log, as Step Functions counts transitions
      record.transitions = 0;
      const counted = (async () => {
        for await (const e of execution.eventLogs) if (e.type === 'StateEntered') record.transitions!++;
      })().catch(() => undefined);
      const out = await execution.result;
      await counted;
      Object.assign(record, { status: 'SUCCEEDED', output: JSON.stringify(out) });
    } catch (err: any) {
      const cause = err?.cause ?? err;
      if (process.env.DEBUG_SFN) console.error(cause?.stack);
      Object.assign(record, { status: 'FAILED', error: cause?.name ?? 'Error', cause: cause?.message ?? String(cause) });
    }
    record.stopDate = Date.now();
    return record;
  }

  private async handle(target: string, body: any): Promise<[number, unknown]> {
    const machine = this.machines.get(body.stateMachineArn);
    if (!machine) return [400, { __type: 'StateMachineDoesNotExist', message: `no state machine ${body.stateMachineArn}` }];
    const record: ExecutionRecord = {
      executionArn: `${machine.arn.replace(':stateMachine:', ':execution:')}:${body.name ?? randomUUID()}`,
      stateMachineArn: machine.arn,
      status: 'RUNNING',
      startDate: Date.now(),
      tasks: 0,
    };
    this.executions.push(record);
    if (this.executions.length > 10_000) this.executions.splice(0, 5_000);
    const input = JSON.parse(body.input ?? '{}');
    if (target === 'StartSyncExecution') {
      const r = await this.run(machine, input, record);
      return [200, { executionArn: r.executionArn, stateMachineArn: r.stateMachineArn, name: body.name, startDate: r.startDate / 1000, stopDate: r.stopDate! / 1000, status: r.status, output: r.output, error: r.error, cause: r.cause, input: body.input }];
    }
    if (target === 'StartExecution') {
      if (this.failStarts) {
        this.executions.pop();
        return [503, { __type: 'ServiceUnavailable', message: 'fault injected by POST /local/faults' }];
      }
      void this.run(machine, input, record).then((r) => {
        if (r.status === 'FAILED') console.error(`[sfn] ${machine.name} ${r.executionArn} failed: ${r.error} ${r.cause}`);
      });
      return [200, { executionArn: record.executionArn, startDate: record.startDate / 1000 }];
    }
    return [400, { __type: 'UnknownOperationException', message: `${target} is not served locally` }];
  }

  listen(port = 0): Promise<string> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', async () => {
        const target = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
        let status = 500;
        let out: unknown;
        try {
          [status, out] = await this.handle(target, JSON.parse(raw || '{}'));
        } catch (err) {
          out = { __type: 'InternalError', message: (err as Error).message };
        }
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(out));
      });
    });
    return new Promise((resolve) =>
      this.server!.listen(port, '127.0.0.1', () => {
        this.endpoint = `http://127.0.0.1:${(this.server!.address() as any).port}`;
        resolve(this.endpoint);
      }),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Resolves when no execution is running (tests and benchmarks wait on the async workflows). */
  async idle(timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (this.executions.some((e) => e.status === 'RUNNING')) {
      if (Date.now() > end) throw new Error('executions still running');
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
