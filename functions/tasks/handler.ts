import { CALENDAR } from '#shared/adapters/calendar';
import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { catalogReader } from '#shared/adapters/dynamodb/catalog';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { metrics } from '#shared/adapters/metrics';
import { workflows } from '#shared/adapters/sfn/workflows';
import { settings, systemClock } from '#shared/adapters/system';
import { clockOf } from '#shared/domain/clock';
import type { Case } from '#shared/domain/case';
import { completeTask } from '#shared/domain/steps/complete-task';
import { listOpenTasks } from '#shared/domain/steps/reads';
import { claimTask, endSpecialProcedure, extendDeadline, recordOfflineStep, startSpecialProcedure } from '#shared/domain/steps/task-actions';
import { apiHandler } from '#shared/http/handler';
import { pageOf } from '#shared/http/paging';
import { parseBody } from '#shared/http/parse';
import { badRequest } from '#shared/http/problem';
import { ExtensionRequest, OfflineStepRequest, SpecialProcedureEnd, SpecialProcedureRequest, TaskDecision } from '#shared/http/schemas';

const ports = { cases: caseRepository, staff: staffRegister, authorisations: authorisationStore, clock: systemClock, calendar: CALENDAR, workflows, metrics, catalog: catalogReader, settings };

const withClock = (c: Case) => ({ body: { caseId: c.caseId, clock: clockOf(c, systemClock.now(), CALENDAR) } });

/** Department work queues [N13] [N14]: list, take, decide; offline steps [N17]; the clock's special procedures and extension. */
export const handler = apiHandler('tasks', {
  'GET /v1/tasks': async ({ caller, query }) => {
    if ((query.status ?? 'open') !== 'open') throw badRequest('only status=open is listed', [{ path: 'status', message: 'must be open' }]);
    return { body: await listOpenTasks(ports, caller, pageOf(query)) };
  },
  'POST /v1/tasks/{taskId}/complete': async ({ caller, path, body }) => ({ body: await completeTask(ports, caller, path.taskId, parseBody(TaskDecision, body)) }),
  'POST /v1/tasks/{taskId}/claim': async ({ caller, path }) => {
    const t = await claimTask(ports, caller, path.taskId);
    return { body: { taskId: t.taskId, assignee: t.assignee } };
  },
  'POST /v1/tasks/{taskId}/offline-steps': async ({ caller, path, body }) => ({ status: 201, body: await recordOfflineStep(ports, caller, path.taskId, parseBody(OfflineStepRequest, body)) }),
  'POST /v1/tasks/{taskId}/special-procedures': async ({ caller, path, body }) => withClock(await startSpecialProcedure(ports, caller, path.taskId, parseBody(SpecialProcedureRequest, body))),
  'POST /v1/tasks/{taskId}/special-procedures/end': async ({ caller, path, body }) => withClock(await endSpecialProcedure(ports, caller, path.taskId, parseBody(SpecialProcedureEnd, body))),
  'POST /v1/tasks/{taskId}/extension': async ({ caller, path, body }) => withClock(await extendDeadline(ports, caller, path.taskId, parseBody(ExtensionRequest, body))),
});
