import { createHash } from 'node:crypto';
import type { Actor, AuditEvent, CaseStatus } from './case.ts';

/** The hash the first event of a case chains to. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so a hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** [H9] [E17]: every event carries the hash of the one before it, so an altered event breaks the chain. */
export function chainEvent(
  prevHash: string,
  e: { seq: number; at: string; actor: Actor; action: string; from: CaseStatus | null; to: CaseStatus; detail?: Record<string, unknown> },
): AuditEvent {
  const body = { ...e, prevHash };
  return { ...body, hash: sha256Hex(canonicalJson(body)) };
}

/** Recomputes a chain; returns the seq of the first event that does not verify, or null. */
export function verifyChain(events: AuditEvent[]): number | null {
  let prev = GENESIS_HASH;
  for (const e of events) {
    const { hash, ...body } = e;
    if (e.prevHash !== prev || sha256Hex(canonicalJson(body)) !== hash) return e.seq;
    prev = hash;
  }
  return null;
}
