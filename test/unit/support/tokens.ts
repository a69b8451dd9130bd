import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** An RSA signing key as an issuer holds it: the private key, and the public half as a JWK with its kid. */
export interface IssuerKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: Record<string, unknown>;
}

export function makeIssuerKey(kid: string): IssuerKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}

const b64url = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** Signs a JWT with RSA-SHA256; `header` overrides the default `{alg: 'RS256', typ: 'JWT', kid}`. */
export function signJwt(key: IssuerKey, payload: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const input = `${b64url({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header })}.${b64url(payload)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key.privateKey).toString('base64url');
  return `${input}.${signature}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A fetch that serves a JWKS document and counts its calls. */
export function jwksFetch(jwks: () => { keys: Record<string, unknown>[] }, status = 200) {
  const calls: string[] = [];
  const impl = (async (url: string | URL | Request) => {
    calls.push(String(url));
    return new Response(JSON.stringify(jwks()), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { impl, calls };
}
