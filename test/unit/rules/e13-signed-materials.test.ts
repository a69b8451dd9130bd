import { X509Certificate } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { sm2Verify } from '#shared/domain/crypto/sm2';
import { checkSignedMaterial } from '#shared/domain/rules/e13-signed-materials';
import type { TrustAnchor } from '#shared/domain/trust-anchor';
import { makePki, type KeyKind, type Pki } from '../../support/pki';

/**
 * Signed e-materials [E13], proven on what others make: certificate chains and detached signatures from
 * the OpenSSL command line (SM2 with SM3 and the GM/T 0009 user ID, ECDSA P-256, RSA), and SM2
 * signatures from a second, independent implementation (sm-crypto-v2). A flipped byte never verifies.
 */
jest.setTimeout(60_000);

// the fixtures' certificates begin when they are made: filings are checked a minute later
const NOW = new Date(Date.now() + 120_000).toISOString();
const anchorOf = (pem: string, extra: Partial<TrustAnchor> = {}): TrustAnchor => {
  const c = new X509Certificate(pem);
  return { anchorId: c.fingerprint256.replaceAll(':', '').slice(0, 16), name: 'root', certificate: pem, subject: c.subject, algorithm: 'x', fingerprint256: c.fingerprint256, notBefore: new Date(c.validFrom).toISOString(), notAfter: new Date(c.validTo).toISOString(), status: 'active', addedAt: '2020-01-01T00:00:00Z', addedBy: { sub: 'op', name: 'op' }, ...extra };
};
const flip = (b: Buffer, i = b.length >> 1) => {
  const c = Buffer.from(b);
  c[i] ^= 0x01;
  return c;
};
const material = Buffer.from('%PDF-1.7\n营业执照 扫描件\n%%EOF\n');

const pkis = {} as Record<KeyKind, Pki>;
beforeAll(() => {
  for (const k of ['sm2', 'p256', 'rsa'] as const) pkis[k] = makePki(k);
});

describe.each([
  ['sm2', 'SM2-with-SM3'],
  ['p256', 'ECDSA-P256-SHA256'],
  ['rsa', 'RSA-SHA256'],
] as const)('%s signatures made by OpenSSL', (kind, algorithm) => {
  test(`verify through leaf → intermediate → anchor, as ${algorithm}`, () => {
    const p = pkis[kind];
    expect(checkSignedMaterial(material, p.sign(material), [p.leaf, p.intermediate], [anchorOf(p.root)], NOW)).toEqual({ valid: true, signer: `张三 ${kind}`, algorithm, anchor: anchorOf(p.root).anchorId });
  });

  test('a flipped byte of the material or of the signature does not verify', () => {
    const p = pkis[kind];
    const sig = p.sign(material);
    expect(checkSignedMaterial(flip(material), sig, [p.leaf, p.intermediate], [anchorOf(p.root)], NOW)).toMatchObject({ valid: false, reason: expect.stringContaining('does not verify') });
    expect(checkSignedMaterial(material, flip(sig, sig.length - 3), [p.leaf, p.intermediate], [anchorOf(p.root)], NOW).valid).toBe(false);
  });

  test('a certificate altered after issue, an untrusted root, a revoked anchor or one added later does not verify', () => {
    const p = pkis[kind];
    const sig = p.sign(material);
    const der = new X509Certificate(p.intermediate).raw;
    const tampered = `-----BEGIN CERTIFICATE-----\n${flip(der, 200).toString('base64')}\n-----END CERTIFICATE-----\n`;
    expect(checkSignedMaterial(material, sig, [p.leaf, tampered], [anchorOf(p.root)], NOW).valid).toBe(false);
    expect(checkSignedMaterial(material, sig, [p.leaf, p.intermediate], [anchorOf(pkis[kind === 'rsa' ? 'p256' : 'rsa'].root)], NOW)).toMatchObject({ reason: 'the certificate chain does not end at a trust anchor in force' });
    expect(checkSignedMaterial(material, sig, [p.leaf, p.intermediate], [anchorOf(p.root, { status: 'revoked', revocation: { at: '2021-01-01T00:00:00Z', by: { sub: 'op', name: 'op' }, reason: 'x' } })], NOW).valid).toBe(false);
    expect(checkSignedMaterial(material, sig, [p.leaf, p.intermediate], [anchorOf(p.root, { addedAt: '2999-01-01T00:00:00Z' })], NOW).valid).toBe(false);
    // the leaf is not a CA: it vouches for no one
    expect(checkSignedMaterial(material, sig, [p.leaf, p.leaf], [anchorOf(p.root)], NOW)).toMatchObject({ reason: expect.stringContaining('not a CA') });
  });
});

