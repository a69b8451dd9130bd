import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { sha256Hex } from '#shared/domain/audit';
import type { ArchiveRecord } from '#shared/domain/case';
import type { CaseFile } from '#shared/domain/case-file';
import { assemblePackage } from '#shared/domain/efile/assemble';
import type { Signer } from '#shared/domain/ports';
import { checkPackage, duplicateCodes, PUBLIC_ACCESS_FLAGS, type PackageUnderCheck, type StoreReport } from '#shared/domain/rules/e18-four-properties';
import type { TrustAnchor } from '#shared/domain/trust-anchor';
import { archiveCase } from '#shared/domain/steps/unified-return';
import { formatReader } from '#shared/adapters/formats';
import { freePort } from '../../../local/engines/dynamodb';
import { startTsa, type LocalTsa } from '../../../local/tsa';
import { memoryPorts, type MemoryPorts } from '../support/memory-ports';
import { completedCase, seedCatalog } from '../support/fixtures';
import { requireTool } from '../../support/tools';
import { minimalPdf } from '../../support/minimal-pdf';

/**
 * 四性检测 [E18] on packages made by the real assembler, signed with a real P-256 key and time-stamped
 * by OpenSSL's own TSA: a sound package passes every item; each deliberate damage is caught at the
 * property and item it breaks.
 */
jest.setTimeout(60_000);

const keyPair = () => {
  const k = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = k.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const signer: Signer = {
    sign: async (d) => ({ signature: sign('sha256', Buffer.from(d), k.privateKey).toString('base64'), keyId: 'test' }),
    verify: async (d, s) => verify('sha256', Buffer.from(d), k.publicKey, Buffer.from(s, 'base64')),
    publicKey: async () => pem,
  };
  return { signer, pem };
};
const platform = keyPair();
let tsa: LocalTsa;
let anchors: TrustAnchor[];

beforeAll(async () => {
  requireTool('openssl');
  tsa = await startTsa({ dir: `${require('node:os').tmpdir()}/zwfw-tsa-unit-${process.pid}`, port: await freePort() });
  process.env.TSA_URL = tsa.url;
  const root = new (require('node:crypto').X509Certificate)(tsa.caPem);
  anchors = [{ anchorId: 'TSA-ROOT', name: '本地时间戳服务根证书', certificate: tsa.caPem, subject: root.subject, algorithm: 'ECDSA-P256-SHA256', fingerprint256: root.fingerprint256, notBefore: new Date(root.validFrom).toISOString(), notAfter: new Date(root.validTo).toISOString(), status: 'active', addedAt: '2026-01-01T00:00:00.000Z', addedBy: { sub: 'op', name: 'op' } }];
});
afterAll(() => tsa?.stop());

const SOUND_STORE: StoreReport = { lock: { mode: 'COMPLIANCE', retainUntil: '2057-01-01T00:00:00.000Z', legalHold: false }, versions: 1, encryption: { algorithm: 'aws:kms', keyId: 'arn:key/archive' }, publicAccess: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } };

async function archived(): Promise<{ ports: MemoryPorts; under: PackageUnderCheck }> {
  const { timestampAuthority } = await import('#shared/adapters/tsa/client');
  const ports = memoryPorts();
  seedCatalog(ports);
  ports.signer = platform.signer;
  ports.timestamps = timestampAuthority;
  const caseId = await completedCase(ports);
  await archiveCase(ports, caseId);
  const file = ports.state.cases.get(caseId)!;
  const record = file.case.archive!;
  const bytes = ports.state.archive.get(record.key)![0].bytes;
  return { ports, under: { record, file, bytes, store: SOUND_STORE, platformKey: platform.pem, anchors, expectedKmsKey: 'arn:key/archive', requiredPublicAccess: PUBLIC_ACCESS_FLAGS } };
}

/** A package made again from a changed case file (signed and stamped as soundly), checked against the real one. */
async function remade(ports: MemoryPorts, under: PackageUnderCheck, change: (f: CaseFile) => CaseFile, signer = platform.signer) {
  const f = change(structuredClone(under.file));
  const archivedAt = f.events.findIndex((e) => e.action === 'archive');
  const pkg = await assemblePackage({ ...ports, signer }, { file: { ...f, events: f.events.slice(0, archivedAt) }, licence: ports.state.licences.get(f.case.result!.licenceId!), deptName: '西安市雁塔区行政审批服务局', retainUntil: under.record.retainUntil, createdAt: under.record.archivedAt });
  const record: ArchiveRecord = { ...under.record, sha256: pkg.sha256, bytes: pkg.bytes.length, parts: pkg.parts };
  return { ...under, bytes: pkg.bytes, record };
}

const items = (r: { failed: { property: string; item: string }[] }) => [...new Set(r.failed.map((f) => `${f.property}/${f.item}`))].sort();

