/**
 * A trust anchor (信任锚) [E13]: a certificate authority whose certificates the platform accepts on
 * signed materials, added and revoked by an operator, every change recorded. A signature is checked
 * against the anchors in force when its material is filed.
 */
export interface TrustAnchor {
  /** the first 16 hex digits of the certificate's SHA-256 fingerprint: one anchor per certificate */
  anchorId: string;
  name: string;
  certificate: string;
  subject: string;
  algorithm: string;
  fingerprint256: string;
  notBefore: string;
  notAfter: string;
  status: 'active' | 'revoked';
  addedAt: string;
  addedBy: { sub: string; name: string };
  revocation?: { at: string; by: { sub: string; name: string }; reason: string };
}

/** Whether an anchor vouches for a signature made at `at`: added before, not revoked by then, and within its validity. */
export function anchorInForce(a: Pick<TrustAnchor, 'status' | 'addedAt' | 'notBefore' | 'notAfter' | 'revocation'>, at: string): boolean {
  const t = Date.parse(at);
  if (Date.parse(a.addedAt) > t) return false;
  if (a.revocation && Date.parse(a.revocation.at) <= t) return false;
  return Date.parse(a.notBefore) <= t && t <= Date.parse(a.notAfter);
}

/** What an anchor's record of changes holds, one entry per change. */
export interface TrustAnchorChange {
  anchorId: string;
  at: string;
  by: { sub: string; name: string };
  action: 'add' | 'revoke';
  reason?: string;
}
