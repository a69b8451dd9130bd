import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';

/**
 * A local OIDC issuer (API.md "Identity", local only): it signs RS256 test tokens with a key made at
 * start, for the configured audience unless told otherwise, and publishes the public half as a JWKS
 * that the real authorizer fetches and verifies.
 */
export class LocalIssuer {
  readonly kid = `local-${randomUUID().slice(0, 8)}`;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor(
    readonly issuer: string,
    /** the audience tokens are issued for by default: the one the API is configured with */
    readonly audience: string,
  ) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  jwks() {
    return { keys: [{ ...this.publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' }] };
  }

  sign(claims: Record<string, unknown>, ttlSeconds = 3600): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid };
    // defaults first: every claim given is signed as given, so tests can make bad tokens too
    const payload = { iss: this.issuer, aud: this.audience, iat: now, nbf: now, exp: now + ttlSeconds, ...claims };
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const input = `${enc(header)}.${enc(payload)}`;
    const sig = createSign('RSA-SHA256').update(input).sign(this.privateKey).toString('base64url');
    return `${input}.${sig}`;
  }
}

const badRequest = (detail: string) => ({ status: 400, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ type: 'about:blank', title: 'Bad Request', status: 400, detail }) });

/** The answer to `POST …/token` with JSON claims (and an optional ttlSeconds): `{token}`, or a problem. */
export function tokenAnswer(issuer: LocalIssuer, body: string): { status: number; headers?: Record<string, string>; body: string } {
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(body);
  } catch {
    return badRequest('body must be JSON claims');
  }
  if (!claims || typeof claims !== 'object') return badRequest('body must be JSON claims');
  const { ttlSeconds, ...rest } = claims as { ttlSeconds?: number };
  if (ttlSeconds !== undefined && !Number.isFinite(ttlSeconds)) return badRequest('ttlSeconds is a number');
  return { status: 200, body: JSON.stringify({ token: issuer.sign(rest, ttlSeconds ?? 3600) }) };
}
