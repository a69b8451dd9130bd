import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { CALENDAR } from '../calendar/working-days.ts';
import { logger } from '../observability.ts';
import { dynamo, env } from '../storage/clients.ts';
import { commitCase, getCase, openCaseIdsDue } from './case-store.ts';
import { recomputedDeadline } from './clock.ts';
import { withRetry } from './decisions.ts';
import { SYSTEM } from './forwarding.ts';

const MARKER = { pk: 'META#CALENDAR', sk: 'META' };

/**
 * Once per calendar deployment: when the deployed holiday data knows a year it did not before, the
 * provisional deadlines that fall in the newly known years are counted again (a Query per month of the
 * deadline index, once), and the marker records the year reached.
 */
export async function recomputeProvisionalDeadlines(now: Date): Promise<string[]> {
  const TableName = env('CASES_TABLE');
  const marker = (await dynamo().send(new GetCommand({ TableName, Key: MARKER }))).Item as { knownYear?: number } | undefined;
  const from = marker?.knownYear;
  if (from !== undefined && from >= CALENDAR.lastKnownYear) return [];
  const changed: string[] = [];
  // the first run has no marker: provisional deadlines can only lie after the year the data knew
  const firstYear = (from ?? CALENDAR.lastKnownYear - 1) + 1;
  for (let year = firstYear; year <= CALENDAR.lastKnownYear + 1; year++) {
    for (let month = 1; month <= 12; month++) {
      for await (const caseId of openCaseIdsDue(`${year}-${String(month).padStart(2, '0')}`)) {
        const done = await withRetry(caseId, async () => {
          const c = await getCase(caseId);
          const next = c && recomputedDeadline(c);
          if (!c || !next) return false;
          const at = now.toISOString();
          await commitCase({
            before: c,
            after: { ...c, deadline: next.date, deadlineProvisional: next.provisional },
            event: { at, actor: SYSTEM, action: 'recompute_deadline', detail: { from: c.deadline, to: next.date, calendarYear: CALENDAR.lastKnownYear } },
          });
          return true;
        });
        if (done) changed.push(caseId);
      }
    }
  }
  await dynamo().send(new PutCommand({ TableName, Item: { ...MARKER, knownYear: CALENDAR.lastKnownYear, at: now.toISOString() } }));
  if (changed.length) logger.info('recomputed provisional deadlines', { count: changed.length, calendarYear: CALENDAR.lastKnownYear });
  return changed;
}
