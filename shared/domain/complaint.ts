import type { Actor } from './case.ts';

export type ComplaintCategory = 'timeliness' | 'attitude' | 'legality' | 'materials' | 'other';

/**
 * 投诉 [N21] [H10]: the applicant complains about how a case is handled; a supervisor of the case's
 * region records how it was handled. Both are steps of the case, in its audit trail.
 */
export interface Complaint {
  complaintId: string;
  caseId: string;
  category: ComplaintCategory;
  text: string;
  status: 'open' | 'handled';
  filedBy: Actor;
  filedAt: string;
  dept: string;
  /** the case's region, so a supervisor's queue holds only what they supervise */
  region?: string;
  handledBy?: Actor;
  handledAt?: string;
  result?: string;
  upheld?: boolean;
}
