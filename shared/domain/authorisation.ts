/**
 * 代办授权 [H26]: a resident authorises a village agent (代办员) to file for them, for named matters or
 * all, until a date, in the name and identity number the resident's own real-name token carried
 * [N13]. The agent files and acts only while it is in force; the resident can revoke it.
 */
export interface Authorisation {
  applicantSub: string;
  applicantName: string;
  /** the resident's real-name identity as their token carried it when they authorised */
  applicantIdType?: 'resident_id' | 'passport' | 'other';
  applicantIdNumber?: string;
  agentSub: string;
  /** matter codes the agent may act on; empty = any matter */
  matterCodes: string[];
  validUntil: string;
  createdAt: string;
}
