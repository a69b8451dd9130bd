import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import type { Caller } from '../auth/caller.ts';
import { forbidden, notFound, unprocessable } from '../http/problem.ts';
import { dynamo, env } from '../storage/clients.ts';
import type { AuthorisationRequest } from './schemas.ts';

/**
 * 代办 (H13, H25–H28): a resident authorises a village agent (代办员) to file for them — for named matters
 * or all, until a date. The authorisation is stored and checked at every agent filing; the resident can
 * revoke it.
 */
export interface Authorisation {
  applicantSub: string;
  applicantName: string;
  agentSub: string;
  /** matter codes the agent may file; empty = any matter */
  matterCodes: string[];
  validUntil: string;
  createdAt: string;
}

const key = (applicantSub: string, agentSub: string) => ({ pk: `AUTH#${applicantSub}`, sk: `AGENT#${agentSub}` });

export async function grantAuthorisation(caller: Caller, req: z.infer<typeof AuthorisationRequest>, now = () => new Date()): Promise<Authorisation> {
  if (!caller.roles.includes('citizen')) throw forbidden('an authorisation is given by the applicant themself');
  if (req.agentSub === caller.sub) throw unprocessable('an applicant does not authorise themself', [{ path: 'agentSub', message: 'the caller' }]);
  if (Date.parse(req.validUntil) <= now().getTime()) throw unprocessable('validUntil must be in the future', [{ path: 'validUntil', message: 'in the past' }]);
  const a: Authorisation = {
    applicantSub: caller.sub,
    applicantName: caller.name,
    agentSub: req.agentSub,
    matterCodes: req.matterCodes ?? [],
    validUntil: req.validUntil,
    createdAt: now().toISOString(),
  };
  // a new authorisation for the same agent replaces the old one: the resident's latest word counts
  await dynamo().send(new PutCommand({ TableName: env('CASES_TABLE'), Item: { ...key(caller.sub, req.agentSub), type: 'authorisation', ...a } }));
  return a;
}

export async function revokeAuthorisation(caller: Caller, agentSub: string): Promise<void> {
  const res = await dynamo().send(new DeleteCommand({ TableName: env('CASES_TABLE'), Key: key(caller.sub, agentSub), ReturnValues: 'ALL_OLD' }));
  if (!res.Attributes) throw notFound(`there is no authorisation of ${agentSub}`);
}

/** The agent may file this matter for this applicant now; otherwise 403 naming why. */
export async function assertAgentAuthorised(applicantSub: string, agentSub: string, matterCode: string, at: Date): Promise<Authorisation> {
  const res = await dynamo().send(new GetCommand({ TableName: env('CASES_TABLE'), Key: key(applicantSub, agentSub), ConsistentRead: true }));
  const a = res.Item as Authorisation | undefined;
  if (!a) throw forbidden(`the applicant has not authorised agent ${agentSub} (代办授权)`);
  if (Date.parse(a.validUntil) <= at.getTime()) throw forbidden(`the authorisation of agent ${agentSub} expired on ${a.validUntil}`);
  if (a.matterCodes.length && !a.matterCodes.includes(matterCode)) throw forbidden(`the authorisation of agent ${agentSub} does not cover matter ${matterCode}`);
  return a;
}
