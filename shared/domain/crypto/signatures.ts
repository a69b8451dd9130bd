import { constants, verify, X509Certificate } from 'node:crypto';
import { certificateParts } from './der.ts';
import { SM2_DEFAULT_USER_ID, sm2Verify } from './sm2.ts';

/**
 * Detached signatures and certificate chains as the e-materials of [E13] carry them: SM2 with SM3
 * (GM/T 0009, with the default user ID), ECDSA P-256 with SHA-256, RSA with SHA-256 (PKCS#1 v1.5 or
 * PSS). SM2 is verified by ./sm2.ts (Node's crypto cannot take the user ID); the others by Node.
 */
export type SignatureAlgorithm = 'SM2-with-SM3' | 'ECDSA-P256-SHA256' | 'RSA-SHA256' | 'RSA-PSS-SHA256';

const SM2_CURVE_OID = Buffer.from('06082a811ccf5501822d', 'hex');
const P256_CURVE_OID = Buffer.from('06082a8648ce3d030107', 'hex');
const SM2_WITH_SM3 = '1.2.156.10197.1.501';

/** The kind of a certificate's key: what its signatures are checked with. */
export function keyKind(cert: X509Certificate): 'sm2' | 'p256' | 'rsa' | undefined {
  const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
  if (spki.includes(SM2_CURVE_OID)) return 'sm2';
  if (cert.publicKey.asymmetricKeyType === 'ec') return spki.includes(P256_CURVE_OID) ? 'p256' : undefined;
  if (cert.publicKey.asymmetricKeyType === 'rsa' || cert.publicKey.asymmetricKeyType === 'rsa-pss') return 'rsa';
  return undefined;
}

const sm2Point = (cert: X509Certificate) => {
  const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
  return spki.subarray(spki.length - 65);
};

/** Whether `signature` is the detached signature of `message` by the key of `signer`, and with which algorithm. */
export function verifyDetached(message: Buffer, signature: Buffer, signer: X509Certificate): SignatureAlgorithm | undefined {
  const kind = keyKind(signer);
  try {
    if (kind === 'sm2') return sm2Verify(message, signature, sm2Point(signer), SM2_DEFAULT_USER_ID) ? 'SM2-with-SM3' : undefined;
    if (kind === 'p256') return verify('sha256', message, signer.publicKey, signature) ? 'ECDSA-P256-SHA256' : undefined;
    if (kind === 'rsa') {
      if (verify('sha256', message, { key: signer.publicKey, padding: constants.RSA_PKCS1_PADDING }, signature)) return 'RSA-SHA256';
      if (verify('sha256', message, { key: signer.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, signature)) return 'RSA-PSS-SHA256';
    }
  } catch {
    // a signature that is not even well-formed for the key does not verify
  }
  return undefined;
}

/** Whether `cert` was issued by `issuer`: names chain, and the issuer's key signed it. */
export function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  if (!cert.checkIssued(issuer)) return false;
  const parts = certificateParts(cert.raw);
  if (!parts) return false;
  if (parts.algorithm === SM2_WITH_SM3) return keyKind(issuer) === 'sm2' && sm2Verify(parts.tbs, parts.signature, sm2Point(issuer), SM2_DEFAULT_USER_ID);
  try {
    return cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** A PEM certificate, or undefined when it is not one. */
export function parseCertificate(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

/** The algorithm a certificate's own key signs with, as a name. */
export function algorithmOf(cert: X509Certificate): SignatureAlgorithm | undefined {
  const kind = keyKind(cert);
  return kind === 'sm2' ? 'SM2-with-SM3' : kind === 'p256' ? 'ECDSA-P256-SHA256' : kind === 'rsa' ? 'RSA-SHA256' : undefined;
}
