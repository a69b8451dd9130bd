import { decide, factsNeeded, type Facts, type Subject } from '#shared/domain/access/gate';
import { POLICIES, type Action } from '#shared/domain/access/policies';
import type { Authorisation } from '#shared/domain/authorisation';
import { ROLES, type Caller, type Role } from '#shared/domain/caller';
import type { Case, Task } from '#shared/domain/case';
import { chainFor, type ChangeRequest } from '#shared/domain/catalog-change';
import type { Licence } from '#shared/domain/licence';

/**
 * The one gate [N13], walked cell by cell: for every action of the policy table and every role, a
 * caller without the role is refused before anything is read; a caller with it is let through when
 * they stand in the action's relation to the subject, and refused when they do not.
 */
const NOW = new Date('2026-06-01T02:00:00Z');
const LATER = '2027-06-01T00:00:00+08:00';

/** The demo parallel case: 残疾人两项补贴 in 雁塔区, accepted by 区残联, reviewed by 区残联 and 区民政局. */
const c: Case = {
  caseId: 'ZW20250506K7Q2M9XA3B',
  receiptNo: '610113-20250506-K7Q2M9XA3B',
  matterCode: '000540001000-610113-CL',
  matterVersion: 1,
  matterName: '困难残疾人生活补贴和重度残疾人护理补贴',
  region: '610113',
  acceptingDept: '610113-CL',
  handlingDepts: ['610113-CL', '610113-MZ'],
  promiseDays: 15,
  retention: '10y',
  applicant: { type: 'person', name: '周敏', idNumber: '610113198505052226', sub: 'c-zhoumin' },
  filedBy: { sub: 'agent-village-03', name: '代办员 孙强', role: 'agent' },
  channel: 'agent',
  form: {},
  materials: [],
  status: 'in_review',
  submittedAt: '2025-05-06T02:15:00.000Z',
  acceptBy: '2025-05-13',
  version: 3,
  eventSeq: 3,
  lastEventHash: 'f'.repeat(64),
};

const caller = (sub: string, roles: Role[], dept?: string, region?: string, extra: Partial<Caller> = {}): Caller => ({ sub, name: sub, roles, dept, region, ...extra });
const authorised = (agentSub: string, matterCodes: string[] = []): Authorisation => ({
  applicantSub: c.applicant.sub,
  applicantName: c.applicant.name,
  applicantIdType: 'resident_id',
  applicantIdNumber: c.applicant.idNumber,
  agentSub,
  matterCodes,
  validUntil: LATER,
  createdAt: '2026-01-01T00:00:00Z',
});
const sees = (who: Caller, subject: Case = c, facts: Facts = {}) => decide(who, 'case.read', { kind: 'case', case: subject }, facts, NOW).ok;

