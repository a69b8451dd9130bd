import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { ROLES, type Caller, type RealName, type Role } from '../domain/caller.ts';

/**
 * RS256 JWT verification against the province's real-name OIDC issuer [N13], on `jose`: the issuer's
 * key set is fetched with a timeout, its keys are chosen by `kid`, `kty`, `use` and `alg`, and it is
 * fetched again at most once a minute however many unknown key ids arrive, even when the issuer is failing.
 */
export class TokenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TokenError';
  }
}

export interface VerifyOptions {
  issuer: string;
  /** the audience this API is registered under at the issuer: a token for another application is refused */
  audience: string;
  /** the issuer's keys: its remote key set (`issuerKeys`), or a local one */
  keys: JWTVerifyGetKey | KeyLike;
  now?: () => number;
  /** clock skew tolerance, seconds */
  leeway?: number;
}

/** Why jose refused, in the words this platform logs (the caller is only ever told 401). */
function tokenError(err: unknown): TokenError {
  if (err instanceof TokenError) return err;
  if (err instanceof errors.JWTExpired) return new TokenError('token expired', { cause: err });
  if (err instanceof errors.JWTClaimValidationFailed) {
    const why: Record<string, string> = { iss: 'issuer is not trusted', aud: 'wrong audience', nbf: 'token not yet valid', exp: 'token expired' };
    return new TokenError(why[err.claim] ?? `claim ${err.claim} is not valid`, { cause: err });
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return new TokenError('bad signature', { cause: err });
  if (err instanceof errors.JWKSNoMatchingKey) return new TokenError('unknown signing key', { cause: err });
  if (err instanceof errors.JWKSTimeout) return new TokenError('the issuer’s key set did not answer in time', { cause: err });
  if (err instanceof errors.JWKSInvalid || (err instanceof errors.JOSEError && /JSON Web Key Set/.test(err.message))) return new TokenError(`the issuer’s key set could not be fetched: ${err.message}`, { cause: err });
  return new TokenError(`malformed or unverifiable token: ${(err as Error)?.message}`, { cause: err });
}

export async function verifyJwt(token: string, opts: VerifyOptions): Promise<Record<string, unknown>> {
  if (token.split('.').length !== 3) throw new TokenError('a JWT has three parts');
  let header: { alg?: unknown; kid?: unknown };
  try {
    header = decodeProtectedHeader(token);
  } catch (cause) {
    throw new TokenError('malformed token header', { cause });
  }
  if (header.alg !== 'RS256') throw new TokenError(`algorithm ${String(header.alg)} is not accepted (RS256 only)`);
  // the issuer names every key it signs with; a token naming none would be tried against any
  if (typeof header.kid !== 'string' || !header.kid) throw new TokenError('the token names no key id (kid)');
  try {
    const { payload } = await jwtVerify(token, opts.keys as JWTVerifyGetKey, {
      issuer: opts.issuer,
      audience: opts.audience,
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'iss', 'aud'],
      clockTolerance: opts.leeway ?? 30,
      ...(opts.now ? { currentDate: new Date(opts.now()) } : {}),
    });
    return payload as Record<string, unknown>;
  } catch (err) {
    throw tokenError(err);
  }
}

/** How long a key-set fetch may take, and how often it may happen (API.md Identity). */
export const JWKS_TIMEOUT_MS = 3_000;
export const JWKS_REFETCH_MS = 60_000;

/**
 * The issuer's key set, held per Lambda instance. jose refetches it for an unknown `kid` at most once
 * per cooldown after a success; after a failed fetch this waits the same minute before asking again,
 * so a failing issuer is not asked on every request.
 */
export function issuerKeys(url: string, opts: { timeoutMs?: number; refetchMs?: number } = {}): JWTVerifyGetKey {
  const refetchMs = opts.refetchMs ?? JWKS_REFETCH_MS;
  const remote = createRemoteJWKSet(new URL(url), { timeoutDuration: opts.timeoutMs ?? JWKS_TIMEOUT_MS, cooldownDuration: refetchMs, cacheMaxAge: 10 * refetchMs });
  let failedAt: number | undefined;
  let failure: unknown;
  return async (header, token) => {
    if (failedAt !== undefined && Date.now() - failedAt < refetchMs) throw new TokenError('the issuer’s key set is unavailable; it is asked again within a minute', { cause: failure });
    try {
      const key = await remote(header, token);
      failedAt = undefined;
      return key;
    } catch (err) {
      // a key set that was fetched but holds no such key is the token's fault, not the issuer's
      if (!(err instanceof errors.JWKSNoMatchingKey) && !(err instanceof errors.JWKSMultipleMatchingKeys)) {
        failedAt = Date.now();
        failure = err;
      }
      throw err;
    }
  };
}

const ID_TYPES = ['resident_id', 'passport', 'other'] as const;

/** The claims API.md names, checked: the caller, with their real-name claims where the token carries them. */
export function claimsToCaller(claims: Record<string, unknown>): Caller {
  const sub = claims.sub;
  if (typeof sub !== 'string' || !sub) throw new TokenError('token has no subject');
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
  if (roles.length === 0) throw new TokenError('token carries no known role');
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const region = str(claims.region);
  if (region && !/^\d{6}$/.test(region)) throw new TokenError('region claim is not a 6-digit region code');
  const kiosk = str(claims.kiosk);
  const realName: RealName = {};
  const idType = str(claims.idType);
  if (idType) {
    if (!(ID_TYPES as readonly string[]).includes(idType)) throw new TokenError(`idType claim ${idType} is not one of ${ID_TYPES.join(', ')}`);
    realName.idType = idType as RealName['idType'];
  }
  for (const [claim, max] of [['idNumber', 40], ['orgName', 200], ['orgCode', 18]] as const) {
    const v = str(claims[claim]);
    if (v && v.length > max) throw new TokenError(`${claim} claim is longer than ${max} characters`);
    if (v) realName[claim] = v;
  }
  return { sub, name: str(claims.name) ?? sub, roles, dept: str(claims.dept), region, ...(kiosk ? { kiosk } : {}), ...realName };
}
