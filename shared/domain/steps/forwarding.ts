import { SYSTEM } from '../actor.ts';
import type { Case, Task } from '../case.ts';
import { childId } from '../ids.ts';
import { noticeIssuer } from '../notices.ts';
import type { Ports } from '../ports.ts';
import { runCaseStep, type StepPorts } from './run.ts';

/**
 * The forwarding workflow's step [N14] 转递部门, 分头办理: on acceptance, the acceptance notice
 * (受理通知书), and one review task per handling department, all at once, each with the case's
 * deadline and its step's own. Idempotent: a case already forwarded is left as it is.
 */
export async function openReviews(ports: StepPorts & Pick<Ports, 'catalog' | 'calendar'>, caseId: string) {
  return runCaseStep(ports, { caseId }, async ({ file, at }) => {
    const c = file.case;
    if (c.status !== 'accepted') {
      const reviewTasks = file.tasks.filter((t) => t.kind === 'review').map((t) => t.taskId);
      return { result: (saved: Case) => ({ caseId, status: saved.status, reviewTasks }) };
    }
    // [N20] each review has the days of the guide's 审查 step, within the case's own limit
    const matter = await ports.catalog.getMatter(c.matterCode, c.matterVersion);
    const review = matter?.steps.find((s) => s.name.startsWith('审查'));
    const stepDue = review ? [ports.calendar.addWorkingDays(at, review.days).date, c.deadline!].sort()[0] : c.deadline!;
    const tasks: Task[] = c.handlingDepts.map((dept, i) => ({
      taskId: childId(caseId, 'R', i + 1),
      caseId,
      kind: 'review',
      dept,
      region: c.region,
      matterCode: c.matterCode,
      status: 'open',
      deadline: c.deadline!,
      stepDue,
      createdAt: at,
    }));
    const notice = noticeIssuer(caseId, file.notices.length, at)('acceptance', {
      receiptNo: c.receiptNo,
      acceptedAt: c.acceptedAt,
      promiseDays: c.promiseDays,
      deadline: c.deadline,
      deadlineProvisional: c.deadlineProvisional ?? false,
      handlingDepts: c.handlingDepts,
      handlingDeptNames: await ports.catalog.departmentNames(c.handlingDepts),
    });
    return {
      change: {
        before: c,
        after: { ...c, status: 'in_review', pendingWorkflow: undefined },
        event: { at, actor: SYSTEM, action: 'forward', detail: { depts: c.handlingDepts, noticeId: notice.noticeId } },
        newTasks: tasks,
        notices: [notice],
      },
      result: (saved: Case) => ({ caseId, status: saved.status, reviewTasks: tasks.map((t) => t.taskId) }),
    };
  });
}
