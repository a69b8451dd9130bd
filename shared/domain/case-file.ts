import type { AuditEvent, Case, Notice, Task } from './case.ts';
import type { Complaint } from './complaint.ts';

/** A case with everything written with it: its audit events, tasks, notices and complaints (one partition, one read). */
export interface CaseFile {
  case: Case;
  events: AuditEvent[];
  tasks: Task[];
  notices: Notice[];
  complaints: Complaint[];
}
