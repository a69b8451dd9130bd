import { performance } from 'node:perf_hooks';
import type { LocalStepFunctions } from '../local/sfn.ts';

/** What the benchmarks share: latency samples by label, percentiles, and aligned text tables. */
export const samples = new Map<string, number[]>();

export const rec = (label: string, ms: number) => {
  const s = samples.get(label) ?? [];
  s.push(ms);
  samples.set(label, s);
};

export async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const v = await f();
  rec(label, performance.now() - t0);
  return v;
}

/** The p-th percentile (nearest rank). */
export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

export const ms = (x: number) => x.toFixed(1);

export function table(header: string[], rows: (string | number)[][], alignLeft = 1): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < alignLeft ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** A state machine's name without CDK's hash suffix. */
export const machineName = (sfn: LocalStepFunctions, arn: string) => (sfn.machines.get(arn)?.name ?? arn.split(':').pop()!).replace(/[0-9A-F]{8}$/, '');

/**
 * The capacity DynamoDB (Local) reports for every request a document client sends while `counting`:
 * read and write units and requests, as the platform's own adapters make them.
 */
export function meterCapacity(client: { middlewareStack: { add: (mw: any, opts: { step: 'initialize'; name: string }) => void } }) {
  const units = { read: 0, write: 0, requests: 0 };
  const meter = { units, counting: false, reset: () => Object.assign(units, { read: 0, write: 0, requests: 0 }) };
  client.middlewareStack.add(
    (next: (args: any) => Promise<any>, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
      args.input.ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      if (meter.counting) {
        units.requests++;
        const cc = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
        const n = ([] as { CapacityUnits?: number }[]).concat(cc ?? []).reduce((a, c) => a + (c.CapacityUnits ?? 0), 0);
        if (/Put|Update|Delete|Write/.test(context.commandName ?? '')) units.write += n;
        else units.read += n;
      }
      return out;
    },
    { step: 'initialize', name: 'benchCapacity' },
  );
  return meter;
}
