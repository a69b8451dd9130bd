import { createPublicKey, verify as verifySignature, type JsonWebKey, type KeyObject } from 'node:crypto';
import { ROLES, type Caller, type Role } from './caller.ts';

/**
 * RS256 JWT verification against an issuer's JWKS (N13: real-name identity from the province's OIDC
 * provider). Written on node:crypto rather than a JOSE library to keep the authorizer bundle small.
 */
export class TokenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TokenError';
  }
}

interface Jwks {
  keys: (JsonWebKey & { kid?: string; alg?: string; use?: string })[];
}

const b64url = (s: string) => Buffer.from(s, 'base64url');

function decodeJson(part: string, what: string): Record<string, unknown> {
  try {
    return JSON.parse(b64url(part).toString('utf8'));
  } catch (cause) {
    throw new TokenError(`malformed token ${what}`, { cause });
  }
}

export interface VerifyOptions {
  issuer: string;
  audience?: string;
  /** returns the public key for a key id, or undefined when the issuer does not know it */
  key: (kid: string) => Promise<KeyObject | undefined>;
  now?: () => number;
  /** clock skew tolerance, seconds */
  leeway?: number;
}

export async function verifyJwt(token: string, opts: VerifyOptions): Promise<Record<string, unknown>> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new TokenError('a JWT has three parts');
  const header = decodeJson(parts[0], 'header');
  const payload = decodeJson(parts[1], 'payload');
  if (header.alg !== 'RS256') throw new TokenError(`algorithm ${String(header.alg)} is not accepted (RS256 only)`);
  const key = await opts.key(String(header.kid ?? ''));
  if (!key) throw new TokenError(`unknown signing key ${String(header.kid)}`);
  const ok = verifySignature('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), key, b64url(parts[2]));
  if (!ok) throw new TokenError('bad signature');
  const now = Math.floor((opts.now?.() ?? Date.now()) / 1000);
  const leeway = opts.leeway ?? 30;
  if (payload.iss !== opts.issuer) throw new TokenError(`issuer ${String(payload.iss)} is not trusted`);
  if (opts.audience && payload.aud !== opts.audience) throw new TokenError('wrong audience');
  if (typeof payload.exp !== 'number' || payload.exp + leeway < now) throw new TokenError('token expired');
  if (typeof payload.nbf === 'number' && payload.nbf - leeway > now) throw new TokenError('token not yet valid');
  return payload;
}

/** A JWKS fetched once and cached per Lambda instance; refetched when an unknown kid shows up (key rotation). */
export function remoteJwks(url: string, fetchImpl: typeof fetch = fetch) {
  let cache: Map<string, KeyObject> | undefined;
  let fetchedAt = 0;
  const load = async () => {
    const res = await fetchImpl(url);
    if (!res.ok) throw new TokenError(`JWKS ${url} answered ${res.status}`);
    const jwks = (await res.json()) as Jwks;
    cache = new Map(
      jwks.keys
        .filter((k) => k.kty === 'RSA' && k.kid)
        .map((k) => [k.kid as string, createPublicKey({ key: k, format: 'jwk' })]),
    );
    fetchedAt = Date.now();
  };
  return async (kid: string) => {
    if (!cache) await load();
    if (!cache!.has(kid) && Date.now() - fetchedAt > 60_000) await load();
    return cache!.get(kid);
  };
}

/** The claims API.md names, checked. */
export function claimsToCaller(claims: Record<string, unknown>): Caller {
  const sub = claims.sub;
  if (typeof sub !== 'string' || !sub) throw new TokenError('token has no subject');
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
  if (roles.length === 0) throw new TokenError('token carries no known role');
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const region = str(claims.region);
  if (region && !/^\d{6}$/.test(region)) throw new TokenError('region claim is not a 6-digit region code');
  const kiosk = str(claims.kiosk);
  return { sub, name: str(claims.name) ?? sub, roles, dept: str(claims.dept), region, ...(kiosk ? { kiosk } : {}) };
}
