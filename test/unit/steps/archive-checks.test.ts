import { Forbidden, NotFound } from '#shared/domain/errors';
import { readArchiveCheck, requestArchiveCheck, runArchiveCheckPage, scheduleSampleCheck, PAGE } from '#shared/domain/steps/archive-checks';
import { archiveCase } from '#shared/domain/steps/unified-return';
import { regionPrefix, inSample } from '#shared/domain/archive-check';
import { sha256Hex } from '#shared/domain/audit';
import { memoryPorts, type MemoryPorts } from '../support/memory-ports';
import { citizen, completedCase, PEOPLE, refusal, seedCatalog, staff } from '../support/fixtures';

/**
 * The four-property check runs [E18]: asked for by an archivist over their region, run page by page
 * over the store's listing, results kept; the daily sample. The package checks themselves are
 * test/unit/rules/e18-four-properties.test.ts (with real signatures); here the memory signer's
 * packages fail authenticity, which is what a run must report and count.
 */
const archivist = staff('arc', 'archivist', '610113-DA', { region: '610113' });

async function withArchive(n: number): Promise<{ ports: MemoryPorts; caseIds: string[] }> {
  const ports = memoryPorts();
  seedCatalog(ports);
  const caseIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const caseId = await completedCase(ports, { decision: 'approve' }, i % 2 ? PEOPLE.wang : PEOPLE.chen);
    await archiveCase(ports, caseId);
    caseIds.push(caseId);
  }
  return { ports, caseIds };
}

async function runToEnd(ports: MemoryPorts, checkId: string) {
  let pages = 0;
  for (;;) {
    pages++;
    if ((await runArchiveCheckPage(ports, checkId)).done) return pages;
  }
}

describe('four-property check runs [E18]', () => {
  test('an archivist checks every package of their region; each is read, checked and counted, the failures named by case, property and item', async () => {
    const { ports, caseIds } = await withArchive(3);
    const { checkId, status } = await requestArchiveCheck(ports, archivist, { scope: 'all' });
    expect(status).toBe('running');
    await runToEnd(ports, checkId);
    const r = await readArchiveCheck(ports, archivist, checkId);
    expect(r).toMatchObject({ status: 'completed', checked: 3, region: '610113', scope: 'all' });
    // the memory signer's signature is no ECDSA signature: authenticity fails for each, and nothing else
    expect(r.passed).toBe(0);
    expect(new Set(r.failed.map((f) => f.caseId))).toEqual(new Set(caseIds));
    expect(new Set(r.failed.map((f) => f.property))).toEqual(new Set(['authenticity']));
    expect(r.notChecked.map((n) => [n.item, n.packages])).toEqual([
      ['encryption', 3],
      ['public_access', 3],
    ]);
    expect(ports.seen.metrics.filter((m) => m === 'ArchivePackageChecked')).toHaveLength(3);
    expect(ports.seen.metrics.filter((m) => m === 'ArchivePackageFailed')).toHaveLength(3);
  });

  test('a run goes page by page, each page saved under the run’s version: a redelivered page counts nothing twice', async () => {
    const { ports } = await withArchive(PAGE + 2);
    const { checkId } = await requestArchiveCheck(ports, archivist, { scope: 'all' });
    const first = await runArchiveCheckPage(ports, checkId);
    expect(first).toEqual({ done: false, checked: PAGE });
    // a second runner of the same page saves first (a redelivered stream record): this one's page counts nothing
    const save = ports.archiveChecks.save;
    ports.archiveChecks.save = async (c, v) => {
      ports.archiveChecks.save = save;
      const now = ports.state.archiveChecks.get(checkId)!;
      ports.state.archiveChecks.set(checkId, { ...now, version: now.version + 1 });
      return save(c, v);
    };
    const counted = ports.seen.metrics.length;
    expect(await runArchiveCheckPage(ports, checkId)).toEqual({ done: false, checked: PAGE });
    expect([ports.state.archiveChecks.get(checkId)!.checked, ports.seen.metrics.length]).toEqual([PAGE, counted]);
    await runToEnd(ports, checkId);
    expect(ports.state.archiveChecks.get(checkId)!.checked).toBe(PAGE + 2);
    expect(ports.seen.metrics.filter((m) => m === 'ArchivePackageChecked')).toHaveLength(PAGE + 2);
    // a completed run is answered as it is
    expect(await runArchiveCheckPage(ports, checkId)).toEqual({ done: true, checked: PAGE + 2 });
  });

  test('an object in the archive that no case records as its package is a finding of its own', async () => {
    const { ports } = await withArchive(1);
    ports.state.archive.set('archive/610113/2026/ZW20260601AAAAAAAAAA.xml', [{ versionId: 'v1', bytes: Buffer.from('<x/>'), lock: { mode: 'COMPLIANCE', retainUntil: '2057-01-01T00:00:00.000Z', legalHold: false } }]);
    const { checkId } = await requestArchiveCheck(ports, archivist, { scope: 'all' });
    await runToEnd(ports, checkId);
    expect(ports.state.archiveChecks.get(checkId)!.failed).toContainEqual({ caseId: 'ZW20260601AAAAAAAAAA', property: 'integrity', item: 'register', detail: expect.stringContaining('no case records it') });
  });

  test('a sample takes each package at the run’s rate, the same ones for the same run', async () => {
    const { ports } = await withArchive(6);
    const { checkId } = await scheduleSampleCheck(ports);
    await runToEnd(ports, checkId);
    const run = ports.state.archiveChecks.get(checkId)!;
    const expected = [...ports.state.archive.keys()].filter((k) => inSample(checkId, k, 0.5, sha256Hex)).length;
    expect([run.scope, run.sampleRate, run.checked, run.requestedBy.sub]).toEqual(['sample', 0.5, expected, 'system']);
  });

  test('who may: an archivist within their region; a supervisor reads; nobody else', async () => {
    const { ports } = await withArchive(1);
    expect(await refusal(requestArchiveCheck(ports, archivist, { scope: 'all', region: '610104' }))).toBeInstanceOf(Forbidden);
    expect(await refusal(requestArchiveCheck(ports, staff('sup', 'supervisor', '610113-JC', { region: '610113' }), { scope: 'all' }))).toBeInstanceOf(Forbidden);
    expect(await refusal(requestArchiveCheck(ports, citizen(PEOPLE.wang), { scope: 'all' }))).toBeInstanceOf(Forbidden);
    const { checkId } = await requestArchiveCheck(ports, archivist, { scope: 'sample', year: '2026' });
    expect(await readArchiveCheck(ports, staff('sup', 'supervisor', '610100-JC', { region: '610100' }), checkId)).toMatchObject({ checkId, year: '2026' });
    expect(await refusal(readArchiveCheck(ports, staff('arc2', 'archivist', '610104-DA', { region: '610104' }), checkId))).toBeInstanceOf(Forbidden);
    expect(await refusal(readArchiveCheck(ports, archivist, 'AC-nothing'))).toBeInstanceOf(NotFound);
  });

  test('a region is its prefix in the archive: the province, a city, a county and its year', () => {
    expect([regionPrefix('610000', undefined), regionPrefix('610100', '2026'), regionPrefix('610113', undefined), regionPrefix('610113', '2026'), regionPrefix(undefined, undefined)]).toEqual(['archive/61', 'archive/6101', 'archive/610113', 'archive/610113/2026/', 'archive/']);
  });
});
