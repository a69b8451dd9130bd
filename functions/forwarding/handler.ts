import { openReviews } from '#shared/domain/forwarding';

/** The forwarding workflow's step (N14 转递部门): acceptance notice and one review task per department. */
export const handler = async (event: { caseId: string }) => openReviews(event.caseId);