describe('who may see a case (API.md: the applicant, their agent, staff on the case, supervisors; 404 to anyone else)', () => {
  test('the applicant sees their own case', () => {
    expect(sees(caller('c-zhoumin', ['citizen']))).toBe(true);
  });

  test('the village agent the applicant authorises now sees it (代办) [H26]', () => {
    expect(sees(caller('agent-village-03', ['agent'], undefined, '610113'), c, { authorisation: authorised('agent-village-03') })).toBe(true);
  });

  test('the agent who filed it, once the authorisation is revoked or has expired, does not: filing gave no lasting right', () => {
    expect(sees(caller('agent-village-03', ['agent'], undefined, '610113'))).toBe(false);
    expect(sees(caller('agent-village-03', ['agent'], undefined, '610113'), c, { authorisation: { ...authorised('agent-village-03'), validUntil: '2026-05-01T00:00:00Z' } })).toBe(false);
    expect(sees(caller('agent-village-03', ['agent'], undefined, '610113'), c, { authorisation: authorised('agent-village-03', ['ANOTHER-MATTER']) })).toBe(false);
  });

  test('another citizen does not see it, and is told it does not exist (404)', () => {
    const v = decide(caller('c-neighbour', ['citizen']), 'case.read', { kind: 'case', case: c }, {}, NOW);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.error.constructor.name).toBe('NotFound');
  });

  test('another agent of the same village does not see it', () => {
    expect(sees(caller('agent-village-04', ['agent'], undefined, '610113'), c, { authorisation: authorised('agent-village-03') })).toBe(false);
  });

  test('supervisors [N20] and archivists [E22] of the province, the city or the county see it; of another region, or of none, they do not [N4]', () => {
    for (const region of ['610000', '610100', '610113']) {
      expect(sees(caller('sup-1', ['supervisor'], undefined, region))).toBe(true);
      expect(sees(caller('arc-1', ['archivist'], undefined, region))).toBe(true);
    }
    expect(sees(caller('sup-xy', ['supervisor'], undefined, '610400'))).toBe(false);
    expect(sees(caller('sup-lh', ['supervisor'], undefined, '610104'))).toBe(false);
    expect(sees(caller('sup-none', ['supervisor']))).toBe(false);
  });

  test('a clerk of the accepting department sees it', () => {
    expect(sees(caller('clerk-cl', ['clerk'], '610113-CL'))).toBe(true);
  });

  test.each([['handler'], ['head']] as [Role][])('a %s of a handling department (分头办理) sees it', (role) => {
    expect(sees(caller(`${role}-mz`, [role], '610113-MZ'))).toBe(true);
  });

  test('staff of a department not on the case do not see it', () => {
    expect(sees(caller('handler-rs', ['handler'], '610113-RS'))).toBe(false);
    expect(sees(caller('clerk-xzsp', ['clerk'], '610113-XZSP'))).toBe(false);
  });

  test('the clerk who filed it at a window of another department has no lasting right to it', () => {
    expect(sees(caller('clerk-xzsp', ['clerk'], '610113-XZSP'), { ...c, channel: 'window', filedBy: { sub: 'clerk-xzsp', name: '窗口', role: 'clerk', dept: '610113-XZSP' } })).toBe(false);
  });

  test('the same department code of another district does not count: 莲湖区民政局 is not 雁塔区民政局', () => {
    expect(sees(caller('handler-lh-mz', ['handler'], '610104-MZ'))).toBe(false);
  });

  test('a staff role without a department sees nothing', () => {
    expect(sees(caller('handler-x', ['handler']))).toBe(false);
  });

  test.each([['catalog_admin'], ['operator'], ['office_reviewer'], ['justice_reviewer'], ['citizen'], ['agent']] as [Role][])('a %s holding the accepting department’s code is not staff of the case', (role) => {
    expect(sees(caller(`x-${role}`, [role], '610113-CL'))).toBe(false);
  });

  test('when the applicant files for themself, filer and applicant are one', () => {
    const own: Case = { ...c, filedBy: { sub: 'c-zhoumin', name: '周敏', role: 'citizen' }, channel: 'online' };
    expect(sees(caller('c-zhoumin', ['citizen']), own)).toBe(true);
    expect(sees(caller('agent-village-03', ['agent']), own)).toBe(false);
  });

  test('a department that keeps a staff register: a member it does not list sees nothing there, fail-closed [N13]', () => {
    expect(sees(caller('clerk-cl', ['clerk'], '610113-CL'), c, { register: { keeps: true } })).toBe(false);
    expect(sees(caller('clerk-cl', ['clerk'], '610113-CL'), c, { register: { keeps: true, roles: ['handler'] } })).toBe(false);
    expect(sees(caller('clerk-cl', ['clerk'], '610113-CL'), c, { register: { keeps: true, roles: ['clerk'] } })).toBe(true);
  });
});

// ── the table: every action × every role × (owner, stranger) ──────────────────────────────────

const acceptance: Task = { taskId: `${c.caseId}.A1`, caseId: c.caseId, kind: 'acceptance', dept: c.acceptingDept, region: c.region, matterCode: c.matterCode, status: 'open', deadline: '2025-05-13', createdAt: c.submittedAt };
const review: Task = { ...acceptance, taskId: `${c.caseId}.R2`, kind: 'review', dept: '610113-MZ' };
const licence: Licence = {
  licenceId: `1.2.156.3005.2.000109001000.11610113MB2946812X.${c.caseId.slice(2)}.001.X`,
  type: '000109001000',
  typeName: '食品经营许可证',
  caseId: c.caseId,
  matterCode: c.matterCode,
  holder: { name: c.applicant.name, idNumber: c.applicant.idNumber, type: 'person', sub: c.applicant.sub },
  issuer: { dept: c.acceptingDept, name: '雁塔区行政审批服务局', code: '11610113MB2946812X', region: c.region },
  issuedAt: NOW.toISOString(),
  validFrom: NOW.toISOString().slice(0, 10),
  version: 1,
  data: {},
  status: 'valid',
  signature: 'x',
  keyId: 'k',
};
const change = (scope: 'common' | 'local', step = 0): ChangeRequest => ({
  id: 'CHG1',
  op: 'change',
  scope,
  region: scope === 'common' ? '610000' : '610113',
  codes: [c.matterCode],
  reason: 'x',
  proposer: { sub: 'admin-proposer', name: 'p', role: 'catalog_admin', dept: '610000-SCJG' },
  chain: chainFor(scope, scope === 'common' ? '610000' : '610113'),
  step,
  status: 'pending',
  history: [],
  createdAt: NOW.toISOString(),
  version: 1,
});