describe('SM2 as GM/T 0009 says', () => {
  test('a signature by a second implementation (sm-crypto-v2, user ID 1234567812345678, DER) verifies; under another user ID it does not', () => {
    const p = pkis.sm2;
    const priv = p.leafPrivateHex();
    const pub = sm2.getPublicKeyFromPrivateKey(priv);
    const sigHex = sm2.doSignature(material, priv, { der: true, hash: true, userId: '1234567812345678' });
    const sig = Buffer.from(sigHex, 'hex');
    expect(checkSignedMaterial(material, sig, [p.leaf, p.intermediate], [anchorOf(p.root)], NOW)).toMatchObject({ valid: true, algorithm: 'SM2-with-SM3' });
    expect(sm2Verify(material, sig, Buffer.from(pub, 'hex'), '1234567812345678')).toBe(true);
    const otherId = Buffer.from(sm2.doSignature(material, priv, { der: true, hash: true, userId: 'ALICE123@YAHOO.COM' }), 'hex');
    expect(checkSignedMaterial(material, otherId, [p.leaf, p.intermediate], [anchorOf(p.root)], NOW).valid).toBe(false);
    // and what this verifier accepts, the second implementation accepts too
    expect(sm2.doVerifySignature(material, p.sign(material).toString('hex'), pub, { der: true, hash: true, userId: '1234567812345678' })).toBe(true);
  });

  test('the published example on the recommended curve verifies (key of d = 3945208F…, "message digest", user ID 1234567812345678)', () => {
    // the key pair and (r, s) of the GB/T 32918.5 / GM/T 0003.5 example, also checked by sm-crypto-v2
    const pub = Buffer.from('04' + '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' + 'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13', 'hex');
    const r = 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3';
    const s = 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa';
    const der = (h: string) => (parseInt(h[0], 16) >= 8 ? '00' + h : h);
    const ri = der(r);
    const si = der(s);
    const body = `02${(ri.length / 2).toString(16).padStart(2, '0')}${ri}02${(si.length / 2).toString(16).padStart(2, '0')}${si}`;
    const sig = Buffer.from(`30${(body.length / 2).toString(16).padStart(2, '0')}${body}`, 'hex');
    expect(sm2.doVerifySignature('message digest', r + s, pub.toString('hex'), { hash: true, userId: '1234567812345678' })).toBe(true);
    expect(sm2Verify(Buffer.from('message digest'), sig, pub)).toBe(true);
    expect(sm2Verify(Buffer.from('message digesT'), sig, pub)).toBe(false);
    expect(sm2Verify(Buffer.from('message digest'), sig, pub, 'ALICE123@YAHOO.COM')).toBe(false);
  });
});

describe('RSA-PSS, and validity in time', () => {
  test('an RSA-PSS signature (SHA-256) made by OpenSSL verifies as such', () => {
    const p = pkis.rsa;
    expect(checkSignedMaterial(material, p.sign(material, { pss: true }), [p.leaf, p.intermediate], [anchorOf(p.root)], NOW)).toMatchObject({ valid: true, algorithm: 'RSA-PSS-SHA256' });
  });

  test('a signer certificate already expired when the material is filed does not verify', () => {
    const p = makePki('p256', 'expired', { leafStart: '20200101000000Z', leafEnd: '20210101000000Z' });
    expect(checkSignedMaterial(material, p.sign(material), [p.leaf, p.intermediate], [anchorOf(p.root)], NOW)).toMatchObject({ valid: false, reason: expect.stringContaining('is not valid on') });
  });

  test('junk is refused with a reason, never a throw', () => {
    const p = pkis.p256;
    expect(checkSignedMaterial(material, Buffer.from('junk'), [p.leaf, p.intermediate], [anchorOf(p.root)], NOW).valid).toBe(false);
    expect(checkSignedMaterial(material, p.sign(material), ['not a pem'], [anchorOf(p.root)], NOW)).toMatchObject({ reason: 'certificate 0 is not a PEM X.509 certificate' });
    expect(checkSignedMaterial(material, p.sign(material), [], [], NOW).valid).toBe(false);
  });
});
