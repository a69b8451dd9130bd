import { ConfigError, loadConfig } from '../../infra/config';

/** The deployment's configuration: typed, read from context or the environment, every fault named by its key at synth. */
const BASE = { jwtIssuer: 'https://sso.shaanxi.gov.cn', jwksUrl: 'https://sso.shaanxi.gov.cn/jwks.json', jwtAudience: 'zwfw', tsaUrl: 'http://tsa.example/tsa' };
const fromContext = (c: Record<string, unknown>) => (key: string) => c[key];
const faultsOf = (c: Record<string, unknown>, env: Record<string, string> = {}) => {
  try {
    loadConfig(fromContext(c), env);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).faults.map((f) => f.key);
  }
};

describe('the platform configuration', () => {
  test('defaults to production with COMPLIANCE locks; context wins over the environment; numbers from strings', () => {
    const c = loadConfig(fromContext({ ...BASE, correctionWorkingDays: '20' }), { ZWFW_JWT_AUDIENCE: 'from-env', ZWFW_THROTTLE_RATE_LIMIT: '200' });
    expect(c).toMatchObject({ environment: 'production', objectLockMode: 'COMPLIANCE', jwtAudience: 'zwfw', throttleRateLimit: 200, throttleBurstLimit: 1000, correctionWorkingDays: 20 });
    expect(loadConfig(fromContext({ ...BASE, jwtAudience: undefined }), { ZWFW_JWT_AUDIENCE: 'from-env' }).jwtAudience).toBe('from-env');
  });

  test('every fault at once, each by its key: missing audience, a bad URL, an account that is not one, a rate out of range', () => {
    expect(faultsOf({ ...BASE, jwtAudience: undefined, jwksUrl: 'not a url', account: '123', throttleRateLimit: '0' }).sort()).toEqual(['account', 'jwksUrl', 'jwtAudience', 'throttleRateLimit']);
    expect(() => loadConfig(fromContext({ ...BASE, jwtAudience: undefined }), {})).toThrow(/jwtAudience \(-c jwtAudience=… or ZWFW_JWT_AUDIENCE\): required/);
  });

  test('GOVERNANCE locks only in development [E18]', () => {
    expect(faultsOf({ ...BASE, objectLockMode: 'GOVERNANCE' })).toEqual(['objectLockMode']);
    expect(faultsOf({ ...BASE, objectLockMode: 'GOVERNANCE', environment: 'staging' })).toEqual(['objectLockMode']);
    expect(loadConfig(fromContext({ ...BASE, objectLockMode: 'GOVERNANCE', environment: 'development' })).objectLockMode).toBe('GOVERNANCE');
    expect(faultsOf({ ...BASE, environment: 'prod' })).toEqual(['environment']);
  });
});