/** What each action is decided on, as its step hands it to the gate. */
const SUBJECT: Record<Action, (role: Role) => Subject> = {
  'openapi.read': () => ({ kind: 'none' }),
  'catalog.search': () => ({ kind: 'none' }),
  'catalog.guide': () => ({ kind: 'none' }),
  'licence.verify': () => ({ kind: 'none' }),
  'notice.verify': () => ({ kind: 'none' }),
  'catalog.propose': () => ({ kind: 'none' }),
  'catalog.read_change': () => ({ kind: 'none' }),
  'catalog.decide_change': (role) => ({ kind: 'change', change: role === 'catalog_admin' ? change('local') : change('common', role === 'office_reviewer' ? 0 : 1) }),
  'catalog.oversee': () => ({ kind: 'none' }),
  'upload.create': () => ({ kind: 'none' }),
  'case.file': (role) => ({ kind: 'filing', applicantSub: c.applicant.sub, channel: role === 'clerk' ? 'window' : role === 'agent' ? 'agent' : 'online', matter: { code: c.matterCode, region: '610113', regionName: '雁塔区' }, applicant: { type: 'person', name: c.applicant.name, idNumber: c.applicant.idNumber } }),
  'case.list_own': () => ({ kind: 'none' }),
  'case.read': () => ({ kind: 'case', case: c }),
  'case.correct': () => ({ kind: 'case', case: c }),
  'case.withdraw': () => ({ kind: 'case', case: c }),
  'case.evaluate': () => ({ kind: 'case', case: c }),
  'case.complain': () => ({ kind: 'case', case: c }),
  'authorisation.manage': () => ({ kind: 'none' }),
  'complaint.list': () => ({ kind: 'region', region: '610113' }),
  'complaint.handle': () => ({ kind: 'case', case: c }),
  'supervision.rules': () => ({ kind: 'none' }),
  'supervision.alerts': () => ({ kind: 'region', region: '610113' }),
  'supervision.metrics': () => ({ kind: 'region', region: '610113' }),
  'evaluation.list': () => ({ kind: 'department', dept: '610113-MZ' }),
  'evaluation.follow_up': () => ({ kind: 'department', dept: '610113-MZ' }),
  'task.list': () => ({ kind: 'department', dept: '610113-CL' }),
  'task.claim': (role) => ({ kind: 'task', case: c, task: role === 'clerk' ? acceptance : review }),
  'task.complete': (role) => ({ kind: 'task', case: c, task: role === 'clerk' ? acceptance : review }),
  'task.offline_step': () => ({ kind: 'task', case: c, task: review }),
  'task.special_procedure': () => ({ kind: 'task', case: c, task: review }),
  'task.extend': () => ({ kind: 'task', case: c, task: review }),
  'staff.manage': () => ({ kind: 'department', dept: '610113-MZ' }),
  'staff.read': () => ({ kind: 'department', dept: '610113-MZ' }),
  'licence.read': () => ({ kind: 'licence', licence }),
  'licence.list_own': () => ({ kind: 'none' }),
  'licence.revoke': () => ({ kind: 'licence', licence }),
  'trust_anchor.manage': () => ({ kind: 'none' }),
  'trust_anchor.read': () => ({ kind: 'none' }),
  'archive.read': () => ({ kind: 'case', case: c }),
  'archive.download': () => ({ kind: 'case', case: c }),
  'archive.check': () => ({ kind: 'region', region: '610113' }),
  'archive.check_read': () => ({ kind: 'region', region: '610113' }),
  'archive.transfer': () => ({ kind: 'region', region: '610113' }),
  'archive.transfer_read': () => ({ kind: 'region', region: '610113' }),
  'archive.appraise': () => ({ kind: 'region', region: '610113' }),
  'archive.appraise_approve': () => ({ kind: 'region', region: '610113' }),
  'archive.appraise_read': () => ({ kind: 'region', region: '610113' }),
  'archive.schedule_set': () => ({ kind: 'region', region: '610113' }),
  'archive.schedule_read': () => ({ kind: 'none' }),
  'hall.read': () => ({ kind: 'none' }),
  'hall.manage': () => ({ kind: 'hall', hallId: '610113' }),
  'hall.desk': () => ({ kind: 'hall', hallId: '610113' }),
  'booking.create': () => ({ kind: 'none' }),
  'booking.list_own': () => ({ kind: 'none' }),
  'booking.read': () => ({ kind: 'booking', booking: { bookingId: 'BK1', booker: { sub: c.applicant.sub, name: c.applicant.name } } }),
  'booking.cancel': () => ({ kind: 'booking', booking: { bookingId: 'BK1', booker: { sub: c.applicant.sub, name: c.applicant.name } } }),
};

