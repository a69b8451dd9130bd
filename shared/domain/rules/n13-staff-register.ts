import type { Caller, StaffRole } from '../caller.ts';
import { STAFF_ROLES } from '../caller.ts';
import type { RegisterEntry } from '../staff.ts';

/**
 * Each department fixes who handles which step, with what powers [N13], so responsibility rests with a
 * post and a person (责任到岗到人 [E27]). The register is authoritative
 * where a department keeps one: a member acts only in roles both their token and the register give
 * them, and someone the register does not list acts in none (fail-closed). A department that keeps
 * no register relies on the token's roles. Staff act only in their own department.
 */
export function rolesInDepartment(caller: Caller, dept: string, entry: RegisterEntry | undefined): StaffRole[] {
  if (!caller.dept || caller.dept !== dept) return [];
  const claimed = STAFF_ROLES.filter((r) => caller.roles.includes(r));
  if (!entry?.keeps) return claimed;
  return claimed.filter((r) => entry.roles?.includes(r));
}
