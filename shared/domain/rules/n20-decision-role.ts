import type { SupervisionRule } from '../supervision-rule.ts';
import { rolesOf, type Action } from '../access/policies.ts';

const ruleId = 'legality.role';

/** The action of the policy table each step on the audit trail was taken under; `system` for the workflows' own steps. */
const STEP_ACTIONS: Record<string, Action | 'system'> = {
  submit: 'case.file',
  accept: 'task.complete',
  request_correction: 'task.complete',
  reject: 'task.complete',
  return: 'task.complete',
  review_approve: 'task.complete',
  review_deny: 'task.complete',
  claim_task: 'task.claim',
  pause_clock: 'task.special_procedure',
  resume_clock: 'task.special_procedure',
  offline_site_inspection: 'task.offline_step',
  offline_expert_review: 'task.offline_step',
  offline_hearing: 'task.offline_step',
  resubmit: 'case.correct',
  withdraw: 'case.withdraw',
  evaluate: 'case.evaluate',
  complain: 'case.complain',
  revoke_licence: 'licence.revoke',
  forward: 'system',
  unified_return: 'system',
  archive: 'system',
  destroy: 'system',
  close_unanswered_correction: 'system',
  recompute_deadline: 'system',
  // an extension is the head's, checked with its own limits (n20-extension-approval.ts)
};

/**
 * 权限合法性 [N20] [N13]: every step on the audit trail was taken in a role the policy table gives its
 * action, and the workflows' steps by the platform itself.
 */
export const decisionRole: SupervisionRule = {
  ruleId,
  level: 'red',
  category: 'legality',
  phase: 'during',
  article: '[N20]',
  description: '越权办理：办理环节的操作人不具备该环节的办理权限',
  check(c) {
    return c.file.events.flatMap((e) => {
      const action = STEP_ACTIONS[e.action];
      if (!action) return [];
      const allowed = action === 'system' ? ['system'] : rolesOf(action);
      if (allowed === 'public' || allowed.includes(e.actor.role as never)) return [];
      return [{ ruleId, subject: String(e.seq), detail: `第 ${e.seq} 步（${e.action}）由 ${e.actor.name}（${e.actor.role}）办理，该环节应由 ${allowed.join('、')} 办理` }];
    });
  },
};
