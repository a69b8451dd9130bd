import type { Caller } from '../auth/caller.ts';
import type * as z from 'zod/mini';
import type { OfflineStep } from './case.ts';
import { commitCase } from './case-store.ts';
import { loadOpenReview, withRetry } from './decisions.ts';
import { actorOf } from './intake.ts';
import type { OfflineStepRequest } from './schemas.ts';

/** N17: site inspections, expert reviews and hearings are recorded, as they happened, on the review task. */
export async function recordOfflineStep(caller: Caller, taskId: string, req: z.infer<typeof OfflineStepRequest>, now = () => new Date()) {
  return withRetry(taskId, async () => {
    const { file, task } = await loadOpenReview(caller, taskId, ['handler', 'head']);
    const at = now().toISOString();
    const actor = actorOf(caller, caller.roles.includes('head') ? 'head' : 'handler');
    const step: OfflineStep = { ...req, recordedBy: actor, recordedAt: at };
    const c = file.case;
    await commitCase({
      before: c,
      after: c,
      event: { at, actor, action: `offline_${req.kind}`, detail: { taskId, startedAt: req.startedAt, endedAt: req.endedAt } },
      updatedTasks: [{ ...task, offlineSteps: [...(task.offlineSteps ?? []), step] }],
    });
    return step;
  });
}
