import type { Role, StaffRole } from './caller.ts';

/**
 * A department's staff register [N13]: who handles which step, with what powers. A change is approved
 * by the department head and kept on record (报同级政务服务中心备案).
 */
export interface StaffMember {
  dept: string;
  sub: string;
  roles: StaffRole[];
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface StaffChange {
  dept: string;
  sub: string;
  before: Role[];
  after: Role[];
  reason: string;
  approvedBy: string;
  at: string;
}

/**
 * What the register says of one member: whether the department keeps a register at all, and the
 * roles it gives them (none when they are not in it).
 */
export interface RegisterEntry {
  keeps: boolean;
  roles?: StaffRole[];
  /** the register's version (its marker's), so a change is written against the register it was decided on */
  version?: number;
}

/**
 * AB岗 (顶岗补位) [H22]: a member of staff recorded as away until a time, and the backup (B岗) who acts
 * for them meanwhile; recorded by the head, with why.
 */
export interface Absence {
  dept: string;
  sub: string;
  backup: string;
  until: string;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}
