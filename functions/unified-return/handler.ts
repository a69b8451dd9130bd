import { archiveCase, issueResult } from '#shared/domain/unified-return';

/** The unified return workflow's steps (N14 统一反馈, E15, E22–E24). */
export const handler = async (event: { action: 'result' | 'archive'; caseId: string }) =>
  event.action === 'result' ? issueResult(event.caseId) : archiveCase(event.caseId);
