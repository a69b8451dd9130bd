import { SYSTEM } from '../actor.ts';
import { monthsUpTo, shanghaiDate } from '../calendar.ts';
import type { Case } from '../case.ts';
import { recomputedDeadline } from '../clock.ts';
import { noticeIssuer } from '../notices.ts';
import type { Ports } from '../ports.ts';
import { runCaseStep } from './run.ts';

type SweepPorts = Pick<Ports, 'cases' | 'owed' | 'workflows' | 'metrics' | 'clock' | 'calendar' | 'staff' | 'authorisations'>;

/** How often the sweeper asks again for one notice's PDF before it sets it aside for an operator (an hour at 5-minute sweeps). */
export const MAX_RENDER_RETRIES = 12;

/**
 * No case is stranded [N14]. A step that needs a workflow records `pendingWorkflow` in its own
 * transaction; the workflow clears it. Whatever is still owed after `minAgeSeconds` (its start failed,
 * or its execution died) is started again — every workflow step is idempotent, so a second run of one
 * that was merely slow does no harm. So too a catalog change applied but never published [N8], and
 * notices still without their PDF.
 */
export async function sweepOwed(ports: SweepPorts, opts: { minAgeSeconds: number; limit?: number }) {
  const now = ports.clock.now();
  const cutoff = new Date(now.getTime() - opts.minAgeSeconds * 1000).toISOString();
  const limit = opts.limit ?? 100;
  const redriven: string[] = [];
  for (const caseId of await ports.owed.owedWorkflows(cutoff, limit)) {
    // the index is eventually consistent: read the case itself before acting
    const c = await ports.cases.getCase(caseId);
    if (c?.pendingWorkflow && (await ports.workflows.start(c.pendingWorkflow, caseId))) redriven.push(caseId);
  }
  const marks = await ports.owed.catalogMarks();
  const republished = !!marks?.changedAt && (!marks.publishedAt || marks.changedAt > marks.publishedAt) && marks.changedAt < cutoff && (await ports.workflows.start('catalog_publish', 'catalog', { reason: 'sweeper' }));
  const rerendered: string[] = [];
  const stuckNotices: string[] = [];
  for (const { caseId, noticeId } of await ports.owed.unrenderedNotices(cutoff, limit)) {
    const asked = await ports.owed.askRenderAgain(caseId, noticeId, MAX_RENDER_RETRIES);
    if (asked === 'asked') rerendered.push(noticeId);
    if (asked === 'exhausted') {
      await ports.owed.setRenderStuck(caseId, noticeId);
      stuckNotices.push(noticeId);
    }
  }
  if (stuckNotices.length) ports.metrics.stuckNotices(stuckNotices.length);
  return { redriven, republished, rerendered, stuckNotices };
}

/** Open cases whose next date falls on or before `today`, month by month over the last `months`: a Query per month, never a Scan. */
async function* dueBy(ports: Pick<Ports, 'cases'>, today: string, months: number) {
  for (const month of monthsUpTo(today, months)) yield* ports.cases.openCasesDue(month, today);
}

/**
 * A correction never answered (补齐补正 not supplied by `correctionDue`) closes the case as returned
 * (退件 [N14]), with a notice saying why.
 */
export async function closeUnansweredCorrections(ports: SweepPorts, months = 13): Promise<string[]> {
  const now = ports.clock.now();
  const today = shanghaiDate(now);
  const closed: string[] = [];
  for await (const caseId of dueBy(ports, today, months)) {
    const done = await runCaseStep(ports, { caseId }, ({ file, at }) => {
      const c = file.case;
      if (c.status !== 'correction_required' || !c.correctionDue || today <= c.correctionDue) return { result: () => false };
      const reason = `逾期未补齐补正材料（应于${c.correctionDue}前补正）`;
      const notice = noticeIssuer(caseId, file.notices.length, at)('return', { reason, dept: c.acceptingDept });
      const after: Case = { ...c, status: 'returned', correctionDue: undefined };
      return {
        change: { before: c, after, event: { at, actor: SYSTEM, action: 'close_unanswered_correction', detail: { correctionDue: c.correctionDue, noticeId: notice.noticeId } }, notices: [notice] },
        result: () => true,
      };
    });
    if (done) closed.push(caseId);
  }
  return closed;
}

/**
 * Once per calendar deployment: when the deployed holiday data knows a year it did not before, the
 * provisional deadlines that fall in the newly known years are counted again (a Query per month of
 * the deadline index, once), and the year reached is recorded.
 */
export async function recomputeProvisionalDeadlines(ports: SweepPorts): Promise<string[]> {
  const calendar = ports.calendar;
  const from = await ports.owed.calendarYearCounted();
  if (from !== undefined && from >= calendar.lastKnownYear) return [];
  const changed: string[] = [];
  // the first run has no record: provisional deadlines can only lie after the year the data knew
  const firstYear = (from ?? calendar.lastKnownYear - 1) + 1;
  for (let year = firstYear; year <= calendar.lastKnownYear + 1; year++) {
    for (let month = 1; month <= 12; month++) {
      for await (const caseId of ports.cases.openCasesDue(`${year}-${String(month).padStart(2, '0')}`)) {
        const done = await runCaseStep(ports, { caseId }, ({ file, at }) => {
          const c = file.case;
          const next = recomputedDeadline(c, calendar);
          if (!next) return { result: () => false };
          return {
            change: { before: c, after: { ...c, deadline: next.date, deadlineProvisional: next.provisional }, event: { at, actor: SYSTEM, action: 'recompute_deadline', detail: { from: c.deadline, to: next.date, calendarYear: calendar.lastKnownYear } } },
            result: () => true,
          };
        });
        if (done) changed.push(caseId);
      }
    }
  }
  await ports.owed.markCalendarYearCounted(calendar.lastKnownYear, ports.clock.now().toISOString());
  return changed;
}
