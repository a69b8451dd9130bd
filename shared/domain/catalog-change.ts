import type { Role } from './caller.ts';
import type { Actor } from './case.ts';
import type { Matter } from './matter.ts';

/**
 * A catalog change request [N10]. A change to the common catalog (通用目录: its handling items and
 * guides, not the local fields) is proposed by the provincial department, reviewed by the 省政府办公厅
 * and then the 省司法厅, and applied by the provincial service centre (省政务服务中心) as a new version.
 * A change to local fields (个性要素) is proposed in a city or county and applied by that region's own
 * service centre. Every step is recorded; cases keep the version they were filed under.
 */
export type ChangeOp = 'add' | 'change' | 'split' | 'merge' | 'suspend' | 'cancel';
export type ChangeScope = 'common' | 'local';

export interface ChainStep {
  role: Role;
  /** the department the approver must belong to, when the role alone does not say it */
  dept?: string;
  label: string;
}

export interface ChangeHistory {
  at: string;
  actor: Actor;
  action: 'propose' | 'approve' | 'reject' | 'apply';
  step?: string;
  comment?: string;
}

export interface ChangeRequest {
  id: string;
  op: ChangeOp;
  scope: ChangeScope;
  /** the region whose catalog changes (610000 for the common catalog) */
  region: string;
  /** implementation codes the change acts on (change, split, merge, suspend, cancel) */
  codes: string[];
  /** common-field changes reach every implementation of this base matter */
  baseCode?: string;
  patch?: Partial<Matter>;
  /** new items (add, split, merge) */
  matters?: Matter[];
  reason: string;
  proposer: Actor;
  chain: ChainStep[];
  /** index in `chain` of the step waiting for a decision */
  step: number;
  status: 'pending' | 'applied' | 'rejected';
  history: ChangeHistory[];
  createdAt: string;
  version: number;
  result?: { published: string[]; withdrawn: string[] };
}

export const PROVINCE = '610000';

/** 政务服务中心 of a region: the department that applies catalog changes there */
export const centreOf = (region: string) => `${region}-ZWFW`;

/** The review chain a change goes through [N10]. */
export function chainFor(scope: ChangeScope, region: string): ChainStep[] {
  return scope === 'common'
    ? [
        { role: 'office_reviewer', label: '省政府办公厅审核' },
        { role: 'justice_reviewer', label: '省司法厅审核' },
        { role: 'catalog_admin', dept: centreOf(PROVINCE), label: '省政务服务中心调整' },
      ]
    : [{ role: 'catalog_admin', dept: centreOf(region), label: '本级政务服务中心调整' }];
}
