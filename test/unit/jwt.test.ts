import { createLocalJWKSet } from 'jose';
import { claimsToCaller, issuerKeys, TokenError, verifyJwt, type VerifyOptions } from '#shared/auth/jwt';
import { jwksServer, makeIssuerKey, nowSeconds, signJwt } from './support/tokens';

const ISSUER = 'https://sso.shaanxi.gov.cn/realname';
const AUDIENCE = 'zwfw-api';
const current = makeIssuerKey('k-2025');
const other = makeIssuerKey('k-attacker');

const keyring = (...keys: { jwk: Record<string, unknown> }[]) => createLocalJWKSet({ keys: keys.map((k) => k.jwk) as never });
const opts = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ issuer: ISSUER, audience: AUDIENCE, keys: keyring(current), ...extra });
const claims = (extra: Record<string, unknown> = {}) => ({
  iss: ISSUER,
  aud: AUDIENCE,
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

describe('RS256 token verification ([N13] real-name identity)', () => {
  test('a token the province’s issuer signed is accepted and its claims returned', async () => {
    const payload = await verifyJwt(signJwt(current, claims({ dept: '610113-XZSP' })), opts());
    expect(payload).toMatchObject({ iss: ISSUER, sub: 'u-610113-0001', roles: ['citizen'], dept: '610113-XZSP' });
  });

  test('a token from another issuer is refused [N13]', async () => {
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

  test('the audience is checked: a token the issuer made for another application is refused (API.md Identity)', async () => {
    const token = signJwt(current, claims({ aud: 'zwfw-app' }));
    await expect(verifyJwt(token, opts({ audience: 'zwfw-app' }))).resolves.toBeDefined();
    await expect(verifyJwt(token, opts({ audience: 'another-app' }))).rejects.toThrow('wrong audience');
  });

  test('a token with no audience at all is refused', async () => {
    const { aud: _aud, ...noAud } = claims();
    await expect(verifyJwt(signJwt(current, noAud), opts())).rejects.toThrow('wrong audience');
  });

  test('a token naming no key id is refused: the issuer names every key it signs with', async () => {
    await expect(verifyJwt(signJwt(current, claims(), { kid: undefined }), opts())).rejects.toThrow(/key id/);
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
  test('the real-name claims the province’s system sets travel with the caller [N13]', () => {
    expect(claimsToCaller({ sub: 'u5', name: '王芳', roles: ['citizen'], idType: 'resident_id', idNumber: '610113199001011230', orgName: '西安某某餐饮有限公司', orgCode: '91610113MA6TXXXX0X' })).toMatchObject({
      idType: 'resident_id',
      idNumber: '610113199001011230',
      orgName: '西安某某餐饮有限公司',
      orgCode: '91610113MA6TXXXX0X',
    });
    expect(() => claimsToCaller({ sub: 'u6', roles: ['citizen'], idType: 'forged' })).toThrow(TokenError);
  });

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

describe('the issuer’s JWKS, fetched once per instance (jose’s remote key set)', () => {
  afterEach(() => jest.restoreAllMocks());

  test('serves the published RSA keys by kid, fetching the JWKS once for many lookups', async () => {
    const server = await jwksServer(() => ({ keys: [current.jwk] }));
    try {
      const keys = issuerKeys(server.url);
      for (let i = 0; i < 3; i++) await expect(verifyJwt(signJwt(current, claims()), opts({ keys }))).resolves.toMatchObject({ sub: 'u-610113-0001' });
      expect(server.calls()).toBe(1);
    } finally {
      await server.close();
    }
  });

  test('keys that are not RSA, have no kid, or are not for signatures are ignored', async () => {
    const noKid = { ...current.jwk, kid: undefined };
    const ec = { kty: 'EC', crv: 'P-256', kid: 'ec-1', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' };
    const encKey = makeIssuerKey('k-enc');
    const forEncryption = { ...encKey.jwk, use: 'enc' };
    const server = await jwksServer(() => ({ keys: [ec, noKid, forEncryption, other.jwk] }));
    try {
      const keys = issuerKeys(server.url);
      await expect(verifyJwt(signJwt({ ...current, kid: 'ec-1' }, claims()), opts({ keys }))).rejects.toBeInstanceOf(TokenError);
      await expect(verifyJwt(signJwt({ ...current, kid: 'undefined' }, claims()), opts({ keys }))).rejects.toBeInstanceOf(TokenError);
      await expect(verifyJwt(signJwt({ ...encKey, kid: 'k-enc' }, claims()), opts({ keys }))).rejects.toBeInstanceOf(TokenError);
      await expect(verifyJwt(signJwt(other, claims()), opts({ keys }))).resolves.toBeDefined();
    } finally {
      await server.close();
    }
  });

  test('a JWKS endpoint that fails is a TokenError, so the token is refused', async () => {
    const server = await jwksServer(() => ({ keys: [] }), 503);
    try {
      await expect(verifyJwt(signJwt(current, claims()), opts({ keys: issuerKeys(server.url) }))).rejects.toThrow(/key set could not be fetched/);
    } finally {
      await server.close();
    }
  });

  test('a failing JWKS endpoint is asked again at most once a minute, however many tokens arrive', async () => {
    const server = await jwksServer(() => ({ keys: [current.jwk] }), 503);
    let now = Date.parse('2025-05-01T08:00:00Z');
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const keys = issuerKeys(server.url);
      for (let i = 0; i < 5; i++) await expect(verifyJwt(signJwt(current, claims()), opts({ keys }))).rejects.toBeInstanceOf(TokenError);
      expect(server.calls()).toBe(1);
      now += 61_000;
      await expect(verifyJwt(signJwt(current, claims()), opts({ keys }))).rejects.toBeInstanceOf(TokenError);
      expect(server.calls()).toBe(2);
    } finally {
      await server.close();
    }
  });

  test('a JWKS endpoint that does not answer is given up on after its timeout', async () => {
    const server = await jwksServer(() => ({ keys: [current.jwk] }), 200, 2_000);
    try {
      await expect(verifyJwt(signJwt(current, claims()), opts({ keys: issuerKeys(server.url, { timeoutMs: 200 }) }))).rejects.toThrow(/did not answer in time/);
    } finally {
      await server.close();
    }
  });

  test('after key rotation the new kid is found by refetching, but an unknown kid refetches at most once a minute', async () => {
    let published = [current.jwk];
    const server = await jwksServer(() => ({ keys: published }));
    let now = Date.parse('2025-05-01T08:00:00Z');
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const keys = issuerKeys(server.url);
      await expect(verifyJwt(signJwt(current, claims()), opts({ keys, now: () => now }))).resolves.toBeDefined();

      const rotated = makeIssuerKey('k-2026');
      published = [current.jwk, rotated.jwk];
      now += 10_000;
      await expect(verifyJwt(signJwt(rotated, claims()), opts({ keys, now: () => now }))).rejects.toThrow(/unknown signing key/); // within the minute: no refetch storm
      expect(server.calls()).toBe(1);

      now += 60_000;
      await expect(verifyJwt(signJwt(rotated, claims()), opts({ keys, now: () => now }))).resolves.toBeDefined();
      expect(server.calls()).toBe(2);
      await expect(verifyJwt(signJwt({ ...rotated, kid: 'junk-kid' }, claims()), opts({ keys, now: () => now }))).rejects.toBeInstanceOf(TokenError); // just fetched: a flood of junk kids does not hammer the issuer
      expect(server.calls()).toBe(2);
    } finally {
      await server.close();
    }
  });
});
