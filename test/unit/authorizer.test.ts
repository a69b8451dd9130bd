import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { jwksServer, makeIssuerKey, nowSeconds, signJwt } from './support/tokens';

const ISSUER = 'https://sso.shaanxi.gov.cn/realname';
const AUDIENCE = 'zwfw-api';
const METHOD_ARN = 'arn:aws:execute-api:cn-northwest-1:123456789012:abcdef1234/v1/GET/v1/cases/ZW20250501ABCDEFGHJK';
const issuerKey = makeIssuerKey('k-2025');

type Handler = (event: APIGatewayTokenAuthorizerEvent) => Promise<APIGatewayAuthorizerResult>;
let handler: Handler;
let jwks: Awaited<ReturnType<typeof jwksServer>>;
const saved = { iss: process.env.JWT_ISSUER, url: process.env.JWKS_URL, aud: process.env.JWT_AUDIENCE, log: process.env.POWERTOOLS_LOG_LEVEL };

beforeAll(async () => {
  // the handler reads its issuer, audience and JWKS URL when its module loads
  jwks = await jwksServer(() => ({ keys: [issuerKey.jwk] }));
  process.env.JWT_ISSUER = ISSUER;
  process.env.JWKS_URL = jwks.url;
  process.env.JWT_AUDIENCE = AUDIENCE;
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  jest.resetModules();
  ({ handler } = await import('../../functions/authorizer/handler'));
});

afterAll(async () => {
  await jwks.close();
  for (const [k, v] of [['JWT_ISSUER', saved.iss], ['JWKS_URL', saved.url], ['JWT_AUDIENCE', saved.aud], ['POWERTOOLS_LOG_LEVEL', saved.log]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const event = (authorizationToken: string): APIGatewayTokenAuthorizerEvent => ({ type: 'TOKEN', methodArn: METHOD_ARN, authorizationToken });
const EXP = nowSeconds() + 600;
const token = (extra: Record<string, unknown> = {}) =>
  signJwt(issuerKey, { iss: ISSUER, aud: AUDIENCE, sub: 'staff-7', name: '陈静', roles: ['handler', 'head'], dept: '610113-SCJG', region: '610113', exp: EXP, ...extra });

describe('the token authorizer [N13]', () => {
  test('a valid token is allowed on every route of the stage, with the caller’s claims as context', async () => {
    const res = await handler(event(`Bearer ${token()}`));
    expect(res.principalId).toBe('staff-7');
    expect(res.policyDocument.Statement).toEqual([
      { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: 'arn:aws:execute-api:cn-northwest-1:123456789012:abcdef1234/v1/*' },
    ]);
    expect(res.context).toEqual({ sub: 'staff-7', name: '陈静', roles: 'handler,head', dept: '610113-SCJG', region: '610113', kiosk: '', idType: '', idNumber: '', orgName: '', orgCode: '', exp: String(EXP) });
    expect(jwks.calls()).toBe(1);
  });

  test('a citizen’s real-name claims travel to the handlers [N13]', async () => {
    const res = await handler(event(`Bearer ${token({ sub: 'c-3', roles: ['citizen'], dept: undefined, region: undefined, idType: 'resident_id', idNumber: '610113199001011230' })}`));
    expect(res.context).toMatchObject({ sub: 'c-3', idType: 'resident_id', idNumber: '610113199001011230', orgCode: '' });
  });

  test('a citizen’s context carries empty dept and region', async () => {
    const res = await handler(event(`Bearer ${token({ sub: 'c-1', roles: ['citizen'], dept: undefined, region: undefined })}`));
    expect(res.context).toMatchObject({ sub: 'c-1', roles: 'citizen', dept: '', region: '' });
  });

  test('a session a self-service kiosk started carries the kiosk to the handlers [H11]', async () => {
    const res = await handler(event(`Bearer ${token({ sub: 'c-2', roles: ['citizen'], dept: undefined, region: undefined, kiosk: 'KIOSK-610113-0007' })}`));
    expect(res.context).toMatchObject({ sub: 'c-2', roles: 'citizen', kiosk: 'KIOSK-610113-0007' });
  });

  test('the Bearer prefix is case-insensitive', async () => {
    await expect(handler(event(`bearer ${token()}`))).resolves.toMatchObject({ principalId: 'staff-7' });
  });

  test.each([
    ['an expired token', () => `Bearer ${token({ exp: nowSeconds() - 3600 })}`],
    ['a token from another issuer [N13]', () => `Bearer ${token({ iss: 'https://evil.example/' })}`],
    ['a token the issuer made for another application (its audience)', () => `Bearer ${token({ aud: 'another-app' })}`],
    ['a token signed by another key', () => `Bearer ${signJwt({ ...makeIssuerKey('k-2025'), kid: 'k-2025' }, { iss: ISSUER, aud: AUDIENCE, sub: 'x', roles: ['supervisor'], exp: nowSeconds() + 600 })}`],
    ['a token with no known role', () => `Bearer ${token({ roles: ['root'] })}`],
    ['garbage', () => 'Bearer not.a.jwt'],
    ['no token at all', () => ''],
  ])('%s is refused with exactly "Unauthorized" (API Gateway answers 401)', async (_what, auth) => {
    await expect(handler(event(auth()))).rejects.toThrow(new Error('Unauthorized'));
  });
});
