import type { AuditEvent, Case, Notice, Task } from './case.ts';
import type { Alert } from './alert.ts';
import type { Complaint } from './complaint.ts';

/** A case with everything written with it: its audit events, tasks, notices and complaints (one partition, one read). */
export interface CaseFile {
  case: Case;
  events: AuditEvent[];
  tasks: Task[];
  notices: Notice[];
  complaints: Complaint[];
  /** the e-supervision alerts raised on it [N20], open and cleared (read with the rest of the partition) */
  alerts?: Alert[];
  /** the day the sweeper looks at the case again, as last recorded [N20] (none: not recorded, or nothing to wait for) */
  watch?: { date?: string; caseVersion: number };
}
