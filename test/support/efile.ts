import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireTool } from './tools';

/**
 * A DA/T 48 package read as an outsider reads it [E24]: with xmllint and OpenSSL alone, nothing of the
 * platform's code. Each check throws with what the tool said when it fails.
 */
export interface OutsideReading {
  dir: string;
  /** the text of an XPath expression's result */
  text(expr: string): string;
  /** the bytes of the part with that 文档标识符, decoded from its base64 */
  part(id: string): Buffer;
  /** what the package states of that part */
  stated(id: string): { sha256: string; size: number; format: string };
  ids(): string[];
  /** `openssl dgst -sha256 -verify` of the signature over the 被签名对象 as xmllint gives it back */
  signatureVerifies(): boolean;
  /** the same over every byte before the 锁定签名 */
  lockVerifies(): boolean;
  /** `openssl ts -verify` of the time-stamp over the signature's bytes, against that TSA root */
  timestampVerifies(caFile: string): boolean;
  /** the time the TSA put in its token */
  timestampTime(): string;
  /**
   * The licence's PDF rendition [E15]: the part licence.pdf hashed by `openssl dgst`, compared with the
   * 摘要值 the licence part names (read with xmllint), and the issuer's signature over
   * `{"document":"application/pdf","licenceId":…,"sha256":…}` checked with the package's key.
   */
  licencePdf(): { licenceId: string; sha256: string; named: string; signatureVerifies: boolean };
}

const run = (cmd: string, args: string[], cwd: string) => {
  try {
    return { ok: true, out: execFileSync(cmd, args, { cwd, stdio: 'pipe' }).toString() };
  } catch (err) {
    return { ok: false, out: String((err as { stderr?: Buffer }).stderr ?? err) };
  }
};

export function readOutside(bytes: Buffer, root = '电子文件封装包'): OutsideReading {
  requireTool('xmllint');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eep-outside-'));
  const file = path.join(dir, 'package.xml');
  fs.writeFileSync(file, bytes);
  execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' });
  const xpath = (expr: string) => execFileSync('xmllint', ['--xpath', expr, file], { maxBuffer: 1 << 30 });
  // libxml2 2.9 refuses a function argument that starts with "/" and a non-ASCII name: "//" it is
  const text = (expr: string) => xpath(`string(${expr.replace(/^\/(?!\/)/, '//')})`).toString().replace(/\n$/, '');
  const doc = (id: string) => `//电子文件数据/文档[文档标识符="${id}"]`;
  const write = (name: string, b: Buffer | string) => fs.writeFileSync(path.join(dir, name), b);
  const publicKey = () => write('pub.pem', `${text(`/${root}/电子签名块/电子签名/证书块/证书`)}\n`);
  return {
    dir,
    text,
    part: (id) => Buffer.from(text(`${doc(id)}/文档数据/编码/编码数据`), 'base64'),
    stated: (id) => ({
      sha256: text(`${doc(id)}/文档数据/编码/电子属性/哈希值`),
      size: Number(text(`${doc(id)}/文档数据/编码/电子属性/计算机文件大小`)),
      format: text(`${doc(id)}/文档数据/编码/电子属性/格式信息`),
    }),
    ids: () => {
      const n = Number(text('count(//电子文件数据/文档)'));
      return Array.from({ length: n }, (_, i) => text(`//电子文件数据/文档[${i + 1}]/文档标识符`));
    },
    signatureVerifies() {
      publicKey();
      write('signed.xml', xpath(`/${root}/被签名对象`));
      write('sig.der', Buffer.from(text(`/${root}/电子签名块/电子签名/签名结果`), 'base64'));
      return run('openssl', ['dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'sig.der', 'signed.xml'], dir).out.includes('Verified OK');
    },
    lockVerifies() {
      publicKey();
      const at = bytes.indexOf(Buffer.from('  <锁定签名>'));
      if (at < 0) return false;
      write('unlocked.xml', bytes.subarray(0, at));
      write('lock.der', Buffer.from(text(`/${root}/锁定签名/签名结果`), 'base64'));
      return run('openssl', ['dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'lock.der', 'unlocked.xml'], dir).out.includes('Verified OK');
    },
    timestampVerifies(caFile) {
      write('sig.der', Buffer.from(text(`/${root}/电子签名块/电子签名/签名结果`), 'base64'));
      write('stamp.tsr', Buffer.from(text(`/${root}/电子签名块/电子签名/时间戳/时间戳数据`), 'base64'));
      return run('openssl', ['ts', '-verify', '-data', 'sig.der', '-in', 'stamp.tsr', '-CAfile', caFile], dir).out.includes('Verification: OK');
    },
    licencePdf() {
      write('licence.xml', this.part('licence'));
      write('licence.pdf', this.part('licence.pdf'));
      const inner = (expr: string) => execFileSync('xmllint', ['--xpath', `string(${expr})`, 'licence.xml'], { cwd: dir }).toString().replace(/\n$/, '');
      const licenceId = inner('//电子证照/证照标识');
      const named = inner('//电子证照/版式文件/摘要值');
      const sha256 = run('openssl', ['dgst', '-sha256', '-r', 'licence.pdf'], dir).out.split(' ')[0];
      publicKey();
      write('pdf-signed.json', `{"document":"application/pdf","licenceId":${JSON.stringify(licenceId)},"sha256":"${named}"}`);
      write('pdf-sig.der', Buffer.from(inner('//电子证照/版式文件/签名值'), 'base64'));
      const signatureVerifies = run('openssl', ['dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'pdf-sig.der', 'pdf-signed.json'], dir).out.includes('Verified OK');
      return { licenceId, sha256, named, signatureVerifies };
    },
    timestampTime() {
      write('stamp.tsr', Buffer.from(text(`/${root}/电子签名块/电子签名/时间戳/时间戳数据`), 'base64'));
      return /Time stamp: (.+)/.exec(run('openssl', ['ts', '-reply', '-in', 'stamp.tsr', '-text'], dir).out)?.[1] ?? '';
    },
  };
}
