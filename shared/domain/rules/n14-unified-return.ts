/**
 * 统一反馈 [N14]: the departments decide separately (分头办理) and the applicant gets one result: approved
 * when every department approved, denied when any denied.
 */
export const outcomeOf = (opinions: { decision: 'approve' | 'deny' }[]): 'approved' | 'denied' => (opinions.every((o) => o.decision === 'approve') ? 'approved' : 'denied');
