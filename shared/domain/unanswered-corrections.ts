import { shanghaiDate } from '../calendar/working-days.ts';
import { logger } from '../observability.ts';
import type { Case } from './case.ts';
import { commitCase, getCaseFile, openCaseIdsDue } from './case-store.ts';
import { withRetry } from './decisions.ts';
import { SYSTEM } from './forwarding.ts';
import { makeNotice } from './notices.ts';

/**
 * A correction never answered (补齐补正 not supplied by `correctionDue`) closes the case as returned
 * (退件, N14), with a notice saying why. Found through the deadline index (open cases by the date that
 * matters next), month by month up to `now`: a Query per month, never a Scan.
 */
export async function closeUnansweredCorrections(now: Date, months = 13): Promise<string[]> {
  const today = shanghaiDate(now);
  const closed: string[] = [];
  for (let k = months - 1; k >= 0; k--) {
    const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - k, 1));
    const month = d.toISOString().slice(0, 7);
    for await (const caseId of openCaseIdsDue(month, today)) {
      if (await closeIfUnanswered(caseId, now)) closed.push(caseId);
    }
  }
  if (closed.length) logger.info('closed cases whose correction was never answered', { count: closed.length });
  return closed;
}

async function closeIfUnanswered(caseId: string, now: Date): Promise<boolean> {
  return withRetry(caseId, async () => {
    const file = await getCaseFile(caseId);
    const c = file?.case;
    if (!file || !c || c.status !== 'correction_required' || !c.correctionDue || shanghaiDate(now) <= c.correctionDue) return false;
    const at = now.toISOString();
    const reason = `逾期未补齐补正材料（应于${c.correctionDue}前补正）`;
    const notice = makeNotice(caseId, 'return', file.notices.length + 1, at, { reason, dept: c.acceptingDept });
    const after: Case = { ...c, status: 'returned', correctionDue: undefined };
    await commitCase({ before: c, after, event: { at, actor: SYSTEM, action: 'close_unanswered_correction', detail: { correctionDue: c.correctionDue, noticeId: notice.noticeId } }, notices: [notice] });
    return true;
  });
}
