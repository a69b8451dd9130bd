import type { Actor, Case, Task } from './case.ts';
import { commitCase, getCaseFile } from './case-store.ts';
import { withRetry } from './decisions.ts';
import { makeNotice } from './notices.ts';
import { departmentNames } from '../catalog/catalog-store.ts';

export const SYSTEM: Actor = { sub: 'system', name: '陕西政务服务网', role: 'system' };

/**
 * The forwarding workflow's step (N14 转递部门, 分头办理): on acceptance, issue the acceptance notice
 * and open one review task per handling department, all at once, each with the case's deadline.
 * Idempotent: a case already forwarded is left as it is.
 */
export async function openReviews(caseId: string, now = () => new Date()): Promise<{ caseId: string; status: string; reviewTasks: string[] }> {
  return withRetry(caseId, async () => {
    const file = await getCaseFile(caseId);
    if (!file) throw new Error(`case ${caseId} not found`);
    const c = file.case;
    if (c.status !== 'accepted') {
      return { caseId, status: c.status, reviewTasks: file.tasks.filter((t) => t.kind === 'review').map((t) => t.taskId) };
    }
    const at = now().toISOString();
    const tasks: Task[] = c.handlingDepts.map((dept, i) => ({
      taskId: `${caseId}.R${i + 1}`,
      caseId,
      kind: 'review',
      dept,
      region: c.region,
      matterCode: c.matterCode,
      status: 'open',
      deadline: c.deadline!,
      createdAt: at,
    }));
    const notice = makeNotice(caseId, 'acceptance', file.notices.length + 1, at, {
      receiptNo: c.receiptNo,
      acceptedAt: c.acceptedAt,
      promiseDays: c.promiseDays,
      deadline: c.deadline,
      deadlineProvisional: c.deadlineProvisional ?? false,
      handlingDepts: c.handlingDepts,
      handlingDeptNames: await departmentNames(c.handlingDepts),
    });
    const after: Case = { ...c, status: 'in_review', pendingWorkflow: undefined };
    await commitCase({
      before: c,
      after,
      event: { at, actor: SYSTEM, action: 'forward', detail: { depts: c.handlingDepts, noticeId: notice.noticeId } },
      newTasks: tasks,
      notices: [notice],
    });
    return { caseId, status: after.status, reviewTasks: tasks.map((t) => t.taskId) };
  });
}
