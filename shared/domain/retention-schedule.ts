import type { Actor } from './case.ts';

/**
 * The retention schedule (保管期限表) [E22]: per matter type (its 事项基本编码), the retention class its
 * e-files are kept under, set by an archivist of the province, each change recorded with its basis.
 * The archive step keeps a package for what the schedule says when it is archived.
 */
export type ScheduledRetention = 'permanent' | '30y' | '10y';

export interface ScheduleEntry {
  baseCode: string;
  retention: ScheduledRetention;
  /** why: the provision or decision the class rests on */
  basis: string;
  approvedBy: Actor;
  approvedAt: string;
  version: number;
}

export interface ScheduleChange {
  baseCode: string;
  at: string;
  by: Actor;
  from?: ScheduledRetention;
  to: ScheduledRetention;
  basis: string;
}

/** The 事项基本编码 of an implemented matter's code (`<baseCode>-<region>-<dept>`). */
export const baseCodeOf = (matterCode: string) => matterCode.split('-')[0];
