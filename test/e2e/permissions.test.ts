import { ROLES } from '#shared/domain/caller';
import { isPublic, rolesOfRoute, ROUTES } from '#shared/http/routes';
import { REQUEST_SCHEMAS } from '#shared/http/schemas';
import { call, token } from './client';

/**
 * [N13] every route × every role. A role the permission matrix does not list for a route is refused with
 * 403 problem+json, before any domain code runs; public routes need no token; the others need one.
 */
const BODIES: Record<string, unknown> = {
  ChangeProposal: { op: 'suspend', codes: ['X'], reason: 'x' },
  ChangeDecision: {},
  CheckInRequest: { checkInCode: '000000' },
  BookingRequest: { slotId: '610113.W01.20990101T0900', matterCode: 'X' },
  HallConfiguration: { version: 1, windows: [{ windowId: 'W01', name: 'x', comprehensive: true, matters: [], capacity: 1, slotMinutes: 30 }], hours: { working: [{ start: '09:00', end: '17:00' }] }, dailyLimit: 1 },
  ChangeRejection: { reason: 'x' },
  UploadRequest: { fileName: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: '0'.repeat(64) },
  CreateCaseRequest: { matterCode: 'X', applicant: { type: 'person', name: 'x', idNumber: '123456' }, channel: 'online', materials: [] },
  CorrectionRequest: { materials: [{ code: 'M01', objectKey: 'k' }] },
  EvaluationRequest: { score: 5 },
  ComplaintRequest: { category: 'other', text: 'x' },
  AuthorisationRequest: { agentSub: 'a', validUntil: '2030-01-01T00:00:00+08:00' },
  ComplaintHandling: { result: 'x', upheld: true },
  FollowUpRequest: { action: 'x', contacted: true },
  TaskDecision: { decision: 'accept' },
  OfflineStepRequest: { kind: 'hearing', startedAt: '2026-01-01T00:00:00+08:00', result: 'x' },
  SpecialProcedureRequest: { kind: 'hearing', reason: 'x' },
  SpecialProcedureEnd: { result: 'x' },
  ExtensionRequest: { days: 1, reason: 'x' },
  AbsenceRequest: { sub: 'a', backup: 'b', until: '2030-01-01T00:00:00+08:00', reason: 'x' },
  StaffRolesRequest: { roles: ['handler'], reason: 'x' },
  LicenceRevocation: { reason: 'x' },
  TrustAnchorRequest: { name: 'x', certificate: 'x'.repeat(100) },
  TrustAnchorRevocation: { reason: 'x' },
  ArchiveCheckRequest: { scope: 'sample' },
  ScheduleEntryRequest: { retention: '10y', basis: 'x' },
  AppraisalRequest: { before: '2001-01-01' },
  AppraisalRejection: { reason: 'x' },
  TransferRequest: { year: '2001' },
  TransferReceipt: { receivedBy: 'x' },
};

/**
 * The tokens' department: one no other journey works in. The walk sets a staff register there (the head
 * may), and from then on the register is authoritative for that department.
 */
const PERMISSIONS_DEPT = '610124-XZSP';

const request = (r: (typeof ROUTES)[number], tok?: string) =>
  call(r.method, r.path.replace(/\{\w+\}/g, 'ZW20260101AAAAAAAAAA'), {
    token: tok,
    ...(r.method === 'POST' ? { body: r.body ? BODIES[r.body.name] : {} } : {}),
    headers: r.requiredHeaders ? Object.fromEntries(r.requiredHeaders.map((h) => [h, 'perm-test'])) : {},
  });

test('every body the matrix test sends is one the API accepts', () => {
  for (const r of ROUTES.filter((x) => x.body)) expect([r.body!.name, REQUEST_SCHEMAS[r.body!.name].safeParse(BODIES[r.body!.name]).success]).toEqual([r.body!.name, true]);
});

test('every route × every role: roles outside the matrix get 403, listed roles pass the gate; no token is 401 unless public', async () => {
  const tokens = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await token({ sub: `perm-${role}`, roles: [role], dept: PERMISSIONS_DEPT, region: '610124' })] as const)),
  );
  const wrong: string[] = [];
  for (const r of ROUTES) {
    const anonymous = await request(r);
    if (isPublic(r) ? anonymous.status === 401 : anonymous.status !== 401) wrong.push(`${r.method} ${r.path} without a token: ${anonymous.status}`);
    if (isPublic(r)) continue;
    for (const role of ROLES) {
      const res = await request(r, tokens[role]);
      const allowed = rolesOfRoute(r).includes(role);
      const gated = res.status === 403 && String(res.body?.detail).includes('needs one of the roles');
      if (allowed === gated) wrong.push(`${r.method} ${r.path} as ${role}: ${res.status} ${res.body?.detail ?? ''}`);
      if (res.status === 403 && !res.contentType.includes('application/problem+json')) wrong.push(`${r.method} ${r.path} as ${role}: 403 without problem+json`);
    }
  }
  expect(wrong).toEqual([]);
});
