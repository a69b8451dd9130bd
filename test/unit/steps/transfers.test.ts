import { Conflict, Forbidden, Invalid, NotFound } from '#shared/domain/errors';
import { prepareTransfer, readTransfer, recordReceipt } from '#shared/domain/steps/transfers';
import { archiveCase } from '#shared/domain/steps/unified-return';
import { transferDueBy } from '#shared/domain/rules/e26-transfer';
import { memoryPorts } from '../support/memory-ports';
import { completedCase, PEOPLE, refusal, seedCatalog, staff } from '../support/fixtures';

/**
 * 移交 [E26]: a year's permanent packages of a region bundled once for the state archive, with a
 * signed, time-stamped, locked manifest; the receipt recorded once. Checked by an outsider on RGW in
 * test/e2e/archive.test.ts.
 */
const archivist = staff('arc', 'archivist', '610113-DA', { region: '610113' });

async function archived() {
  const ports = memoryPorts();
  seedCatalog(ports);
  return { ports };
}

describe('transfer batches to the state archive [E26]', () => {
  test('only permanent packages of that year and region, each once; the manifest is locked and held, listing 档号, version and hash', async () => {
    const { ports } = await archived();
    const permanent = [...ports.state.matters.values()].find((m) => m.retention === 'permanent' && m.region === '610113');
    const thirty = [...ports.state.matters.values()].find((m) => m.retention === '30y' && m.region === '610113');
    expect(permanent && thirty).toBeTruthy();
    const p = await completedCase(ports, { decision: 'approve' }, PEOPLE.wang, permanent!.code);
    await archiveCase(ports, p);
    const t30 = await completedCase(ports, { decision: 'approve' }, PEOPLE.chen, thirty!.code);
    await archiveCase(ports, t30);
    const t = await prepareTransfer(ports, archivist, { year: '2026' });
    expect(t).toMatchObject({ status: 'prepared', region: '610113', year: '2026', dueBy: transferDueBy(2026), packages: 1 });
    expect(t.dueBy).toBe('2031-12-31');
    const record = ports.state.cases.get(p)!.case.archive!;
    expect(t.items).toEqual([{ caseId: p, archivalCode: record.archivalCode, title: expect.stringContaining(permanent!.name), key: record.key, versionId: record.versionId, sha256: record.sha256, bytes: record.bytes }]);
    const [manifest] = ports.state.archive.get(t.bundle.key)!;
    expect(manifest.lock).toEqual({ mode: 'COMPLIANCE', retainUntil: '2106-01-01T00:00:00.000Z', legalHold: true });
    const xml = manifest.bytes.toString();
    expect(xml).toContain(`<档号>${record.archivalCode}</档号>`);
    expect(xml).toContain(`<哈希值>${record.sha256}</哈希值>`);
    expect(xml).not.toContain(t30);
    // taken once: a second batch of the same year finds nothing new
    expect(await refusal(prepareTransfer(ports, archivist, { year: '2026' }))).toBeInstanceOf(Invalid);
  });

  test('the receipt is recorded once, by an archivist of the region; supervisors read; others do not', async () => {
    const { ports } = await archived();
    const permanent = [...ports.state.matters.values()].find((m) => m.retention === 'permanent' && m.region === '610113')!;
    const p = await completedCase(ports, { decision: 'approve' }, PEOPLE.wang, permanent.code);
    await archiveCase(ports, p);
    expect(await refusal(prepareTransfer(ports, staff('sup', 'supervisor', '610113-JC', { region: '610113' }), { year: '2026' }))).toBeInstanceOf(Forbidden);
    expect(await refusal(prepareTransfer(ports, archivist, { year: '2026', region: '610104' }))).toBeInstanceOf(Forbidden);
    const t = await prepareTransfer(ports, archivist, { year: '2026' });
    const r = await recordReceipt(ports, archivist, t.transferId, { receivedBy: '陕西省档案馆 接收人 刘', note: '核验无误' });
    expect(r).toMatchObject({ status: 'received', receivedAt: expect.any(String), receipt: { receivedBy: '陕西省档案馆 接收人 刘', note: '核验无误', recordedBy: { sub: 'arc' } } });
    expect(await refusal(recordReceipt(ports, archivist, t.transferId, { receivedBy: 'again' }))).toBeInstanceOf(Conflict);
    expect(await readTransfer(ports, staff('sup', 'supervisor', '610100-JC', { region: '610100' }), t.transferId)).toMatchObject({ status: 'received' });
    expect(await refusal(readTransfer(ports, staff('a2', 'archivist', '610104-DA', { region: '610104' }), t.transferId))).toBeInstanceOf(Forbidden);
    expect(await refusal(readTransfer(ports, archivist, 'TR6101132026NOTHING'))).toBeInstanceOf(NotFound);
  });

  test('a year with no permanent package is nothing to transfer (422)', async () => {
    const { ports } = await archived();
    expect(await refusal(prepareTransfer(ports, archivist, { year: '2025' }))).toBeInstanceOf(Invalid);
  });
});
