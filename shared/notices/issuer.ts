import { regionName } from '../catalog/regions.ts';
import type { Case, Notice } from '../domain/case.ts';

/** Who issues a case's notices: the accepting department, as the receipt named it, in its region. */
export interface Issuer {
  deptName: string;
  regionName: string;
}

/** The accepting department as the receipt named it (N14: the notice is issued in its name). */
export function issuerOf(c: Case, notices: Notice[]): Issuer {
  const receipt = notices.find((n) => n.kind === 'receipt');
  const dept = (receipt?.body as { acceptingDept?: { name?: string } } | undefined)?.acceptingDept?.name;
  return { deptName: dept ?? c.acceptingDept, regionName: regionName(c.region, true) ?? c.region };
}
