import { requireCaller } from '#shared/auth/caller';
import { listOpenTasks } from '#shared/domain/case-store';
import { completeTask } from '#shared/domain/decisions';
import { recordOfflineStep } from '#shared/domain/offline-steps';
import { AbsenceRequest, ExtensionRequest, OfflineStepRequest, SpecialProcedureEnd, SpecialProcedureRequest, TaskDecision } from '#shared/domain/schemas';
import { claimTask, recordAbsence } from '#shared/domain/ab-post';
import { setStaffRoles, staffRecord } from '#shared/domain/staff';
import { StaffRolesRequest } from '#shared/domain/schemas';
import { endSpecialProcedure, extendDeadline, startSpecialProcedure } from '#shared/domain/clock';
import { clockOf } from '#shared/domain/case-view';
import { apiHandler } from '#shared/http/api';
import { pageLimit } from '#shared/http/paging';
import { parseBody } from '#shared/http/parse';
import { badRequest, forbidden, notFound } from '#shared/http/problem';

/** Staff work queues (N13: each step is done by the staff it names): list, complete, offline steps. */
export const handler = apiHandler(async (req) => {
  // the roles each route allows are checked by the API handler, from shared/auth/permissions.ts
  const caller = requireCaller(req.caller);
  switch (req.route) {
    case 'GET /v1/tasks': {
      if ((req.query.status ?? 'open') !== 'open') throw badRequest('only status=open is listed', [{ path: 'status', message: 'must be open' }]);
      if (!caller.dept) throw forbidden('staff tokens carry a department (dept claim)');
      const page = await listOpenTasks(caller.dept, pageLimit(req.query), req.query.cursor);
      return {
        body: {
          items: page.items.map((t) => ({ taskId: t.taskId, caseId: t.caseId, kind: t.kind, dept: t.dept, region: t.region, deadline: t.deadline, matterCode: t.matterCode, createdAt: t.createdAt })),
          nextCursor: page.nextCursor,
        },
      };
    }
    case 'POST /v1/tasks/{taskId}/complete':
      return { body: await completeTask(caller, req.path.taskId, parseBody(TaskDecision, req.body)) };
    case 'POST /v1/tasks/{taskId}/offline-steps':
      return { status: 201, body: await recordOfflineStep(caller, req.path.taskId, parseBody(OfflineStepRequest, req.body)) };
    case 'POST /v1/tasks/{taskId}/special-procedures': {
      const c = await startSpecialProcedure(caller, req.path.taskId, parseBody(SpecialProcedureRequest, req.body));
      return { body: { caseId: c.caseId, clock: clockOf(c) } };
    }
    case 'POST /v1/tasks/{taskId}/special-procedures/end': {
      const c = await endSpecialProcedure(caller, req.path.taskId, parseBody(SpecialProcedureEnd, req.body));
      return { body: { caseId: c.caseId, clock: clockOf(c) } };
    }
    case 'POST /v1/tasks/{taskId}/claim': {
      const t = await claimTask(caller, req.path.taskId);
      return { body: { taskId: t.taskId, assignee: t.assignee } };
    }
    case 'POST /v1/staff/{sub}/roles':
      return { body: await setStaffRoles(caller, decodeURIComponent(req.path.sub), parseBody(StaffRolesRequest, req.body)) };
    case 'GET /v1/staff': {
      const dept = req.query.dept ?? caller.dept;
      // a head sees their own department's register; a supervisor any department's
      if (!dept || (!caller.roles.includes('supervisor') && dept !== caller.dept)) throw forbidden('a head sees the staff register of their own department');
      return { body: await staffRecord(dept) };
    }
    case 'POST /v1/staff/absences':
      return { status: 201, body: await recordAbsence(caller, parseBody(AbsenceRequest, req.body)) };
    case 'POST /v1/tasks/{taskId}/extension': {
      const c = await extendDeadline(caller, req.path.taskId, parseBody(ExtensionRequest, req.body));
      return { body: { caseId: c.caseId, clock: clockOf(c) } };
    }
    default:
      throw notFound(`no route ${req.route}`);
  }
});
