import type { CaseStatus } from '#shared/domain/case';
import { assertTransition, canMove, TERMINAL, TRANSITIONS } from '#shared/domain/lifecycle';
import { Problem, problemOf } from '#shared/http/problem';

const ALL: CaseStatus[] = ['submitted', 'correction_required', 'accepted', 'in_review', 'decided', 'completed', 'rejected', 'returned', 'withdrawn'];

/** The lifecycle table of DESIGN.md, row by row. */
const DESIGN_TABLE: [CaseStatus, CaseStatus][] = [
  ['submitted', 'accepted'],
  ['submitted', 'correction_required'],
  ['correction_required', 'submitted'],
  ['submitted', 'rejected'],
  ['submitted', 'returned'],
  ['accepted', 'in_review'],
  ['in_review', 'in_review'],
  ['in_review', 'decided'],
  ['decided', 'completed'],
  ['submitted', 'withdrawn'],
  ['correction_required', 'withdrawn'],
  // issue 4: a correction never answered is closed as returned (退件) after its period
  ['correction_required', 'returned'],
];

function refusal(from: CaseStatus, to: CaseStatus): Problem {
  try {
    assertTransition(from, to);
  } catch (err) {
    // the refusal as the API answers it
    return problemOf(err)!;
  }
  throw new Error(`${from} → ${to} was allowed`);
}

describe('case lifecycle ([N14]: 受理, 补齐补正, 不予受理, 退件)', () => {
  test('every status has a row, and the allowed moves are exactly those of the design table', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ALL].sort());
    const allowed = ALL.flatMap((from) => TRANSITIONS[from].map((to) => [from, to] as [CaseStatus, CaseStatus]));
    expect(allowed.map((p) => p.join('→')).sort()).toEqual(DESIGN_TABLE.map((p) => p.join('→')).sort());
  });

  test.each(DESIGN_TABLE)('%s → %s is allowed', (from, to) => {
    expect(canMove(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  test('completed, rejected, returned and withdrawn are terminal: nothing follows them', () => {
    expect([...TERMINAL].sort()).toEqual(['completed', 'rejected', 'returned', 'withdrawn']);
    for (const from of TERMINAL) for (const to of ALL) expect(canMove(from, to)).toBe(false);
  });

  test('a case that is completed cannot be withdrawn (409 names the allowed transitions)', () => {
    const p = refusal('completed', 'withdrawn');
    expect(p).toBeInstanceOf(Problem);
    expect(p.status).toBe(409);
    expect(p.message).toContain('completed');
    expect(p.message).toContain('withdrawn');
    expect(p.toJSON()).toMatchObject({ title: 'Conflict', allowed: [] });
  });

  test('the 409 problem document keeps its HTTP status: the case status does not overwrite it (RFC 9457)', () => {
    // the document is what the API sends as application/problem+json; `status` there is the HTTP status code
    for (const [from, to] of [['completed', 'withdrawn'], ['accepted', 'rejected'], ['submitted', 'decided']] as [CaseStatus, CaseStatus][]) {
      const doc = JSON.parse(JSON.stringify(refusal(from, to)));
      expect(doc.status).toBe(409);
      expect(doc.allowed).toEqual(TRANSITIONS[from]);
    }
  });

  test('a case under review cannot be withdrawn: withdrawal is before acceptance only (API.md)', () => {
    const p = refusal('in_review', 'withdrawn');
    expect(p.status).toBe(409);
    expect(p.toJSON()).toMatchObject({ allowed: ['in_review', 'decided'] });
  });

  test('an accepted case cannot be rejected any more: 不予受理 is an acceptance decision', () => {
    const p = refusal('accepted', 'rejected');
    expect(p.status).toBe(409);
    expect(p.toJSON()).toMatchObject({ allowed: ['in_review'] });
  });

  test('a submitted case cannot skip review to be decided; the refusal lists every move open to it', () => {
    const p = refusal('submitted', 'decided');
    expect(p.status).toBe(409);
    expect(p.message).toContain('submitted');
    expect(p.extra?.allowed).toEqual(['accepted', 'correction_required', 'rejected', 'returned', 'withdrawn']);
  });

  test('a case awaiting correction cannot be accepted until the applicant resubmits [H22]', () => {
    expect(canMove('correction_required', 'accepted')).toBe(false);
    expect(refusal('correction_required', 'accepted').toJSON()).toMatchObject({ allowed: ['submitted', 'withdrawn', 'returned'] });
  });

  test('a decided case cannot go back to review', () => {
    expect(refusal('decided', 'in_review').status).toBe(409);
  });
});
