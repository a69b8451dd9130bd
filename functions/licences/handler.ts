import { getLicence, verifyLicence } from '#shared/licence/licence';
import { apiHandler } from '#shared/http/api';
import { notFound } from '#shared/http/problem';
import { verifyNotice } from '#shared/notices/verify';

/** E15/E16: an e-licence and its verification, and the check of a notice; public, so a third party can check one shown to it. */
export const handler = apiHandler(async (req) => {
  if (req.route === 'GET /v1/notices/{noticeId}/verify') return { body: await verifyNotice(decodeURIComponent(req.path.noticeId), req.query.sha256) };
  const licence = await getLicence(req.path.licenceId);
  if (!licence) throw notFound(`there is no licence ${req.path.licenceId}`);
  if (req.route.endsWith('/verify')) {
    const v = await verifyLicence(licence);
    return { body: { ...v, licenceId: licence.licenceId, issuer: licence.issuer, caseId: licence.caseId, issuedAt: licence.issuedAt } };
  }
  const { signature, keyId, holder, ...rest } = licence;
  // the holder's id number is not shown publicly; the signature is, so it can be checked
  return { body: { ...rest, holder: { name: holder.name, type: holder.type }, signature, keyId } };
});