/** A caller of `role` who stands in the action's relation to its subject (owner), or one who does not (stranger). */
function cell(role: Role, action: Action, owner: boolean): { who: Caller; facts: Facts } {
  const subject = SUBJECT[action](role);
  const deptOf = subject.kind === 'task' ? subject.task.dept : subject.kind === 'department' ? subject.dept : subject.kind === 'hall' ? `${subject.hallId}-XZSP` : subject.kind === 'licence' ? subject.licence.issuer.dept : role === 'clerk' ? c.acceptingDept : '610113-MZ';
  switch (role) {
    case 'citizen':
      return { who: caller(owner ? c.applicant.sub : 'c-neighbour', ['citizen'], undefined, undefined, owner ? { name: c.applicant.name, idNumber: c.applicant.idNumber } : { idNumber: '610104199001010012' }), facts: {} };
    case 'agent':
      return { who: caller('agent-village-03', ['agent'], undefined, '610113'), facts: owner ? { authorisation: authorised('agent-village-03') } : {} };
    case 'clerk':
    case 'handler':
    case 'head':
      return { who: caller(`${role}-1`, [role], owner ? (action === 'case.file' ? '610113-XZSP' : deptOf) : '610104-XZSP', owner ? '610113' : '610104'), facts: {} };
    case 'supervisor':
    case 'archivist':
      return { who: caller(`${role}-1`, [role], undefined, owner ? '610100' : '610400'), facts: {} };
    case 'catalog_admin':
      if (action === 'catalog.decide_change') return { who: caller(owner ? 'admin-centre' : 'admin-proposer', ['catalog_admin'], owner ? '610113-ZWFW' : '610000-SCJG'), facts: {} };
      return { who: caller('admin-1', ['catalog_admin'], owner ? '610113-XZSP' : undefined), facts: {} };
    case 'office_reviewer':
    case 'justice_reviewer':
      // a reviewer acts only at the step the change waits at: the stranger asks at the other one's step
      return { who: caller(`${role}-1`, [owner ? role : role === 'office_reviewer' ? 'justice_reviewer' : 'office_reviewer']), facts: {} };
    case 'operator':
      return { who: caller('operator-1', ['operator']), facts: {} };
  }
}

/** Ownership rules that every holder of the role satisfies: there is no stranger to them. */
const NO_STRANGER = new Set(['public', 'any', 'self']);

describe('the gate, cell by cell: role × action × ownership', () => {
  const actions = Object.keys(POLICIES) as Action[];
  test('the table covers every action of the policies', () => {
    expect(Object.keys(SUBJECT).sort()).toEqual([...actions].sort());
  });

  for (const action of actions) {
    const policy = POLICIES[action];
    describe(`${action} (${policy.roles === 'public' ? 'public' : policy.roles.join(', ')}; ${policy.ownership})`, () => {
      test.each(ROLES.map((r) => [r]))('as %s', (role) => {
        const allowed = policy.roles === 'public' || (policy.roles as readonly Role[]).includes(role);
        const subject = SUBJECT[action](role);
        const owner = cell(role, action, true);
        const asOwner = decide(owner.who, action, subject, owner.facts, NOW);
        if (!allowed) {
          expect(asOwner.ok).toBe(false);
          expect(!asOwner.ok && asOwner.error.message).toContain('needs one of the roles');
          return;
        }
        expect([role, asOwner.ok, asOwner.ok ? '' : asOwner.error.message]).toEqual([role, true, '']);
        if (NO_STRANGER.has(policy.ownership)) return;
        const stranger = cell(role, action, false);
        expect([role, 'stranger let through', decide(stranger.who, action, subject, stranger.facts, NOW).ok]).toEqual([role, 'stranger let through', false]);
      });
    });
  }
});

