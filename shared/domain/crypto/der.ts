/** Just enough DER (X.690) to take an X.509 certificate apart: its TBSCertificate, algorithm and signature. */
export interface Tlv {
  tag: number;
  /** the whole element, header included */
  raw: Buffer;
  /** the contents */
  value: Buffer;
}

/** The element at `offset`, or undefined when the bytes there are not one. */
export function readTlv(d: Buffer, offset = 0): Tlv | undefined {
  if (offset + 2 > d.length) return undefined;
  const tag = d[offset];
  let i = offset + 1;
  let len = d[i++];
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 4 || i + n > d.length) return undefined;
    len = 0;
    for (let k = 0; k < n; k++) len = len * 256 + d[i++];
  }
  if (i + len > d.length) return undefined;
  return { tag, raw: d.subarray(offset, i + len), value: d.subarray(i, i + len) };
}

/** The elements a constructed element contains. */
export function children(t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let i = 0; i < t.value.length; ) {
    const c = readTlv(t.value, i);
    if (!c) throw new RangeError('malformed DER');
    out.push(c);
    i += c.raw.length;
  }
  return out;
}

/** An OBJECT IDENTIFIER's contents in dotted form. */
export function oid(value: Buffer): string {
  const parts = [Math.floor(value[0] / 40), value[0] % 40];
  let n = 0;
  for (const b of value.subarray(1)) {
    n = n * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  return parts.join('.');
}

/** certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING } */
export function certificateParts(der: Buffer): { tbs: Buffer; algorithm: string; signature: Buffer } | undefined {
  try {
    const cert = readTlv(der);
    if (!cert || cert.tag !== 0x30 || cert.raw.length !== der.length) return undefined;
    const [tbs, alg, sig] = children(cert);
    if (tbs?.tag !== 0x30 || alg?.tag !== 0x30 || sig?.tag !== 0x03) return undefined;
    const algOid = children(alg)[0];
    if (algOid?.tag !== 0x06) return undefined;
    // a BIT STRING's first content byte counts the unused bits: 0 for a signature
    if (sig.value[0] !== 0) return undefined;
    return { tbs: tbs.raw, algorithm: oid(algOid.value), signature: sig.value.subarray(1) };
  } catch {
    return undefined;
  }
}
