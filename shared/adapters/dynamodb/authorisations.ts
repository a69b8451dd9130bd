import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Authorisation } from '../../domain/authorisation.ts';
import type { AuthorisationStore } from '../../domain/ports.ts';
import { casesTable, dynamo } from './client.ts';
import { authorisationKey, stripKeys } from './keys.ts';

/** Residents' authorisations of agents [H26], beside the cases; read consistently, so a revocation holds at once. */
export const authorisationStore: AuthorisationStore = {
  async get(applicantSub, agentSub) {
    const res = await dynamo().send(new GetCommand({ TableName: casesTable(), Key: authorisationKey(applicantSub, agentSub), ConsistentRead: true }));
    return res.Item ? stripKeys<Authorisation>(res.Item) : undefined;
  },
  async put(a) {
    await dynamo().send(new PutCommand({ TableName: casesTable(), Item: { ...authorisationKey(a.applicantSub, a.agentSub), type: 'authorisation', ...a } }));
  },
  async remove(applicantSub, agentSub) {
    const res = await dynamo().send(new DeleteCommand({ TableName: casesTable(), Key: authorisationKey(applicantSub, agentSub), ReturnValues: 'ALL_OLD' }));
    return !!res.Attributes;
  },
};
