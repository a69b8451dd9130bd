import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';

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
export function signJwt(key: Pick<IssuerKey, 'kid' | 'privateKey'>, payload: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const input = `${b64url({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header })}.${b64url(payload)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key.privateKey).toString('base64url');
  return `${input}.${signature}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** An issuer's JWKS endpoint on loopback, as jose's remote key set fetches it: counts its calls, may fail or be slow. */
export async function jwksServer(jwks: () => { keys: Record<string, unknown>[] }, status = 200, delayMs = 0) {
  let calls = 0;
  const server = http.createServer((req, res) => {
    calls++;
    setTimeout(() => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(jwks()));
    }, delayMs).unref();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    calls: () => calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()) && server.closeAllConnections()),
  };
}
