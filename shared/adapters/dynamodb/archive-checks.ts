import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ArchiveCheck } from '../../domain/archive-check.ts';
import type { ArchiveCheckStore } from '../../domain/ports.ts';
import { casesTable, dynamo } from './client.ts';
import { putIfVersion } from './writes.ts';
import { archiveCheckIndex, archiveCheckKey, stripItem } from './keys.ts';

/**
 * Four-property check runs [E18], one item each beside the cases. While a run is running its item is in
 * the pending index under ARCHIVE_CHECK: the case table's stream hands every write of it to the
 * runner (filtered on that), so saving a page's progress starts the next page, and the completed run
 * leaves the index.
 */
const item = (c: ArchiveCheck) => ({ ...archiveCheckKey(c.checkId), kind: 'archive_check', ...c, ...(c.status === 'running' ? archiveCheckIndex(c.requestedAt, c.checkId) : {}) });


export const archiveCheckStore: ArchiveCheckStore = {
  async create(check) {
    await dynamo().send(new PutCommand({ TableName: casesTable(), Item: item(check), ConditionExpression: 'attribute_not_exists(pk)' }));
  },
  async get(checkId) {
    const res = await dynamo().send(new GetCommand({ TableName: casesTable(), Key: archiveCheckKey(checkId), ConsistentRead: true }));
    return res.Item ? stripItem<ArchiveCheck>(res.Item) : undefined;
  },
  save(check, expectedVersion) {
    return putIfVersion(item(check), expectedVersion);
  },
};