describe('what the gate looks up, and only that', () => {
  test('an agent’s authorisation is looked up for a case or a filing, and nothing for a citizen', () => {
    expect(factsNeeded(caller('a', ['agent']), 'case.read', { kind: 'case', case: c })).toEqual({ authorisationOf: c.applicant.sub });
    expect(factsNeeded(caller('c', ['citizen']), 'case.read', { kind: 'case', case: c })).toEqual({});
  });

  test('staff of a department on the case have their register entry looked up; staff of other departments none', () => {
    expect(factsNeeded(caller('h', ['handler'], '610113-MZ'), 'case.read', { kind: 'case', case: c })).toEqual({ registerOf: '610113-MZ' });
    expect(factsNeeded(caller('h', ['handler'], '610104-MZ'), 'case.read', { kind: 'case', case: c })).toEqual({});
  });

  test('a taken task has its taker’s absence looked up for anyone but the taker (AB岗) [H22]', () => {
    const taken: Task = { ...review, assignee: { sub: 'handler-a', name: '甲', role: 'handler', dept: review.dept } };
    expect(factsNeeded(caller('handler-b', ['handler'], review.dept), 'task.complete', { kind: 'task', case: c, task: taken })).toMatchObject({ absenceOf: { dept: review.dept, sub: 'handler-a' } });
    expect(factsNeeded(caller('handler-a', ['handler'], review.dept), 'task.complete', { kind: 'task', case: c, task: taken })).not.toHaveProperty('absenceOf');
  });
});

describe('taken tasks (AB岗) [H22] and the register [N13] on every task action', () => {
  const taken: Task = { ...review, assignee: { sub: 'handler-a', name: '甲承办', role: 'handler', dept: review.dept } };
  const subject: Subject = { kind: 'task', case: c, task: taken };
  const b = caller('handler-b', ['handler'], review.dept);

  test.each(['task.complete', 'task.offline_step', 'task.special_procedure'] as Action[])('%s on a task someone took: the taker and the head yes; a colleague no, unless the head recorded them as the taker’s backup', (action) => {
    expect(decide(caller('handler-a', ['handler'], review.dept), action, subject, {}, NOW).ok).toBe(true);
    expect(decide(caller('head-1', ['head'], review.dept), action, subject, {}, NOW).ok).toBe(true);
    expect(decide(b, action, subject, {}, NOW).ok).toBe(false);
    const away = { dept: review.dept, sub: 'handler-a', backup: 'handler-b', until: LATER, reason: '休假', recordedBy: 'head-1', recordedAt: NOW.toISOString() };
    expect(decide(b, action, subject, { takerAbsence: away }, NOW).ok).toBe(true);
    expect(decide(b, action, subject, { takerAbsence: { ...away, until: '2026-05-01T00:00:00Z' } }, NOW).ok).toBe(false);
  });

  test.each(['task.claim', 'task.complete', 'task.offline_step', 'task.special_procedure', 'task.extend'] as Action[])('%s: a member the register does not give the step’s role is refused, whatever the token says [N13]', (action) => {
    const who = caller(action === 'task.extend' ? 'head-1' : 'handler-a', [action === 'task.extend' ? 'head' : 'handler'], review.dept);
    expect(decide(who, action, { kind: 'task', case: c, task: review }, {}, NOW).ok).toBe(true);
    const v = decide(who, action, { kind: 'task', case: c, task: review }, { register: { keeps: true, roles: ['clerk'] } }, NOW);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.error.message).toContain('staff register');
    expect(decide(who, action, { kind: 'task', case: c, task: review }, { register: { keeps: true } }, NOW).ok).toBe(false);
  });
});
