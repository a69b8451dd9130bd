import { authorize } from '../access/gate.ts';
import type { Caller } from '../caller.ts';
import { algorithmOf, parseCertificate } from '../crypto/signatures.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import type { Ports } from '../ports.ts';
import type { TrustAnchor } from '../trust-anchor.ts';

type AnchorPorts = Pick<Ports, 'trustAnchors' | 'staff' | 'authorisations' | 'clock'>;

const who = (c: Caller) => ({ sub: c.sub, name: c.name });
const view = ({ certificate: _pem, ...a }: TrustAnchor) => a;

/**
 * POST /v1/trust-anchors [E13]: an operator adds a certificate authority whose certificates signed
 * materials may chain to. Only a CA certificate of a supported key (SM2, P-256, RSA) that is still
 * valid is taken (422 naming why); the same certificate twice is 409. Recorded with who added it.
 */
export async function addTrustAnchor(ports: AnchorPorts, caller: Caller, req: { name: string; certificate: string }) {
  const now = ports.clock.now();
  await authorize(ports, caller, 'trust_anchor.manage', { kind: 'none' }, now);
  const cert = parseCertificate(req.certificate);
  const problem = !cert ? 'not a PEM X.509 certificate' : !cert.ca ? 'not a CA certificate (basicConstraints CA:TRUE)' : !algorithmOf(cert) ? 'its key is not SM2, P-256 or RSA' : Date.parse(cert.validTo) < now.getTime() ? `expired on ${cert.validTo}` : undefined;
  if (problem || !cert) throw new Invalid(`the certificate cannot be a trust anchor: ${problem}`, [{ path: 'certificate', message: problem ?? 'invalid' }]);
  const at = now.toISOString();
  const anchor: TrustAnchor = {
    anchorId: cert.fingerprint256.replaceAll(':', '').slice(0, 16),
    name: req.name,
    certificate: cert.toString(),
    subject: cert.subject.replaceAll('\n', ', '),
    algorithm: algorithmOf(cert)!,
    fingerprint256: cert.fingerprint256,
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    status: 'active',
    addedAt: at,
    addedBy: who(caller),
  };
  if (!(await ports.trustAnchors.add(anchor, { anchorId: anchor.anchorId, at, by: who(caller), action: 'add' }))) {
    throw new Conflict(`the certificate is trust anchor ${anchor.anchorId} already`, { extra: { anchorId: anchor.anchorId } });
  }
  return view(anchor);
}

/** GET /v1/trust-anchors: every anchor, revoked ones with their revocation, and each one's changes. */
export async function listTrustAnchors(ports: AnchorPorts, caller: Caller) {
  await authorize(ports, caller, 'trust_anchor.read', { kind: 'none' }, ports.clock.now());
  const anchors = await ports.trustAnchors.list();
  return { items: await Promise.all(anchors.map(async (a) => ({ ...view(a), changes: await ports.trustAnchors.changes(a.anchorId) }))) };
}

/**
 * POST /v1/trust-anchors/{anchorId}/revoke [E13]: from now on no signature chains to it; materials
 * filed before keep the check they had. Once: a revoked anchor is 409.
 */
export async function revokeTrustAnchor(ports: AnchorPorts, caller: Caller, anchorId: string, req: { reason: string }) {
  const now = ports.clock.now();
  await authorize(ports, caller, 'trust_anchor.manage', { kind: 'none' }, now);
  const anchor = await ports.trustAnchors.get(anchorId);
  if (!anchor) throw new NotFound(`there is no trust anchor ${anchorId}`);
  const at = now.toISOString();
  const after: TrustAnchor = { ...anchor, status: 'revoked', revocation: { at, by: who(caller), reason: req.reason } };
  if (anchor.status !== 'active' || !(await ports.trustAnchors.revoke(after, { anchorId, at, by: who(caller), action: 'revoke', reason: req.reason }))) {
    throw new Conflict(`trust anchor ${anchorId} is revoked already`, { from: 'revoked', allowed: ['active'] });
  }
  return view(after);
}
