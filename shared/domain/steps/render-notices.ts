import { NotFound } from '../errors.ts';
import { issuerOf } from '../notices.ts';
import type { Ports } from '../ports.ts';

/**
 * Notices as documents [N14] 文书: renders the case's notices that have no PDF yet (or only those
 * named), stores each and records it on the notice. Safe to run twice or side by side (the stream and
 * the unified-return workflow may both ask): a notice's PDF is the same bytes each time, and it is
 * recorded only once.
 */
export async function renderCaseNotices(ports: Pick<Ports, 'cases' | 'owed' | 'renderer' | 'documents' | 'regions' | 'clock'>, caseId: string, only?: Set<string>): Promise<string[]> {
  const file = await ports.cases.getFile(caseId);
  if (!file) throw new NotFound(`case ${caseId} not found: its notices cannot be rendered`);
  const issuer = issuerOf(file.case, file.notices, ports.regions);
  const todo = file.notices.filter((n) => !n.pdf && (!only || only.has(n.noticeId)));
  // side by side: each notice is its own object and its own item, and most of the time is I/O
  const recorded = await Promise.all(
    todo.map(async (notice) => {
      const doc = await ports.renderer.render(file.case, notice, issuer);
      const pdf = await ports.documents.store(file.case, notice, doc, ports.clock.now().toISOString());
      return ports.owed.recordNoticeDocument(caseId, notice.noticeId, pdf);
    }),
  );
  return todo.filter((_, i) => recorded[i]).map((n) => n.noticeId);
}
