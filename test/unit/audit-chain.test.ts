import type { Actor, AuditEvent, CaseStatus } from '#shared/domain/case';
import { canonicalJson, chainEvent, GENESIS_HASH, sha256Hex, verifyChain } from '#shared/domain/audit';

const applicant: Actor = { sub: 'citizen-1', name: '张三', role: 'citizen' };
const clerk: Actor = { sub: 'clerk-1', name: '李四', role: 'clerk', dept: '610113-XZSP' };
const system: Actor = { sub: 'system', name: '系统', role: 'system' };

/** A case's audit trail [H9]: submit → accept → forward → decide → unified return. */
function trail(): AuditEvent[] {
  const steps: { actor: Actor; action: string; from: CaseStatus | null; to: CaseStatus; detail?: Record<string, unknown> }[] = [
    { actor: applicant, action: 'submit', from: null, to: 'submitted', detail: { channel: 'online' } },
    { actor: clerk, action: 'accept', from: 'submitted', to: 'accepted', detail: { deadline: '2025-03-20' } },
    { actor: system, action: 'forward', from: 'accepted', to: 'in_review', detail: { depts: ['610113-XZSP'] } },
    { actor: system, action: 'decide', from: 'in_review', to: 'decided' },
    { actor: system, action: 'unified_return', from: 'decided', to: 'completed', detail: { outcome: 'approved' } },
  ];
  const events: AuditEvent[] = [];
  let prev = GENESIS_HASH;
  steps.forEach((s, i) => {
    const e = chainEvent(prev, { seq: i + 1, at: `2025-03-0${i + 3}T09:00:00.000Z`, ...s });
    events.push(e);
    prev = e.hash;
  });
  return events;
}

describe('canonical JSON: a hash does not depend on how a record was written', () => {
  test('keys are sorted at every depth, so property order does not change the text', () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: '陕西' } };
    const b = { a: { c: '陕西', d: [1, { x: 1, y: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":"陕西","d":[1,{"x":1,"y":2}]},"b":1}');
  });

  test('an undefined member is left out, as a store that drops empty attributes would (DynamoDB removeUndefinedValues)', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  test('array order is significant and scalars are plain JSON', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson(3.5)).toBe('3.5');
  });
});

describe('the audit trail is a hash chain ([H9] traceable) [E17]', () => {
  test('the first event chains to the genesis hash, each later one to the event before it', () => {
    const events = trail();
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(events[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
    for (const e of events) expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('an event records who, what, when, from-state and to-state, and its hash covers them all', () => {
    const [first] = trail();
    expect(first).toMatchObject({ seq: 1, actor: applicant, action: 'submit', from: null, to: 'submitted', detail: { channel: 'online' } });
    const { hash, ...body } = first;
    expect(hash).toBe(sha256Hex(canonicalJson(body)));
  });

  test('an untouched trail verifies', () => {
    expect(verifyChain(trail())).toBeNull();
    expect(verifyChain([])).toBeNull();
  });

  test('a trail read back with its keys in another order still verifies', () => {
    const reordered = trail().map((e) => JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(e).reverse()))) as AuditEvent);
    expect(verifyChain(reordered)).toBeNull();
  });

  test('an altered audit event breaks the chain at that event [H9]', () => {
    const events = trail();
    events[2] = { ...events[2], actor: { ...events[2].actor, sub: 'intruder' } };
    expect(verifyChain(events)).toBe(3);
  });

  test.each([
    ['the action', (e: AuditEvent) => ({ ...e, action: 'reject' })],
    ['the to-state', (e: AuditEvent) => ({ ...e, to: 'rejected' as CaseStatus })],
    ['the time', (e: AuditEvent) => ({ ...e, at: '2025-03-04T09:00:00.001Z' })],
    ['the detail', (e: AuditEvent) => ({ ...e, detail: { deadline: '2025-04-30' } })],
    ['the sequence number', (e: AuditEvent) => ({ ...e, seq: 7 })],
  ])('changing %s of an event is detected at that event', (_what, alter) => {
    const events = trail();
    events[1] = alter(events[1]);
    expect(verifyChain(events)).toBe(events[1].seq);
  });

  test('re-hashing an altered event does not hide it: the next event no longer chains to it', () => {
    const events = trail();
    const { hash: _hash, prevHash, ...original } = events[1];
    const forged = chainEvent(prevHash, { ...original, detail: { deadline: '2099-01-01' } });
    expect(forged.hash).not.toBe(events[1].hash);
    events[1] = forged;
    expect(verifyChain(events)).toBe(3);
  });

  test('a deleted event breaks the chain at the event after it', () => {
    const events = trail();
    events.splice(1, 1);
    expect(verifyChain(events)).toBe(3);
  });

  test('dropping the first event breaks the chain: the trail must start at genesis', () => {
    expect(verifyChain(trail().slice(1))).toBe(2);
  });

  test('swapping two events breaks the chain', () => {
    const events = trail();
    [events[1], events[2]] = [events[2], events[1]];
    expect(verifyChain(events)).toBe(3);
  });

  test('the same event chained to a different predecessor gets a different hash', () => {
    const e = { seq: 1, at: '2025-03-03T09:00:00.000Z', actor: applicant, action: 'submit', from: null, to: 'submitted' as const };
    expect(chainEvent(GENESIS_HASH, e).hash).toBe(chainEvent(GENESIS_HASH, { ...e }).hash);
    expect(chainEvent('f'.repeat(64), e).hash).not.toBe(chainEvent(GENESIS_HASH, e).hash);
  });
});
