/**
 * What a case costs on AWS, from what the local runtime metered while it ran the journey (local/meter.ts)
 * and the prices kept as data with their date (bench/prices-us-east-1.json). Pure arithmetic: the
 * figures in, the dollars per million cases out, line by line, beside the same case held in one
 * Standard workflow with callbacks.
 */
export interface Prices {
  asOf: string;
  sources: string[];
  prices: Record<
    | 'apiGatewayRestPerMillionRequests'
    | 'lambdaPerMillionRequests'
    | 'lambdaArmPerGbSecond'
    | 'sfnExpressPerMillionRequests'
    | 'sfnExpressPerGbHour'
    | 'sfnStandardPerThousandTransitions'
    | 'dynamodbPerMillionWriteUnits'
    | 'dynamodbPerMillionReadUnits'
    | 's3PerThousandPutCopyPostList'
    | 's3PerThousandGetHead'
    | 'kmsAsymmetricPerTenThousand'
    | 'logsIngestPerGb'
    | 'xrayPerMillionTracesRecorded',
    number
  >;
  model: { xraySampleRate: number; apiAccessLogBytes: number; lambdaPlatformLogBytes: number; sfnLogBytesPerTransition: number; sfnExpressMemoryMb: number };
}

/** One case's work, as metered (averages over the cases run). */
export interface CaseWork {
  apiRequests: number;
  lambda: { name: string; invocations: number; ms: number; memoryMB: number }[];
  /** executions of each Express workflow, their state transitions and billed duration (each execution already rounded up to 100 ms) */
  workflows: { name: string; executions: number; transitions: number; ms: number }[];
  readUnits: number;
  writeUnits: number;
  s3: { tier1: number; tier2: number };
  signatures: number;
  /** bytes the functions logged (their own lines and metrics) */
  functionLogBytes: number;
  /** invocations that did not come through the API (streams, schedules, workflows start their own traces) */
  tracedOutsideApi: number;
}

export interface CostLine {
  service: string;
  what: string;
  perCase: number;
  /** dollars per million cases */
  perMillion: number;
}

const GB = 1024 ** 3;

export function costPerMillion(w: CaseWork, p: Prices): { lines: CostLine[]; total: number; standard: { lines: CostLine[]; total: number } } {
  const $ = p.prices;
  const m = p.model;
  const lambdaGbSeconds = w.lambda.reduce((a, f) => a + (f.ms / 1000) * (f.memoryMB / 1024), 0);
  const invocations = w.lambda.reduce((a, f) => a + f.invocations, 0);
  const executions = w.workflows.reduce((a, x) => a + x.executions, 0);
  const transitions = w.workflows.reduce((a, x) => a + x.transitions, 0);
  // Express bills each execution's duration (rounded up to 100 ms by the caller) at its memory in 64 MB steps
  const sfnGbHours = w.workflows.reduce((a, x) => a + x.ms / 3_600_000, 0) * (m.sfnExpressMemoryMb / 1024);
  const logBytes = w.functionLogBytes + w.apiRequests * m.apiAccessLogBytes + invocations * m.lambdaPlatformLogBytes + transitions * m.sfnLogBytesPerTransition;
  const traces = (w.apiRequests + w.tracedOutsideApi) * m.xraySampleRate;
  const line = (service: string, what: string, perCase: number, dollarsPerCase: number): CostLine => ({ service, what, perCase, perMillion: dollarsPerCase * 1e6 });
  const common = [
    line('API Gateway (REST)', 'requests', w.apiRequests, (w.apiRequests * $.apiGatewayRestPerMillionRequests) / 1e6),
    line('Lambda', 'invocations', invocations, (invocations * $.lambdaPerMillionRequests) / 1e6),
    line('Lambda', 'GB-seconds (arm64)', lambdaGbSeconds, lambdaGbSeconds * $.lambdaArmPerGbSecond),
    line('DynamoDB', 'write request units', w.writeUnits, (w.writeUnits * $.dynamodbPerMillionWriteUnits) / 1e6),
    line('DynamoDB', 'read request units', w.readUnits, (w.readUnits * $.dynamodbPerMillionReadUnits) / 1e6),
    line('S3', 'PUT, COPY, POST, LIST', w.s3.tier1, (w.s3.tier1 * $.s3PerThousandPutCopyPostList) / 1000),
    line('S3', 'GET, HEAD', w.s3.tier2, (w.s3.tier2 * $.s3PerThousandGetHead) / 1000),
    line('KMS', 'Sign (ECC)', w.signatures, (w.signatures * $.kmsAsymmetricPerTenThousand) / 10_000),
    line('CloudWatch Logs', 'KB ingested', logBytes / 1024, (logBytes / GB) * $.logsIngestPerGb),
    line('X-Ray', `traces (${m.xraySampleRate * 100}% sampled)`, traces, (traces * $.xrayPerMillionTracesRecorded) / 1e6),
  ];
  const express = [
    line('Step Functions (Express)', 'executions', executions, (executions * $.sfnExpressPerMillionRequests) / 1e6),
    line('Step Functions (Express)', 'GB-hours', sfnGbHours, sfnGbHours * $.sfnExpressPerGbHour),
  ];
  // the other design: the case waits in one Standard execution, a task token per human step; every
  // state the Express workflows enter is a billed transition there, plus the execution's start and the
  // callbacks it waits on (one per decision a person makes: acceptance twice, two reviews, the correction)
  const callbacks = 5;
  const standardTransitions = transitions + callbacks + 1;
  const standard = [line('Step Functions (Standard)', 'state transitions', standardTransitions, (standardTransitions * $.sfnStandardPerThousandTransitions) / 1000)];
  const sum = (ls: CostLine[]) => ls.reduce((a, l) => a + l.perMillion, 0);
  const lines = [...common.slice(0, 3), ...express, ...common.slice(3)];
  const stdLines = [...common.slice(0, 3), ...standard, ...common.slice(3)];
  return { lines, total: sum(lines), standard: { lines: stdLines, total: sum(stdLines) } };
}
