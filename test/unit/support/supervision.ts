import type { CaseCheck } from '#shared/domain/supervision-rule';
import { shanghaiDate } from '#shared/domain/calendar';
import type { CaseFile } from '#shared/domain/case-file';
import type { MemoryPorts } from './memory-ports';

/** A rule's view of a case in the memory store, at a Beijing date's 10:00 (or now), with the 80 % warning share. */
export function checkOf(ports: MemoryPorts, caseId: string, date?: string, change: (f: CaseFile) => CaseFile = (f) => f): CaseCheck {
  const now = date ? new Date(`${date}T10:00:00+08:00`) : ports.clock.now();
  return { file: change(structuredClone(ports.state.cases.get(caseId)!)), now, today: shanghaiDate(now), calendar: ports.calendar, settings: { yellowShare: 0.8 } };
}
