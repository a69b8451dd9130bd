import type { KeyObject } from 'node:crypto';
import { claimsToCaller, remoteJwks, TokenError, verifyJwt, type VerifyOptions } from '#shared/auth/jwt';
import { jwksFetch, makeIssuerKey, nowSeconds, signJwt } from './support/tokens';

const ISSUER = 'https://sso.shaanxi.gov.cn/realname';
const current = makeIssuerKey('k-2025');
const other = makeIssuerKey('k-attacker');

const keyring = (...keys: { kid: string; publicKey: KeyObject }[]) => async (kid: string) => keys.find((k) => k.kid === kid)?.publicKey;
const opts = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ issuer: ISSUER, key: keyring(current), ...extra });
const claims = (extra: Record<string, unknown> = {}) => ({
  iss: ISSUER,
  sub: 'u-610113-0001',
  name: '王芳',
  roles: ['citizen'],
  iat: nowSeconds(),
  exp: nowSeconds() + 600,
  ...extra,
});

async function refusal(p: Promise<unknown>): Promise<TokenError> {
  try {
    await p;
  } catch (err) {
    return err as TokenError;
  }
  throw new Error('token was accepted');
}

describe('RS256 token verification (N13 real-name identity)', () => {
  test('a token the province’s issuer signed is accepted and its claims returned', async () => {
    const payload = await verifyJwt(signJwt(current, claims({ dept: '610113-XZSP' })), opts());
    expect(payload).toMatchObject({ iss: ISSUER, sub: 'u-610113-0001', roles: ['citizen'], dept: '610113-XZSP' });
  });

  test('a token from another issuer is refused (N13)', async () => {
    const err = await refusal(verifyJwt(signJwt(current, claims({ iss: 'https://evil.example/' })), opts()));
    expect(err).toBeInstanceOf(TokenError);
    expect(err.message).toMatch(/issuer/);
  });

  test('a token without an issuer is refused', async () => {
    const { iss: _iss, ...noIss } = claims();
    await expect(verifyJwt(signJwt(current, noIss), opts())).rejects.toThrow(/issuer/);
  });

  test('a token signed with a key the issuer does not publish is refused, even under a known kid', async () => {
    const forged = signJwt({ ...other, kid: current.kid }, claims());
    await expect(verifyJwt(forged, opts())).rejects.toThrow('bad signature');
  });

  test('a token naming an unknown kid is refused', async () => {
    await expect(verifyJwt(signJwt(other, claims()), opts())).rejects.toThrow(/unknown signing key/);
  });

  test('a token whose claims were changed after signing is refused (no role escalation)', async () => {
    const [h, , s] = signJwt(current, claims()).split('.');
    const escalated = Buffer.from(JSON.stringify(claims({ roles: ['supervisor'] }))).toString('base64url');
    await expect(verifyJwt(`${h}.${escalated}.${s}`, opts())).rejects.toThrow('bad signature');
  });

  test.each(['none', 'HS256', 'RS512', undefined])('algorithm %s is refused: RS256 only', async (alg) => {
    const token = signJwt(current, claims(), { alg });
    await expect(verifyJwt(token, opts())).rejects.toThrow(/RS256 only/);
  });

  test('an unsigned alg=none token with an empty signature is refused', async () => {
    const b = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    await expect(verifyJwt(`${b({ alg: 'none', kid: current.kid })}.${b(claims())}.`, opts())).rejects.toBeInstanceOf(TokenError);
  });

  test('an expired token is refused', async () => {
    const token = signJwt(current, claims({ exp: nowSeconds() - 3600 }));
    await expect(verifyJwt(token, opts())).rejects.toThrow('token expired');
  });

  test('clock skew: 30 seconds of leeway by default, none beyond', async () => {
    const now = Date.parse('2025-05-01T08:00:00Z');
    const exp = now / 1000;
    const token = signJwt(current, claims({ exp }));
    await expect(verifyJwt(token, opts({ now: () => now + 29_000 }))).resolves.toMatchObject({ exp });
    await expect(verifyJwt(token, opts({ now: () => now + 31_000 }))).rejects.toThrow('token expired');
    await expect(verifyJwt(token, opts({ now: () => now + 5_000, leeway: 0 }))).rejects.toThrow('token expired');
  });

  test('a token without an expiry is refused', async () => {
    const { exp: _exp, ...noExp } = claims();
    await expect(verifyJwt(signJwt(current, noExp), opts())).rejects.toThrow('token expired');
  });

  test('a token not yet valid (nbf in the future) is refused', async () => {
    const token = signJwt(current, claims({ nbf: nowSeconds() + 600 }));
    await expect(verifyJwt(token, opts())).rejects.toThrow('not yet valid');
    await expect(verifyJwt(signJwt(current, claims({ nbf: nowSeconds() - 10 })), opts())).resolves.toBeDefined();
  });

  test('the audience is checked when one is configured', async () => {
    const token = signJwt(current, claims({ aud: 'zwfw-app' }));
    await expect(verifyJwt(token, opts({ audience: 'zwfw-app' }))).resolves.toBeDefined();
    await expect(verifyJwt(token, opts({ audience: 'another-app' }))).rejects.toThrow('wrong audience');
  });

  test.each([
    ['two parts', 'a.b'],
    ['four parts', 'a.b.c.d'],
    ['a header that is not JSON', `${Buffer.from('{nope').toString('base64url')}.e30.sig`],
    ['an empty string', ''],
  ])('a malformed token (%s) is a TokenError', async (_what, token) => {
    await expect(verifyJwt(token, opts())).rejects.toBeInstanceOf(TokenError);
  });
});

