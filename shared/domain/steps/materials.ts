import type { CaseMaterial } from '../case.ts';
import { Invalid } from '../errors.ts';
import type { Matter } from '../matter.ts';
import type { Ports } from '../ports.ts';
import { materialsAgainstGuide, type MaterialRef } from '../rules/e14-material-requirements.ts';

/**
 * Checks a filing's materials [E12] [E14]: the filer's own uploads are read and hashed side by side,
 * then held against the matter's guide; refused with 422 listing every problem at once.
 */
export async function checkMaterials(ports: Pick<Ports, 'uploads'>, matter: Matter, refs: MaterialRef[], filerSub: string, already: CaseMaterial[] = []): Promise<CaseMaterial[]> {
  const known = new Set(matter.materials.map((m) => m.code));
  const checks = await Promise.all(
    refs.map(async (ref) => {
      if (!ref.objectKey || !known.has(ref.code)) return undefined;
      if (!ports.uploads.isOwn(ref.objectKey, filerSub)) return 'not_own' as const;
      // an object store that fails is a fault of the platform, not of the filing: it is not reported as a missing upload
      return ports.uploads.check(ref.objectKey);
    }),
  );
  const res = materialsAgainstGuide(matter, refs, checks, already);
  if ('errors' in res) throw new Invalid('the application does not meet the matter’s material requirements', res.errors);
  return res.materials;
}
