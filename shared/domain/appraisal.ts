import type { Actor } from './case.ts';
import type { RetentionClass } from './matter.ts';

/**
 * 鉴定 and 销毁 [E18]: a list of packages whose retention has passed, proposed by an archivist,
 * approved by a department head and then by an archivist (nobody twice, not the proposer), destroyed
 * after a waiting period — only what the object store itself lets go — and entered, package by
 * package, in the destruction register (销毁清册), which is kept for good.
 */
export interface Appraisal {
  appraisalId: string;
  region: string;
  /** packages whose retention passed before this (and before the proposal) */
  before: string;
  status: 'proposed' | 'approved' | 'rejected' | 'destroyed';
  items: AppraisalItem[];
  proposedBy: Actor;
  proposedAt: string;
  approvals: { by: Actor; at: string }[];
  rejection?: { by: Actor; at: string; reason: string };
  /** when the waiting period after the last approval ends */
  destroyAfter?: string;
  destruction?: { by: Actor; at: string; destroyed: number; refused: number };
  version: number;
}

export interface AppraisalItem {
  caseId: string;
  archivalCode: string;
  title: string;
  retention: RetentionClass;
  retainUntil: string;
  bucket: string;
  key: string;
  versionId: string;
  sha256: string;
}

/** One line of the destruction register (销毁清册): what was appraised, who approved, what the store did. */
export interface RegisterLine extends AppraisalItem {
  appraisalId: string;
  region: string;
  outcome: 'destroyed' | 'refused';
  /** why the store refused, when it did */
  reason?: string;
  approvedBy: string[];
  at: string;
  by: Actor;
}