describe('claims to caller (API.md Identity)', () => {
  test('sub, name, roles, dept and region become the caller', () => {
    expect(claimsToCaller({ sub: 'u1', name: '赵六', roles: ['handler', 'head'], dept: '610113-SCJG', region: '610113' })).toEqual({
      sub: 'u1',
      name: '赵六',
      roles: ['handler', 'head'],
      dept: '610113-SCJG',
      region: '610113',
    });
  });

  test('a citizen without a name is named by their sub and has no dept or region', () => {
    expect(claimsToCaller({ sub: 'u2', roles: ['citizen'] })).toEqual({ sub: 'u2', name: 'u2', roles: ['citizen'], dept: undefined, region: undefined });
  });

  test('unknown roles are dropped', () => {
    expect(claimsToCaller({ sub: 'u3', roles: ['citizen', 'root', 'admin'] }).roles).toEqual(['citizen']);
  });

  test.each([
    ['no subject', { roles: ['citizen'] }, /subject/],
    ['an empty subject', { sub: '', roles: ['citizen'] }, /subject/],
    ['no roles', { sub: 'u4' }, /no known role/],
    ['only unknown roles', { sub: 'u4', roles: ['root'] }, /no known role/],
    ['roles not as an array', { sub: 'u4', roles: 'citizen' }, /no known role/],
    ['a region that is not a 6-digit code', { sub: 'u4', roles: ['agent'], region: '6101' }, /6-digit/],
  ])('a token with %s is refused', (_what, c, message) => {
    expect(() => claimsToCaller(c)).toThrow(TokenError);
    expect(() => claimsToCaller(c)).toThrow(message);
  });
});

describe('the issuer’s JWKS, fetched once per instance', () => {
  afterEach(() => jest.restoreAllMocks());

  test('serves the published RSA keys by kid, fetching the JWKS once for many lookups', async () => {
    const { impl, calls } = jwksFetch(() => ({ keys: [current.jwk] }));
    const keys = remoteJwks('https://sso.example/jwks.json', impl);
    const k = await keys(current.kid);
    expect(k?.asymmetricKeyType).toBe('rsa');
    expect(k?.export({ format: 'jwk' })).toMatchObject({ n: current.jwk.n, e: current.jwk.e });
    await keys(current.kid);
    await keys(current.kid);
    expect(calls).toEqual(['https://sso.example/jwks.json']);
  });

  test('a token verifies end to end against the fetched keys', async () => {
    const { impl } = jwksFetch(() => ({ keys: [current.jwk] }));
    await expect(verifyJwt(signJwt(current, claims()), { issuer: ISSUER, key: remoteJwks('https://sso.example/jwks.json', impl) })).resolves.toMatchObject({ sub: 'u-610113-0001' });
  });

  test('keys that are not RSA or have no kid are ignored', async () => {
    const noKid = { ...current.jwk, kid: undefined };
    const ec = { kty: 'EC', crv: 'P-256', kid: 'ec-1', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' };
    const { impl } = jwksFetch(() => ({ keys: [ec, noKid, other.jwk] }));
    const keys = remoteJwks('https://sso.example/jwks.json', impl);
    expect(await keys('ec-1')).toBeUndefined();
    expect(await keys('')).toBeUndefined();
    expect(await keys('undefined')).toBeUndefined();
    expect(await keys(other.kid)).toBeDefined();
  });

  test('a JWKS endpoint that fails is a TokenError, so the token is refused', async () => {
    const { impl } = jwksFetch(() => ({ keys: [] }), 503);
    await expect(remoteJwks('https://sso.example/jwks.json', impl)(current.kid)).rejects.toThrow(/answered 503/);
  });

  test('after key rotation the new kid is found by refetching, but an unknown kid refetches at most once a minute', async () => {
    let published = [current.jwk];
    const { impl, calls } = jwksFetch(() => ({ keys: published }));
    let now = Date.parse('2025-05-01T08:00:00Z');
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const keys = remoteJwks('https://sso.example/jwks.json', impl);
    expect(await keys(current.kid)).toBeDefined();

    const rotated = makeIssuerKey('k-2026');
    published = [current.jwk, rotated.jwk];
    now += 10_000;
    expect(await keys(rotated.kid)).toBeUndefined(); // within the minute: no refetch storm
    expect(calls).toHaveLength(1);

    now += 60_000;
    expect(await keys(rotated.kid)).toBeDefined();
    expect(calls).toHaveLength(2);
    await keys('junk-kid'); // just fetched: a flood of junk kids does not hammer the issuer
    expect(calls).toHaveLength(2);
  });
});