describe('the four properties of a package [E18]', () => {
  test('a sound package passes every item, with nothing left unchecked', async () => {
    const { under } = await archived();
    expect(await checkPackage(under, formatReader)).toEqual({ failed: [], notChecked: [] });
  });

  test('a flipped byte inside a material: integrity (the package’s, the part’s and the material’s hash), authenticity (the signature and lock), usability (the PDF no longer opens)', async () => {
    const { under } = await archived();
    const bytes = Buffer.from(under.bytes);
    const at = bytes.indexOf(Buffer.from('<编码数据>')) + 20;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    expect(items(await checkPackage({ ...under, bytes }, formatReader))).toEqual(['authenticity/lock', 'authenticity/signature', 'integrity/materials', 'integrity/package_hash', 'integrity/part_hash', 'usability/part_format']);
  });

  test('a notice left out, though the package is soundly signed: integrity/notices and the count the record states', async () => {
    const { ports, under } = await archived();
    const gone = under.file.notices[1].noticeId;
    const r = await checkPackage(await remade(ports, under, (f) => ({ ...f, notices: f.notices.filter((n) => n.noticeId !== gone) })), formatReader);
    expect(items(r)).toEqual(['integrity/notices']);
    expect(r.failed[0].detail).toContain(gone);
  });

  test('a material that is not the version intake checked: integrity/materials', async () => {
    const { ports, under } = await archived();
    const m = under.file.case.materials.find((x) => x.objectKey)!;
    const r = await checkPackage(
      await remade(ports, under, (f) => {
        ports.state.uploads.get(m.objectKey!)!.bytes = Buffer.from('%PDF-1.4 other');
        f.case.materials = f.case.materials.map((x) => (x.code === m.code ? { ...x, sha256: sha256Hex(Buffer.from('%PDF-1.4 other')) } : x));
        return f;
      }),
      formatReader,
    );
    expect(items(r)).toEqual(['integrity/materials', 'usability/part_format']);
    expect(r.failed.find((f) => f.item === 'part_format')!.detail).toContain(`part ${m.code}: does not open as a PDF`);
  });

  test('a licence PDF swapped for another, its hash written into the licence part, the package soundly signed: authenticity/licence (the issuer never signed that PDF) [E15]', async () => {
    const { ports, under } = await archived();
    const l = ports.state.licences.get(under.file.case.result!.licenceId!)!;
    const other = minimalPdf('某某许可证 another rendition');
    ports.state.documents.set(l.pdf!.key, other);
    l.pdf = { ...l.pdf!, sha256: sha256Hex(other), bytes: other.length };
    const r = await checkPackage(await remade(ports, under, (f) => f), formatReader);
    expect(items(r)).toEqual(['authenticity/licence']);
  });

  test('a package without the licence the case issued, as data and as PDF: integrity/licence', async () => {
    const { ports, under } = await archived();
    ports.state.licences.delete(under.file.case.result!.licenceId!);
    const r = await checkPackage(await remade(ports, under, (f) => f), formatReader);
    expect(items(r)).toEqual(['integrity/licence']);
    expect(r.failed[0].detail).toContain(under.file.case.result!.licenceId!);
  });

  test('a package signed with another key: authenticity/signing_key, though its signature verifies with the key it carries', async () => {
    const { ports, under } = await archived();
    expect(items(await checkPackage(await remade(ports, under, (f) => f, keyPair().signer), formatReader))).toEqual(['authenticity/signing_key']);
  });

  test('metadata that is not the case’s (another retention written in): authenticity/metadata and archival_code', async () => {
    const { ports, under } = await archived();
    const r = await checkPackage(await remade(ports, under, (f) => ({ ...f, case: { ...f.case, retention: '10y' } })), formatReader);
    expect(items(r)).toEqual(['authenticity/archival_code', 'authenticity/metadata']);
  });

  test('a time-stamp from a TSA no trust anchor stands for: authenticity/timestamp', async () => {
    const { under } = await archived();
    const r = await checkPackage({ ...under, anchors: [] }, formatReader);
    expect(items(r)).toEqual(['authenticity/timestamp']);
    expect(r.failed[0].detail).toContain('trust anchor');
  });

  test('a package cut short after its lock is not XML any more: usability/package_xml and integrity/package_hash, and its signatures still hold', async () => {
    const { under } = await archived();
    const r = await checkPackage({ ...under, bytes: under.bytes.subarray(0, under.bytes.length - 40) }, formatReader);
    expect(items(r)).toEqual(['integrity/package_hash', 'usability/package_xml']);
  });

  test('an audit trail changed after archiving: integrity/audit_trail', async () => {
    const { under } = await archived();
    const file = structuredClone(under.file);
    file.events[1].actor.name = '别人';
    const r = await checkPackage({ ...under, file }, formatReader);
    expect(items(r)).toEqual(['integrity/audit_trail']);
  });

  test('security: a lock not as the class says, no legal hold, a second version, another key, public access open', async () => {
    const { under } = await archived();
    const store: StoreReport = { lock: { mode: 'GOVERNANCE', retainUntil: '2030-01-01T00:00:00.000Z', legalHold: true }, versions: 2, encryption: { algorithm: 'AES256' }, publicAccess: { ...SOUND_STORE.publicAccess as Record<string, boolean>, RestrictPublicBuckets: false } as StoreReport['publicAccess'] };
    expect(items(await checkPackage({ ...under, store }, formatReader))).toEqual(['security/encryption', 'security/legal_hold', 'security/lock_mode', 'security/public_access', 'security/retain_until', 'security/versions']);
  });

  test('what the store cannot report is listed as not checked, never as passed', async () => {
    const { under } = await archived();
    const r = await checkPackage({ ...under, store: { ...SOUND_STORE, encryption: 'unsupported', publicAccess: 'unsupported' } }, formatReader);
    expect(r.failed).toEqual([]);
    expect(r.notChecked.map((n) => n.item)).toEqual(['encryption', 'public_access']);
  });

  test('档号 are unique across the packages checked', () => {
    expect(duplicateCodes([{ caseId: 'A', archivalCode: 'X' }, { caseId: 'B', archivalCode: 'X' }, { caseId: 'C', archivalCode: 'Y' }]).map((f) => [f.caseId, f.item])).toEqual([
      ['A', 'archival_code_unique'],
      ['B', 'archival_code_unique'],
    ]);
  });
});
