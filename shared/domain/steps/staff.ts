import { authorize } from '../access/gate.ts';
import type { Caller, StaffRole } from '../caller.ts';
import { Forbidden, Invalid } from '../errors.ts';
import type { Ports } from '../ports.ts';
import type { Absence, StaffChange, StaffMember } from '../staff.ts';

type StaffPorts = Pick<Ports, 'staff' | 'authorisations' | 'clock'>;

const ownDepartment = (caller: Caller): string => {
  if (!caller.dept) throw new Forbidden('staff tokens carry a department (dept claim)');
  return caller.dept;
};

/**
 * [N13] the head sets which roles a member of their department holds, with a reason; the change is
 * kept on record beside the register, and from then on the department keeps a register (a member it
 * does not list acts in no role there).
 */
export async function setStaffRoles(ports: StaffPorts, caller: Caller, sub: string, req: { roles: StaffRole[]; reason: string }): Promise<StaffMember> {
  const dept = ownDepartment(caller);
  await authorize(ports, caller, 'staff.manage', { kind: 'department', dept }, ports.clock.now());
  const current = await ports.staff.member(dept, sub);
  const at = ports.clock.now().toISOString();
  const roles = [...new Set(req.roles)];
  const member: StaffMember = { dept, sub, roles, version: (current?.version ?? 0) + 1, updatedAt: at, updatedBy: caller.sub };
  const change: StaffChange = { dept, sub, before: current?.roles ?? [], after: roles, reason: req.reason, approvedBy: caller.sub, at };
  await ports.staff.setRoles(member, change, current?.version ?? 0);
  return member;
}

/** The department's register and its record of changes: its head, or a supervisor over its region. */
export async function staffRecord(ports: StaffPorts, caller: Caller, dept: string | undefined) {
  const target = dept ?? ownDepartment(caller);
  await authorize(ports, caller, 'staff.read', { kind: 'department', dept: target }, ports.clock.now());
  return ports.staff.record(target);
}

/** AB岗 [H22]: the head records that a member is away until a time, and who backs them up meanwhile. */
export async function recordAbsence(ports: StaffPorts, caller: Caller, req: { sub: string; backup: string; until: string; reason: string }): Promise<Absence> {
  const dept = ownDepartment(caller);
  await authorize(ports, caller, 'staff.manage', { kind: 'department', dept }, ports.clock.now());
  if (req.backup === req.sub) throw new Invalid('the backup is someone else', [{ path: 'backup', message: 'same as sub' }]);
  const now = ports.clock.now();
  if (Date.parse(req.until) <= now.getTime()) throw new Invalid('until must be in the future', [{ path: 'until', message: 'in the past' }]);
  const absence: Absence = { dept, ...req, recordedBy: caller.sub, recordedAt: now.toISOString() };
  await ports.staff.recordAbsence(absence);
  return absence;
}
