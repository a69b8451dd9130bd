import { decide } from '#shared/domain/access/gate';
import type { Caller } from '#shared/domain/caller';
import { applicantSubFor, type ApplicationRequest } from '#shared/domain/steps/intake';
import { Problem, problemOf } from '#shared/http/problem';

const request = (channel: ApplicationRequest['channel'], onBehalfOf?: string): ApplicationRequest => ({
  matterCode: '000109001000-610113-XZSP',
  applicant: { type: 'person', name: '刘洋', idNumber: '610113199001011230' },
  channel,
  materials: [],
  ...(onBehalfOf ? { onBehalfOf } : {}),
});

const citizen = { sub: 'c-liuyang', roles: ['citizen'] as Caller['roles'] };
const clerk = { sub: 'clerk-yt-01', roles: ['clerk'] as Caller['roles'] };
const agent = { sub: 'agent-village-03', roles: ['agent'] as Caller['roles'] };

/** The refusal as the API would answer it: the domain error mapped to its problem. */
function refusal(fn: () => unknown): Problem {
  try {
    fn();
  } catch (err) {
    return problemOf(err)!;
  }
  throw new Error('the filing was allowed');
}

describe('who may file, and for whom [N15] [H8] [H13]', () => {
  test('a citizen files online for themself', () => {
    expect(applicantSubFor(citizen, request('online'))).toBe('c-liuyang');
  });

  test('a citizen files at a self-service kiosk for themself, in a session the kiosk started [H11]', () => {
    expect(applicantSubFor({ ...citizen, kiosk: 'KIOSK-610113-0007' }, request('kiosk'))).toBe('c-liuyang');
  });

  test('channel "kiosk" from a session that did not start at a kiosk is refused (422): the channel is where it happened', () => {
    const p = refusal(() => applicantSubFor(citizen, request('kiosk')));
    expect(p.status).toBe(422);
    expect(p.errors).toEqual([{ path: 'channel', message: 'must be online' }]);
  });

  test('a kiosk session files as kiosk, never as online (422)', () => {
    const p = refusal(() => applicantSubFor({ ...citizen, kiosk: 'KIOSK-610113-0007' }, request('online')));
    expect(p.status).toBe(422);
    expect(p.message).toContain('KIOSK-610113-0007');
  });

  test('a citizen naming themself as onBehalfOf is still filing for themself', () => {
    expect(applicantSubFor(citizen, request('online', 'c-liuyang'))).toBe('c-liuyang');
  });

  test('a citizen cannot file for someone else (403, from the gate) [N13]', () => {
    const filer: Caller = { ...citizen, name: '刘洋', roles: ['citizen'], idNumber: '610113199001011230' };
    const applicantSub = applicantSubFor(filer, request('online', 'c-neighbour'));
    const verdict = decide(filer, 'case.file', { kind: 'filing', applicantSub, channel: 'online', matter: { code: 'M', region: '610113', regionName: '雁塔区' }, applicant: request('online').applicant }, {}, new Date());
    const p = refusal(() => {
      if (!verdict.ok) throw verdict.error;
    });
    expect(p.status).toBe(403);
  });

  test.each(['window', 'agent'] as const)('a citizen cannot use the %s channel (422 on channel)', (channel) => {
    const p = refusal(() => applicantSubFor(citizen, request(channel)));
    expect(p.status).toBe(422);
    expect(p.errors).toEqual([{ path: 'channel', message: expect.any(String) }]);
  });

  test('a window clerk files at the window on behalf of the applicant, who becomes the case’s applicant (综合窗口) [H8]', () => {
    expect(applicantSubFor(clerk, request('window', 'c-liuyang'))).toBe('c-liuyang');
  });

  test('a window clerk must name the applicant (422 on onBehalfOf)', () => {
    const p = refusal(() => applicantSubFor(clerk, request('window')));
    expect(p.status).toBe(422);
    expect(p.errors).toEqual([{ path: 'onBehalfOf', message: 'required' }]);
  });

  test.each(['online', 'agent'] as const)('a window clerk filing through the %s channel is refused (422 on channel)', (channel) => {
    const p = refusal(() => applicantSubFor(clerk, request(channel, 'c-liuyang')));
    expect(p.status).toBe(422);
    expect(p.errors?.[0].path).toBe('channel');
  });

  test('a village agent files through the agent channel on behalf of the applicant (代办) [H13]', () => {
    expect(applicantSubFor(agent, request('agent', 'c-liuyang'))).toBe('c-liuyang');
  });

  test('a village agent must name the applicant', () => {
    const p = refusal(() => applicantSubFor(agent, request('agent')));
    expect(p.status).toBe(422);
    expect(p.errors?.[0].path).toBe('onBehalfOf');
  });

  test.each(['online', 'window', 'kiosk'] as const)('a village agent filing through the %s channel is refused', (channel) => {
    const p = refusal(() => applicantSubFor(agent, request(channel, 'c-liuyang')));
    expect(p.status).toBe(422);
    expect(p.errors?.[0].path).toBe('channel');
  });

  /** Whether the gate lets this filer file at all (the roles of case.file) [N13]. */
  const gate = (filer: { sub: string; roles: Caller['roles'] }, channel: ApplicationRequest['channel']) => () => {
    const req = request(channel, 'c-liuyang');
    const verdict = decide({ ...filer, name: filer.sub }, 'case.file', { kind: 'filing', applicantSub: applicantSubFor(filer, req), channel, matter: { code: 'M', region: '610113', regionName: '雁塔区' }, applicant: req.applicant }, {}, new Date());
    if (!verdict.ok) throw verdict.error;
  };

  test.each([['handler'], ['head'], ['supervisor'], ['archivist'], ['catalog_admin'], ['operator']])('a %s may not file at all (403)', (role) => {
    const p = refusal(gate({ sub: 'staff-1', roles: [role] as Caller['roles'] }, 'online'));
    expect(p.status).toBe(403);
    expect(refusal(gate({ sub: 'staff-1', roles: [role] as Caller['roles'] }, 'window')).status).toBe(403);
  });

  test('a caller with no role may not file (403)', () => {
    expect(refusal(gate({ sub: 'x', roles: [] }, 'online')).status).toBe(403);
  });
});
