import { createHash, type X509Certificate } from 'node:crypto';
import { children, oid, readTlv, type Tlv } from './der.ts';
import { parseCertificate, verifyDetached } from './signatures.ts';

/**
 * An RFC 3161 time-stamp token taken apart and checked [E17] [E24], as `openssl ts -verify` checks it:
 * the response granted, the token a CMS SignedData over a TSTInfo, the TSTInfo's message imprint the
 * SHA-256 of the stamped bytes, the signed attributes' message digest that of the TSTInfo, and their
 * signature verifying with the key of a certificate in the token that is for time-stamping only. Who
 * that certificate chains to is the caller's question (the trust anchors).
 */
const OID = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  messageDigest: '1.2.840.113549.1.9.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  timeStamping: '1.3.6.1.5.5.7.3.8',
};
/** the signature algorithms a TSA signs its tokens with that this check takes */
const SIGNATURE_ALGORITHMS = new Set(['1.2.840.10045.4.3.2', '1.2.840.10045.2.1', '1.2.840.113549.1.1.11', '1.2.840.113549.1.1.1', '1.2.840.113549.1.1.10', '1.2.156.10197.1.501']);

export interface TimestampCheck {
  valid: boolean;
  /** why not, when not */
  reason?: string;
  /** genTime, ISO */
  time?: string;
  /** the nonce the TSTInfo carries, hex, if any */
  nonce?: string;
  /** the TSA's certificate, and the others the token carries (its chain, if the TSA sent it) */
  signer?: X509Certificate;
  certificates?: X509Certificate[];
}

const seq = (t: Tlv | undefined, tag = 0x30): Tlv[] => {
  if (!t || t.tag !== tag) throw new RangeError(`expected tag ${tag.toString(16)}`);
  return children(t);
};

/** GeneralizedTime YYYYMMDDHHMMSS[.fff]Z as ISO. */
function generalizedTime(v: Buffer): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d+)?Z$/.exec(v.toString('latin1'));
  if (!m) throw new RangeError('genTime is not a GeneralizedTime in UTC');
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${(m[7] ?? '').slice(0, 4)}Z`).toISOString();
}

/** Checks a TimeStampResp (as the TSA answered) over `stamped`, the bytes it was asked to stamp. */
export function checkTimestamp(response: Buffer, stamped: Buffer): TimestampCheck {
  try {
    const top = readTlv(response);
    if (!top || top.raw.length !== response.length) return { valid: false, reason: 'not one DER TimeStampResp' };
    const [statusInfo, token] = seq(top);
    const status = seq(statusInfo)[0];
    if (status?.tag !== 0x02 || status.value.length !== 1 || status.value[0] > 1) return { valid: false, reason: 'the TSA did not grant the time-stamp' };
    if (!token) return { valid: false, reason: 'the response holds no time-stamp token' };
    const [contentType, explicit] = seq(token);
    if (contentType?.tag !== 0x06 || oid(contentType.value) !== OID.signedData || explicit?.tag !== 0xa0) return { valid: false, reason: 'the token is not a CMS SignedData' };
    const signedData = seq(children(explicit)[0]);
    const encap = seq(signedData[2]);
    if (oid(encap[0].value) !== OID.tstInfo || encap[1]?.tag !== 0xa0) return { valid: false, reason: 'the token does not hold a TSTInfo' };
    const tstOctets = children(encap[1])[0];
    if (tstOctets?.tag !== 0x04) return { valid: false, reason: 'the TSTInfo is not an OCTET STRING' };
    const tst = seq(readTlv(tstOctets.value));
    // TSTInfo ::= SEQUENCE { version, policy, messageImprint, serialNumber, genTime, … }
    const [imprintAlg, hashed] = seq(tst[2]);
    if (oid(seq(imprintAlg)[0].value) !== OID.sha256) return { valid: false, reason: 'the message imprint is not SHA-256' };
    if (!hashed.value.equals(createHash('sha256').update(stamped).digest())) return { valid: false, reason: 'the time-stamp is over other bytes (message imprint differs)' };
    if (tst[4]?.tag !== 0x18) return { valid: false, reason: 'the TSTInfo has no genTime' };
    const time = generalizedTime(tst[4].value);
    // after genTime: accuracy (SEQUENCE), ordering (BOOLEAN), then the nonce, the only INTEGER
    const nonce = tst.slice(5).find((t) => t.tag === 0x02)?.value.toString('hex').replace(/^00/, '');

    const rest = signedData.slice(3);
    const certSet = rest.find((t) => t.tag === 0xa0);
    const certificates = (certSet ? children(certSet) : []).map((c) => parseCertificate(`-----BEGIN CERTIFICATE-----\n${c.raw.toString('base64')}\n-----END CERTIFICATE-----`)).filter((c): c is X509Certificate => !!c);
    const signerInfos = rest.find((t) => t.tag === 0x31);
    // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, … }
    const signerInfo = seq(signerInfos && children(signerInfos)[0]);
    const [version, sid, digestAlg, attrs, sigAlg] = signerInfo;
    if (version?.tag !== 0x02 || version.value.length !== 1 || version.value[0] !== 1 || sid?.tag !== 0x30) return { valid: false, reason: 'the signer info does not name its certificate by issuer and serial number' };
    if (oid(seq(digestAlg)[0].value) !== OID.sha256) return { valid: false, reason: 'the token is not digested with SHA-256' };
    if (!SIGNATURE_ALGORITHMS.has(oid(seq(sigAlg)[0].value))) return { valid: false, reason: 'the token is signed with an algorithm this check does not take' };
    if (attrs?.tag !== 0xa0) return { valid: false, reason: 'the token has no signed attributes' };
    const digestAttr = children(attrs).map((a) => children(a)).find(([type]) => oid(type.value) === OID.messageDigest);
    const digest = digestAttr && children(digestAttr[1])[0];
    if (!digest?.value.equals(createHash('sha256').update(tstOctets.value).digest())) return { valid: false, reason: 'the signed attributes do not cover this TSTInfo' };
    const signature = signerInfo.find((t, i) => i > 3 && t.tag === 0x04);
    if (!signature) return { valid: false, reason: 'the token has no signature' };
    // the signature is over the signed attributes as a SET (tag 0x31), not as their [0] IMPLICIT form
    const signedBytes = Buffer.concat([Buffer.from([0x31]), attrs.raw.subarray(1)]);
    // the certificate the signer info names (issuerAndSerialNumber), and its key verifies the signature
    const serial = children(sid)[1];
    const named = certificates.find((c) => serial?.tag === 0x02 && BigInt(`0x${c.serialNumber}`) === BigInt(`0x${serial.value.toString('hex') || '0'}`) && c.raw.includes(children(sid)[0].raw));
    if (!named) return { valid: false, reason: 'the token does not carry the certificate its signer info names', time };
    const signer = verifyDetached(signedBytes, signature.value, named) ? named : undefined;
    if (!signer) return { valid: false, reason: 'the token’s signature does not verify with the key of the certificate it names', time };
    if (!(signer.keyUsage ?? []).includes(OID.timeStamping)) return { valid: false, reason: 'the signing certificate is not for time-stamping', time };
    const t = Date.parse(time);
    if (t < Date.parse(signer.validFrom) || t > Date.parse(signer.validTo)) return { valid: false, reason: 'the TSA certificate was not valid at the stamped time', time };
    return { valid: true, time, signer, certificates, ...(nonce ? { nonce } : {}) };
  } catch (err) {
    return { valid: false, reason: `the time-stamp is malformed (${(err as Error).message})` };
  }
}
