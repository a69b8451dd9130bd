/**
 * Who is looking at the page: a supervisor's bearer token from the platform's identity provider (API.md
 * "Identity"). Three ways in: a link carrying the token in its fragment (`#token=<JWT>`, never sent to a
 * server), the local runtime's sign-in (`POST /local/token`, local only), or on AWS the province's OIDC
 * provider with the authorization-code flow and PKCE. The token is kept for the tab only
 * (sessionStorage), and the page reads its claims for display only: the API decides what it may see.
 */
export interface SiteConfig {
  /** `local`: the local runtime's test issuer; `oidc`: the identity provider the API trusts */
  signIn: 'local' | 'oidc';
  /** local: where tokens are issued */
  tokenUrl?: string;
  /** oidc: the issuer (its /.well-known/openid-configuration) and the client id the API's audience names */
  issuer?: string;
  clientId?: string;
}

export interface Claims {
  sub: string;
  name?: string;
  roles?: string[];
  region?: string;
  exp?: number;
}

const KEY = 'zwfw.supervision.token';

/** A JWT's payload, unverified: only to show who is signed in and until when. */
export function claimsOf(token: string): Claims | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Claims;
  } catch {
    return undefined;
  }
}

/** The token a link carries in its fragment, taken out of the address bar so it is not bookmarked or shared on. */
export function tokenFromFragment(): string | undefined {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!m) return undefined;
  history.replaceState(null, '', location.pathname + location.search);
  return decodeURIComponent(m[1]);
}

export function saved(now = Date.now()): string | undefined {
  const t = sessionStorage.getItem(KEY) ?? undefined;
  const exp = t ? claimsOf(t)?.exp : undefined;
  if (t && exp !== undefined && exp * 1000 <= now) {
    sessionStorage.removeItem(KEY);
    return undefined;
  }
  return t;
}

export const keep = (token: string) => sessionStorage.setItem(KEY, token);
export const forget = () => sessionStorage.removeItem(KEY);

/** Local runtime only: a supervisor token for the region chosen, from the local issuer. */
export async function localSignIn(config: SiteConfig, who: { name: string; region: string }): Promise<string> {
  const sub = `supervisor-${who.region}-${Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
  const r = await fetch(config.tokenUrl ?? '/local/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub, name: who.name, roles: ['supervisor'], region: who.region }) });
  if (!r.ok) throw new Error(`the local sign-in answered ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}

// ── OIDC authorization code with PKCE (RFC 7636), for the province's identity provider ────────────

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const PKCE = 'zwfw.supervision.pkce';

async function discovery(issuer: string): Promise<{ authorization_endpoint: string; token_endpoint: string }> {
  const r = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!r.ok) throw new Error(`the identity provider's configuration answered ${r.status}`);
  return r.json();
}

const redirectUri = () => `${location.origin}${location.pathname}`;

/** Sends the browser to the identity provider; it comes back with `?code=&state=`. */
export async function oidcSignIn(config: SiteConfig): Promise<void> {
  const d = await discovery(config.issuer!);
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state }));
  const q = new URLSearchParams({ response_type: 'code', client_id: config.clientId!, redirect_uri: redirectUri(), scope: 'openid', state, code_challenge: challenge, code_challenge_method: 'S256' });
  location.assign(`${d.authorization_endpoint}?${q}`);
}

/** On the way back from the identity provider: the code exchanged for the ID token the API verifies. */
export async function oidcCallback(config: SiteConfig): Promise<string | undefined> {
  const q = new URLSearchParams(location.search);
  const code = q.get('code');
  if (!code) return undefined;
  const pending = JSON.parse(sessionStorage.getItem(PKCE) ?? 'null') as { verifier: string; state: string } | null;
  sessionStorage.removeItem(PKCE);
  history.replaceState(null, '', location.pathname);
  // a code this tab did not ask for (a forged or replayed link) is not exchanged
  if (!pending || q.get('state') !== pending.state) throw new Error('the sign-in came back with a state this page did not send');
  const d = await discovery(config.issuer!);
  const r = await fetch(d.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri(), client_id: config.clientId!, code_verifier: pending.verifier }),
  });
  if (!r.ok) throw new Error(`the identity provider refused the sign-in (${r.status})`);
  return ((await r.json()) as { id_token: string }).id_token;
}
