import { shanghaiDate } from '../calendar.ts';
import type { Applicant, CaseMaterial } from '../case.ts';
import { Invalid } from '../errors.ts';
import { actsForHolder, holderKey, inForce } from '../licence.ts';
import type { Matter } from '../matter.ts';
import type { Ports } from '../ports.ts';
import { parseLicenceIdentifier } from '../rules/e15-licence-identifier.ts';
import { checkSignedMaterial } from '../rules/e13-signed-materials.ts';
import { materialsAgainstGuide, type LicenceCheck, type MaterialRef, type SignedCheck } from '../rules/e14-material-requirements.ts';
import type { TrustAnchor } from '../trust-anchor.ts';

/** The applicant as a licence holder: the person by their identity number, the enterprise by its code. */
const asHolder = (a: Pick<Applicant, 'type' | 'idNumber' | 'sub'>) => (a.type === 'org' ? { sub: a.sub, orgCode: a.idNumber } : { sub: a.sub, idNumber: a.idNumber });

/**
 * Checks a filing's materials [E12] [E13] [E14]: the filer's own uploads are read and hashed side by side;
 * a signed one's signature is verified over the version checked, through its chain to a trust anchor;
 * each licence named is looked up (the applicant's, in force, of the material's type); for each
 * licence-served material not given, the licence store is asked whether the applicant holds a valid
 * one of its type. Then held against the matter's guide; refused with 422 listing every problem at once.
 */
export async function checkMaterials(
  ports: Pick<Ports, 'uploads' | 'cases' | 'trustAnchors'>,
  matter: Matter,
  refs: MaterialRef[],
  filerSub: string,
  applicant: Pick<Applicant, 'type' | 'idNumber' | 'sub'>,
  at: string,
  already: CaseMaterial[] = [],
): Promise<CaseMaterial[]> {
  const known = new Map(matter.materials.map((m) => [m.code, m]));
  const today = shanghaiDate(new Date(at));
  const uploads = Promise.all(
    refs.map(async (ref) => {
      if (!ref.objectKey || ref.licenceId || !known.has(ref.code)) return undefined;
      if (!ports.uploads.isOwn(ref.objectKey, filerSub)) return 'not_own' as const;
      // an object store that fails is a fault of the platform, not of the filing: it is not reported as a missing upload
      return ports.uploads.check(ref.objectKey);
    }),
  );
  const licences = Promise.all(
    refs.map(async (ref): Promise<LicenceCheck | undefined> => {
      const def = known.get(ref.code);
      if (!ref.licenceId || ref.objectKey || !def?.licenceType) return undefined;
      const licence = parseLicenceIdentifier(ref.licenceId) ? await ports.cases.getLicence(ref.licenceId) : undefined;
      // another's licence is answered as one that does not exist: its id tells nothing about its holder
      if (!licence || !actsForHolder(asHolder(applicant), licence.holder)) return { ok: false, reason: `there is no licence ${ref.licenceId} of the applicant` };
      if (licence.type !== def.licenceType) return { ok: false, reason: `${licence.licenceId} is a ${licence.typeName}, not the licence type ${def.licenceType} this material asks for` };
      const force = inForce(licence, today);
      if (!force.ok) return { ok: false, reason: force.reason };
      return { ok: true, licenceId: licence.licenceId, typeName: licence.typeName };
    }),
  );
  // [E13] a signed material: its signature is the filer's upload too, and is verified over the very
  // version of the material intake checked, against the trust anchors in force now
  let anchors: Promise<TrustAnchor[]> | undefined;
  const signatures = uploads.then((checked) =>
    Promise.all(
      refs.map(async (ref, i): Promise<SignedCheck | undefined> => {
        const material = checked[i];
        if (!ref.signature || !ref.objectKey || !material || material === 'not_own' || !material.ok) return undefined;
        if (!ports.uploads.isOwn(ref.signature.objectKey, filerSub)) return { upload: 'not_own' };
        const upload = await ports.uploads.check(ref.signature.objectKey);
        if (!upload.ok) return { upload };
        const [bytes, sig, known] = await Promise.all([ports.uploads.read(ref.objectKey, material.versionId), ports.uploads.read(ref.signature.objectKey, upload.versionId), (anchors ??= ports.trustAnchors.list())]);
        return { upload, ...checkSignedMaterial(bytes, sig, ref.signature.certificates, known, at) };
      }),
    ),
  );
  const given = new Set([...refs.map((r) => r.code), ...already.map((m) => m.code)]);
  const wanted = [...new Set(matter.materials.filter((m) => m.source === 'licence' && m.licenceType && !given.has(m.code)).map((m) => m.licenceType!))];
  const key = holderKey(applicant.type, applicant.idNumber);
  const held = Promise.all(
    wanted.map(async (type) => {
      const found = (await ports.cases.licencesOfType(key, type)).find((l) => inForce(l, today).ok);
      return [type, found && { licenceId: found.licenceId, typeName: found.typeName }] as const;
    }),
  );
  const res = materialsAgainstGuide(matter, refs, { uploads: await uploads, signatures: await signatures, licences: await licences, held: Object.fromEntries(await held), at }, already);
  if ('errors' in res) throw new Invalid('the application does not meet the matter’s material requirements', res.errors);
  return res.materials;
}
