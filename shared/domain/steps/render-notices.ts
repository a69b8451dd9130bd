import { NotFound } from '../errors.ts';
import { pdfSignedPart, type Licence } from '../licence.ts';
import { issuerOf } from '../notices.ts';
import type { Ports } from '../ports.ts';

type RenderPorts = Pick<Ports, 'cases' | 'owed' | 'renderer' | 'documents' | 'regions' | 'clock' | 'signer'>;

/**
 * Notices as documents [N14] 文书: renders the case's notices that have no PDF yet (or only those
 * named), stores each and records it on the notice; and the licence the case issued, if it has no PDF
 * yet [E15]. Safe to run twice or side by side (the stream and the unified-return workflow may both
 * ask): a document is the same bytes each time, and it is recorded only once.
 */
export async function renderCaseNotices(ports: RenderPorts, caseId: string, only?: Set<string>): Promise<string[]> {
  const file = await ports.cases.getFile(caseId);
  if (!file) throw new NotFound(`case ${caseId} not found: its notices cannot be rendered`);
  const issuer = issuerOf(file.case, file.notices, ports.regions);
  const todo = file.notices.filter((n) => !n.pdf && (!only || only.has(n.noticeId)));
  const licenceId = file.case.result?.licenceId;
  // side by side: each document is its own object and its own item, and most of the time is I/O
  const [recorded, licence] = await Promise.all([
    Promise.all(
      todo.map(async (notice) => {
        const doc = await ports.renderer.render(file.case, notice, issuer);
        const pdf = await ports.documents.store(file.case, notice, doc, ports.clock.now().toISOString());
        return ports.owed.recordNoticeDocument(caseId, notice.noticeId, pdf);
      }),
    ),
    licenceId ? ports.cases.getLicence(licenceId).then((l) => (l && !l.pdf ? renderLicence(ports, l) : false)) : false,
  ]);
  return [...todo.filter((_, i) => recorded[i]).map((n) => n.noticeId), ...(licence ? [licenceId!] : [])];
}

/**
 * An e-licence's PDF rendition [E15]: rendered from the licence as issued, stored beside its case's
 * notices, its hash signed by the issuing department's key, recorded on the licence once.
 */
async function renderLicence(ports: RenderPorts, licence: Licence): Promise<boolean> {
  const doc = await ports.renderer.licence(licence);
  const [stored, signed] = await Promise.all([ports.documents.storeLicence(licence, doc, ports.clock.now().toISOString()), ports.signer.sign(pdfSignedPart(licence.licenceId, doc.sha256))]);
  return ports.owed.recordLicenceDocument(licence.licenceId, { ...stored, ...signed });
}
