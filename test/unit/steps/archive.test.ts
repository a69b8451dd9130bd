import { sha256Hex } from '#shared/domain/audit';
import { readPackage } from '#shared/domain/efile/read';
import { ArchiveFault } from '#shared/domain/errors';
import { archiveCase } from '#shared/domain/steps/unified-return';
import { memoryPorts } from '../support/memory-ports';
import { completedCase, refusal, seedCatalog } from '../support/fixtures';

/**
 * The archive step [E23] [E24] [E25]: one package, one object, one version per case, its lock read back
 * and compared [E18]; nothing recorded that the store does not hold, nothing packaged that is not what
 * the case recorded.
 */
function setup() {
  const ports = memoryPorts();
  seedCatalog(ports);
  return ports;
}

describe('archiving a completed case [E24]', () => {
  test('one DA/T 48 object per case holds every material, notice, the licence and the audit trail; the record names its 档号 and the lock the store reports', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    await archiveCase(ports, caseId);
    const file = ports.state.cases.get(caseId)!;
    const a = file.case.archive!;
    expect(a.key).toBe(`archive/610113/2026/${caseId}.xml`);
    expect([...ports.state.archive.keys()]).toEqual([a.key]);
    const [only] = ports.state.archive.get(a.key)!;
    const xml = only.bytes.toString();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<电子文件封装包>')).toBe(true);
    const uploaded = file.case.materials.filter((m) => m.objectKey).length;
    expect(uploaded).toBeGreaterThan(0);
    // the materials, the notices, the licence as data and as its PDF [E15], the audit trail
    expect(a.parts).toBe(uploaded + file.notices.length + 3);
    expect((xml.match(/<文档>/g) ?? []).length).toBe(a.parts);
    // every notice's PDF as rendered, base64 in the package
    for (const n of file.notices) expect(xml).toContain(`<文档标识符>${n.noticeId}</文档标识符>`);
    expect(xml).toContain(`<电子证照标识>${file.case.result!.licenceId}</电子证照标识>`);
    const licence = ports.state.licences.get(file.case.result!.licenceId!)!;
    expect(xml).toContain('<文档标识符>licence.pdf</文档标识符>');
    const parts = new Map(readPackage(only.bytes).parts.map((p) => [p.id, p.bytes!]));
    expect(sha256Hex(parts.get('licence.pdf')!)).toBe(licence.pdf!.sha256);
    expect(parts.get('licence')!.toString()).toContain(`<摘要值>${licence.pdf!.sha256}</摘要值>`);
    expect(xml).toContain('<时间戳标准>RFC 3161</时间戳标准>');
    expect(a).toMatchObject({ format: 'DA/T 48', mode: 'COMPLIANCE', legalHold: false, retention: '30y', retainUntil: '2057-01-01T00:00:00.000Z', versionId: 'v1', bytes: only.bytes.length });
    expect(a.archivalCode).toBe(`${file.case.acceptingDept}-2026-D30-${caseId}`);
    expect(only.lock).toEqual({ mode: 'COMPLIANCE', retainUntil: '2057-01-01T00:00:00.000Z', legalHold: false });
    expect(file.events.at(-1)).toMatchObject({ action: 'archive', detail: { key: a.key, sha256: a.sha256, archivalCode: a.archivalCode } });
  });

  test('a step that lost its commit after writing adopts the package it wrote: one version under the key, never two', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    ports.loseNextCommit(caseId);
    await archiveCase(ports, caseId);
    const a = ports.state.cases.get(caseId)!.case.archive!;
    expect(ports.state.archive.get(a.key)!.map((v) => v.versionId)).toEqual(['v1']);
    expect(a.versionId).toBe('v1');
    // and once recorded, it is answered as it is
    await archiveCase(ports, caseId);
    expect(ports.state.archive.get(a.key)).toHaveLength(1);
  });

  test('a store that reports another lock than it was given (RGW wraps 2127 to 1990) is a fault: nothing is recorded as archived', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    ports.state.archiveReports = (lock) => ({ mode: lock.mode, retainUntil: '1990-11-24T00:00:00.000Z', legalHold: lock.legalHold });
    const err = await refusal(archiveCase(ports, caseId));
    expect(err).toBeInstanceOf(ArchiveFault);
    expect(err).toMatchObject({ kind: 'lock_not_held' });
    expect(err.message).toContain('retain-until 1990-11-24T00:00:00.000Z, not 2057-01-01T00:00:00.000Z');
    const file = ports.state.cases.get(caseId)!;
    expect(file.case.archive).toBeUndefined();
    expect(file.events.filter((e) => e.action === 'archive')).toHaveLength(0);
  });

  test('a legal hold the store does not report is a fault as well', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    ports.state.archiveReports = (lock) => ({ mode: lock.mode, retainUntil: lock.retainUntil, legalHold: !lock.legalHold });
    expect(await refusal(archiveCase(ports, caseId))).toMatchObject({ kind: 'lock_not_held' });
  });

  test('a material whose bytes are not the ones intake checked is not packaged: the step fails, nothing is written', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    const m = ports.state.cases.get(caseId)!.case.materials.find((x) => x.objectKey)!;
    ports.state.uploads.get(m.objectKey!)!.bytes = Buffer.from('other bytes');
    const err = await refusal(archiveCase(ports, caseId));
    expect(err).toMatchObject({ name: 'ArchiveFault', kind: 'part_mismatch' });
    expect(err.message).toContain(m.code);
    expect(ports.state.archive.size).toBe(0);
  });

  test('a notice whose PDF is not rendered yet holds the archive back (the workflow retries, the sweeper re-drives)', async () => {
    const ports = setup();
    const caseId = await completedCase(ports);
    const file = ports.state.cases.get(caseId)!;
    delete file.notices[0].pdf;
    expect((await refusal(archiveCase(ports, caseId))).message).toContain('have no PDF yet');
    expect(ports.state.archive.size).toBe(0);
  });
});
