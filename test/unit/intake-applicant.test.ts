import type { CreateCaseRequest } from '#shared/domain/schemas';
import { applicantSubFor } from '#shared/domain/intake';
import { Problem } from '#shared/http/problem';

const request = (channel: CreateCaseRequest['channel'], onBehalfOf?: string): CreateCaseRequest => ({
  matterCode: '000109001000-610113-XZSP',
  applicant: { type: 'person', name: '刘洋', idNumber: '610113199001011230' },
  channel,
  materials: [],
  ...(onBehalfOf ? { onBehalfOf } : {}),
});

const citizen = { sub: 'c-liuyang', roles: ['citizen'] };
const clerk = { sub: 'clerk-yt-01', roles: ['clerk'] };
const agent = { sub: 'agent-village-03', roles: ['agent'] };

function refusal(fn: () => unknown): Problem {
  try {
    fn();
  } catch (err) {
    return err as Problem;
  }
  throw new Error('the filing was allowed');
}

describe('who may file, and for whom (N15, H8, H13)', () => {
  test('a citizen files online for themself', () => {
    expect(applicantSubFor(citizen, request('online'))).toBe('c-liuyang');
  });

  test('a citizen files at a self-service kiosk for themself, in a session the kiosk started (H11)', () => {
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

  test('a citizen cannot file for someone else (403)', () => {
    const p = refusal(() => applicantSubFor(citizen, request('online', 'c-neighbour')));
    expect(p.status).toBe(403);
  });

  test.each(['window', 'agent'] as const)('a citizen cannot use the %s channel (422 on channel)', (channel) => {
    const p = refusal(() => applicantSubFor(citizen, request(channel)));
    expect(p.status).toBe(422);
    expect(p.errors).toEqual([{ path: 'channel', message: expect.any(String) }]);
  });

  test('a window clerk files at the window on behalf of the applicant, who becomes the case’s applicant (综合窗口, H8)', () => {
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

  test('a village agent files through the agent channel on behalf of the applicant (代办, H13)', () => {
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

  test.each([['handler'], ['head'], ['supervisor'], ['archivist'], ['catalog_admin'], ['operator']])('a %s may not file at all (403)', (role) => {
    const p = refusal(() => applicantSubFor({ sub: 'staff-1', roles: [role] }, request('online')));
    expect(p.status).toBe(403);
    expect(refusal(() => applicantSubFor({ sub: 'staff-1', roles: [role] }, request('window', 'c-liuyang'))).status).toBe(403);
  });

  test('a caller with no role may not file (403)', () => {
    expect(refusal(() => applicantSubFor({ sub: 'x', roles: [] }, request('online'))).status).toBe(403);
  });
});
