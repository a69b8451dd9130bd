import type { X509Certificate } from 'node:crypto';
import { algorithmOf, issuedBy, parseCertificate, verifyDetached, type SignatureAlgorithm } from '../crypto/signatures.ts';
import { anchorInForce, type TrustAnchor } from '../trust-anchor.ts';

export const MAX_CHAIN = 5;

export type SignatureCheck =
  | { valid: true; signer: string; algorithm: SignatureAlgorithm; anchor: string }
  | { valid: false; reason: string };

const commonName = (cert: X509Certificate) => /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1] ?? cert.subject.replaceAll('\n', ', ');
const inValidity = (cert: X509Certificate, t: number) => Date.parse(cert.validFrom) <= t && t <= Date.parse(cert.validTo);

/**
 * A digitally signed e-material [E13]: `signature` is the detached signature of `message` by the first
 * certificate of `chain` (PEM, the signer's own first, then each issuer in turn); every certificate is
 * within its validity at `at`, each is issued by the next, an issuer is a CA, and the last is an anchor
 * in force at `at` or issued by one. Returns who signed, with what, under which anchor; or why not.
 */
export function checkSignedMaterial(message: Buffer, signature: Buffer, chain: string[], anchors: TrustAnchor[], at: string): SignatureCheck {
  if (!chain.length || chain.length > MAX_CHAIN) return { valid: false, reason: `a signature comes with 1 to ${MAX_CHAIN} certificates, the signer's first` };
  const certs = chain.map(parseCertificate);
  const bad = certs.findIndex((c) => !c);
  if (bad >= 0) return { valid: false, reason: `certificate ${bad} is not a PEM X.509 certificate` };
  const cs = certs as X509Certificate[];
  const chained = checkChain(cs, anchors, at);
  if ('reason' in chained) return { valid: false, reason: chained.reason };
  const anchor = chained.anchor;
  const algorithm = verifyDetached(message, signature, cs[0]);
  if (!algorithm) return { valid: false, reason: `the signature does not verify with the key of ${commonName(cs[0])} (${algorithmOf(cs[0]) ?? 'unsupported key'})` };
  return { valid: true, signer: commonName(cs[0]), algorithm, anchor: anchor.anchorId };
}

/**
 * A certificate chain (the end entity's first, then each issuer in turn) to a trust anchor in force at
 * `at`: every certificate within its validity, each issued by the next, every issuer a CA, the last an
 * anchor or issued by one. Signed materials [E13] and the archive's time-stamps [E24] are checked so.
 */
export function checkChain(cs: X509Certificate[], anchors: TrustAnchor[], at: string): { anchor: TrustAnchor } | { reason: string } {
  const t = Date.parse(at);
  const outside = cs.findIndex((c) => !inValidity(c, t));
  if (outside >= 0) return { reason: `certificate ${outside} (${commonName(cs[outside])}) is not valid on ${at.slice(0, 10)}: ${cs[outside].validFrom} – ${cs[outside].validTo}` };
  for (let i = 0; i + 1 < cs.length; i++) {
    if (!cs[i + 1].ca) return { reason: `certificate ${i + 1} (${commonName(cs[i + 1])}) is not a CA certificate` };
    if (!issuedBy(cs[i], cs[i + 1])) return { reason: `certificate ${i} is not issued by certificate ${i + 1}` };
  }
  const last = cs[cs.length - 1];
  const inForce = anchors.filter((a) => anchorInForce(a, at));
  const anchor = inForce.find((a) => a.fingerprint256 === last.fingerprint256) ?? inForce.map((a) => ({ a, cert: parseCertificate(a.certificate) })).find(({ cert }) => cert?.ca && issuedBy(last, cert))?.a;
  return anchor ? { anchor } : { reason: 'the certificate chain does not end at a trust anchor in force' };
}
