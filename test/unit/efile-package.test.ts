import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { archivalCode, auditXml, licenceXml, lockedPackage, signatureBlock, signedObject, unlockedPackage, type PackagePart } from '#shared/domain/efile/package';
import { escapeText } from '#shared/domain/efile/xml';
import { memoryPorts } from './support/memory-ports';
import { completedCase, seedCatalog } from './support/fixtures';
import { archiveCase } from '#shared/domain/steps/unified-return';
import { requireTool } from '../support/tools';

/**
 * The DA/T 48 package of a case [E24], read as an outsider reads it: xmllint says it is well-formed and
 * gives back the signed object byte for byte; OpenSSL verifies the signature over it and the lock over
 * everything before the lock; every part decodes to its bytes and its SHA-256.
 */
jest.setTimeout(60_000);

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

async function sampleFile() {
  const ports = memoryPorts();
  seedCatalog(ports);
  const caseId = await completedCase(ports);
  await archiveCase(ports, caseId);
  const file = ports.state.cases.get(caseId)!;
  const licence = ports.state.licences.get(file.case.result!.licenceId!)!;
  return { file, licence };
}

describe('the e-file package [E24]', () => {
  let dir: string;
  let pkgPath: string;
  let parts: PackagePart[];
  let signed: string;
  let xml: string;

  beforeAll(async () => {
    requireTool('xmllint');
    const { file, licence } = await sampleFile();
    parts = [
      { id: 'M01', title: '食品经营许可申请书 & <附件> "原件"', kind: 'material', format: 'PDF', fileName: 'M01.pdf', bytes: Buffer.from('%PDF-1.7\n申请书\r\n%%EOF\n') },
      { id: 'receipt', title: '接收回执', kind: 'notice', format: 'PDF', fileName: 'receipt.pdf', bytes: Buffer.alloc(3000, 7) },
      { id: 'licence', title: licence.typeName, kind: 'licence', format: 'XML', fileName: 'licence.xml', bytes: licenceXml(licence) },
      { id: 'audit', title: '审计记录', kind: 'audit', format: 'XML', fileName: 'audit.xml', bytes: auditXml(file) },
    ];
    const input = { file: { ...file, case: { ...file.case, applicant: { ...file.case.applicant, name: '王"小明"\r\n<&>' } } }, licence, parts, deptName: '西安市雁塔区行政审批服务局', retainUntil: '2057-01-01T00:00:00.000Z', createdAt: '2026-06-01T03:00:00.000Z', creator: '陕西政务服务网' };
    signed = signedObject(input);
    const sig = sign('sha256', Buffer.from(signed), keys.privateKey).toString('base64');
    const unlocked = unlockedPackage(signed, signatureBlock({ value: sig, algorithm: 'ECDSA-P256-SHA256', signer: '陕西政务服务网', publicKey, keyId: 'local', signedAt: '2026-06-01T03:00:00.000Z' }));
    xml = lockedPackage(unlocked, { value: sign('sha256', Buffer.from(unlocked), keys.privateKey).toString('base64'), algorithm: 'ECDSA-P256-SHA256', signedAt: '2026-06-01T03:00:00.000Z' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eep-'));
    pkgPath = path.join(dir, 'package.xml');
    fs.writeFileSync(pkgPath, xml);
    fs.writeFileSync(path.join(dir, 'pub.pem'), publicKey);
  });

  const xpath = (expr: string) => execFileSync('xmllint', ['--xpath', expr, pkgPath]);
  // xmllint ends a result with a newline of its own; and libxml2 2.9 parses a function's argument that
  // starts with "/" and a non-ASCII name as invalid, so those paths start with "//" (the root is unique)
  const text = (expr: string) => xpath(`string(${expr.replace(/^\/(?!\/)/, '//')})`).toString().replace(/\n$/, '');

  test('is well-formed XML with the DA/T 48 root and blocks, every part and its own audit trail and licence well-formed too', () => {
    execFileSync('xmllint', ['--noout', pkgPath]);
    expect(text('name(/*)')).toBe('电子文件封装包');
    expect(text('count(//电子文件封装包/被签名对象/封装内容/文件实体块/文件实体/电子文件数据/文档)')).toBe('4');
    for (const p of parts.filter((x) => x.format === 'XML')) {
      fs.writeFileSync(path.join(dir, `${p.id}.xml`), p.bytes);
      execFileSync('xmllint', ['--noout', path.join(dir, `${p.id}.xml`)]);
    }
  });

  test('xmllint gives back the signed object byte for byte, and OpenSSL verifies the signature over it', () => {
    const extracted = xpath('/电子文件封装包/被签名对象');
    expect(extracted.toString()).toBe(signed);
    fs.writeFileSync(path.join(dir, 'signed.xml'), extracted);
    fs.writeFileSync(path.join(dir, 'sig.der'), Buffer.from(text('/电子文件封装包/电子签名块/电子签名/签名结果'), 'base64'));
    expect(execFileSync('openssl', ['dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'sig.der', 'signed.xml'], { cwd: dir }).toString()).toContain('Verified OK');
    // a changed title no longer verifies
    fs.writeFileSync(path.join(dir, 'signed.xml'), extracted.toString().replace('食品经营许可', '食品经营许可X'));
    expect(() => execFileSync('openssl', ['dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'sig.der', 'signed.xml'], { cwd: dir, stdio: 'pipe' })).toThrow();
  });

  test('the lock signs every byte before it', () => {
    const bytes = fs.readFileSync(pkgPath);
    const at = bytes.indexOf(Buffer.from('  <锁定签名>'));
    fs.writeFileSync(path.join(dir, 'unlocked.xml'), bytes.subarray(0, at));
    fs.writeFileSync(path.join(dir, 'lock.der'), Buffer.from(text('/电子文件封装包/锁定签名/签名结果'), 'base64'));
    expect(execFileSync('openssl', ['dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'lock.der', 'unlocked.xml'], { cwd: dir }).toString()).toContain('Verified OK');
  });

  test('every part decodes to its bytes, with the size and SHA-256 the package states', () => {
    for (const [i, p] of parts.entries()) {
      const doc = `/电子文件封装包/被签名对象/封装内容/文件实体块/文件实体/电子文件数据/文档[${i + 1}]`;
      const decoded = Buffer.from(text(`${doc}/文档数据/编码/编码数据`), 'base64');
      expect([p.id, decoded.equals(p.bytes)]).toEqual([p.id, true]);
      expect(text(`${doc}/文档数据/编码/电子属性/哈希值`)).toBe(sha(p.bytes));
      expect(text(`${doc}/文档数据/编码/电子属性/计算机文件大小`)).toBe(String(p.bytes.length));
      expect(text(`${doc}/文档标识符`)).toBe(p.id);
    }
  });

  test('metadata in DA/T 46 terms: 档号, 保管期限, 责任者, 题名 with what the applicant typed escaped', () => {
    const entity = '/电子文件封装包/被签名对象/封装内容/文件实体块/文件实体';
    expect(text(`${entity}/档号/档号值`)).toMatch(/^610113-XZSP-2026-D30-ZW\d{8}[0-9A-Z]{10}$/);
    expect(text(`${entity}/保管期限`)).toBe('30年');
    expect(text(`${entity}/责任者`)).toBe('西安市雁塔区行政审批服务局');
    expect(text(`${entity}/内容描述/题名`)).toContain('王"小明"\r\n<&>');
  });

  test('the 档号 names 全宗, year, retention and the case', () => {
    expect(archivalCode('610113-XZSP', '2026-12-31T17:00:00Z', 'permanent', 'ZW20261231AAAAAAAAAA')).toBe('610113-XZSP-2027-Y-ZW20261231AAAAAAAAAA');
    expect(escapeText('a\u0001b')).toBe('a\ufffdb');
  });
});
