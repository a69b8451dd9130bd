import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Certificate authorities, signers and detached signatures made by the OpenSSL command line, as the
 * outside world makes them: SM2 with SM3 and the GM/T 0009 user ID (`-sigopt distid:…`), ECDSA P-256
 * and RSA with SHA-256. Nothing here is made by the code under test.
 */
export type KeyKind = 'sm2' | 'p256' | 'rsa';
const DISTID = ['-sigopt', 'distid:1234567812345678'];
const VFYID = ['-vfyopt', 'distid:1234567812345678'];

const genkey = (kind: KeyKind, out: string) =>
  kind === 'rsa'
    ? ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', out]
    : ['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${kind === 'sm2' ? 'SM2' : 'P-256'}`, '-out', out];
const digest = (kind: KeyKind) => (kind === 'sm2' ? ['-sm3', ...DISTID] : ['-sha256']);

export interface Pki {
  dir: string;
  /** PEM of the root CA, an intermediate CA and the signer's leaf */
  root: string;
  intermediate: string;
  leaf: string;
  leafKey: string;
  /** a detached signature (DER) of `bytes` by the leaf's key, made by `openssl dgst` (or `pkeyutl` for PSS) */
  sign(bytes: Buffer, opts?: { pss?: boolean }): Buffer;
  /** the leaf's private key as hex (for a second implementation to sign with) */
  leafPrivateHex(): string;
}

function openssl(dir: string, args: string[], input?: Buffer): Buffer {
  return execFileSync('openssl', args, { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'] });
}

/**
 * A root → intermediate → leaf chain of `kind`; the leaf valid for a year from now, or between
 * `leafStart` and `leafEnd` (ASN.1 times, e.g. 20200101000000Z) when given.
 */
export function makePki(kind: KeyKind, name: string = kind, opts: { leafStart?: string; leafEnd?: string } = {}): Pki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pki-${name}-`));
  const run = (args: string[], input?: Buffer) => openssl(dir, args, input);
  fs.writeFileSync(path.join(dir, 'ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n');
  fs.writeFileSync(path.join(dir, 'leaf.ext'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n');
  for (const k of ['root', 'int', 'leaf']) run(genkey(kind, `${k}.key`));
  const req = (key: string, subj: string, out: string) => run(['req', '-new', '-utf8', '-key', key, ...digest(kind), '-subj', subj, '-out', out]);
  run(['req', '-x509', '-new', '-utf8', '-key', 'root.key', ...digest(kind), '-subj', `/C=CN/O=测试根CA ${name}/CN=Root ${name}`, '-days', '3650', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', 'root.pem']);
  req('int.key', `/C=CN/O=测试中级CA ${name}/CN=Intermediate ${name}`, 'int.csr');
  run(['x509', '-req', '-in', 'int.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', ...digest(kind), ...(kind === 'sm2' ? VFYID : []), '-days', '1825', '-extfile', 'ca.ext', '-out', 'int.pem']);
  req('leaf.key', `/C=CN/O=雁塔小吃店/CN=张三 ${name}`, 'leaf.csr');
  const validity = opts.leafStart || opts.leafEnd ? ['-not_before', opts.leafStart ?? '20200101000000Z', '-not_after', opts.leafEnd ?? '20351231235959Z'] : ['-days', '365'];
  // `openssl x509 -req` has no -not_before in 3.0; `openssl ca` would; the CA-signed leaf with explicit dates goes through `ca`
  if (opts.leafStart || opts.leafEnd) {
    fs.writeFileSync(path.join(dir, 'index.txt'), '');
    fs.writeFileSync(path.join(dir, 'serial'), '1000\n');
    fs.writeFileSync(
      path.join(dir, 'ca.cnf'),
      `[ca]\ndefault_ca=x\n[x]\ndir=.\ndatabase=index.txt\nserial=serial\nnew_certs_dir=.\npolicy=p\nunique_subject=no\nutf8=yes\n[p]\ncountryName=optional\norganizationName=optional\ncommonName=supplied\n[ext]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n`,
    );
    run(['ca', '-batch', '-config', 'ca.cnf', '-cert', 'int.pem', '-keyfile', 'int.key', '-in', 'leaf.csr', '-md', kind === 'sm2' ? 'sm3' : 'sha256', ...(kind === 'sm2' ? DISTID : []), '-startdate', validity[1], '-enddate', validity[3], '-extensions', 'ext', '-out', 'leaf.pem', '-notext']);
  } else {
    run(['x509', '-req', '-in', 'leaf.csr', '-CA', 'int.pem', '-CAkey', 'int.key', '-CAcreateserial', ...digest(kind), ...(kind === 'sm2' ? VFYID : []), ...validity, '-extfile', 'leaf.ext', '-out', 'leaf.pem']);
  }
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  return {
    dir,
    root: read('root.pem'),
    intermediate: read('int.pem'),
    leaf: read('leaf.pem'),
    leafKey: read('leaf.key'),
    sign(bytes, o = {}) {
      fs.writeFileSync(path.join(dir, 'msg.bin'), bytes);
      if (o.pss) return run(['dgst', '-sha256', '-sign', 'leaf.key', '-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32', 'msg.bin']);
      return run(['dgst', ...digest(kind), '-sign', 'leaf.key', 'msg.bin']);
    },
    leafPrivateHex() {
      const text = run(['pkey', '-in', 'leaf.key', '-text', '-noout']).toString();
      const priv = /priv:\s*([\s\S]*?)\npub:/.exec(text)?.[1] ?? '';
      return priv.replace(/[\s:]/g, '').replace(/^00/, '').padStart(64, '0');
    },
  };
}
