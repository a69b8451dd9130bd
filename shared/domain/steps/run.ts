import { authorize, type Subject } from '../access/gate.ts';
import type { Action } from '../access/policies.ts';
import type { Caller, Role } from '../caller.ts';
import type { Case, Task } from '../case.ts';
import { Conflict, NotFound, Stale } from '../errors.ts';
import type { CaseFile } from '../case-file.ts';
import type { CaseChange, CaseMetric, Ports } from '../ports.ts';
import { metricDimensions } from '../business-metrics.ts';

/** What a step decided: the change to commit (none when its work is already done), what it answers, what it counts. */
export interface Outcome<R> {
  change?: CaseChange;
  /** the answer, from the case as committed (or as read, when nothing was committed) */
  result: (saved: Case) => R;
  metrics?: CaseMetric[];
}

/** Where a step runs: its case (and task), and who asks for which action (absent for the platform's own workflow steps). */
export interface Target {
  caseId: string;
  /** the task the step acts on; it must belong to the case */
  taskId?: string;
  caller?: Caller;
  action?: Action;
}

export interface StepContext {
  file: CaseFile;
  task?: Task;
  /** the role the gate let the caller act in */
  role?: Role;
  now: Date;
  /** `now` as an ISO time, the time of the step's audit event */
  at: string;
}

/**
 * What every step needs. Only a step that can make a workflow owed (acceptance, the last review) takes
 * `workflows` as well, and has it required by its own type; the others leave it out of their bundle.
 */
export type StepPorts = Pick<Ports, 'cases' | 'metrics' | 'clock' | 'staff' | 'authorisations'> & Partial<Pick<Ports, 'workflows'>>;

/** How often a step that lost a race on the case's version reads it again (two departments deciding at once). */
const ATTEMPTS = 8;

/**
 * Runs one step of a case: load it (and its task), ask the gate, decide, commit in one transaction,
 * then count what happened and start the workflow the step made owed. A step that lost a race on the
 * case's version (Stale) is run again from a fresh read, here and nowhere else.
 */
export async function runCaseStep<R>(ports: StepPorts, target: Target, decide: (ctx: StepContext) => Promise<Outcome<R>> | Outcome<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      const now = ports.clock.now();
      const file = await ports.cases.getFile(target.caseId);
      const task = target.taskId ? file?.tasks.find((t) => t.taskId === target.taskId) : undefined;
      if (!file || (target.taskId && !task)) throw new NotFound(target.taskId ? `there is no task ${target.taskId}` : `there is no case ${target.caseId}`);
      let role: Role | undefined;
      if (target.caller && target.action) {
        const subject: Subject = task ? { kind: 'task', case: file.case, task } : { kind: 'case', case: file.case };
        role = await authorize(ports, target.caller, target.action, subject, now);
      }
      const outcome = await decide({ file, task, role, now, at: now.toISOString() });
      const saved = outcome.change ? await ports.cases.commit(outcome.change) : file.case;
      for (const m of outcome.metrics ?? []) ports.metrics.count(m, metricDimensions(saved));
      // the workflow this step made owed starts now; if the start is lost the sweeper re-drives it
      if (outcome.change && saved.pendingWorkflow && saved.pendingWorkflow !== file.case.pendingWorkflow) {
        await ports.workflows?.start(saved.pendingWorkflow, saved.caseId);
      }
      return outcome.result(saved);
    } catch (err) {
      if (!(err instanceof Stale)) throw err;
      if (attempt >= ATTEMPTS) throw new Conflict(`case ${target.caseId} is busy; try again`, { cause: err });
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * attempt));
    }
  }
}
