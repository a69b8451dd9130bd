import { archiveCheckStore } from '#shared/adapters/dynamodb/archive-checks';
import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { archiveLocks } from '#shared/adapters/s3/archive-locks';
import { downloads } from '#shared/adapters/s3/downloads';
import { settings, systemClock } from '#shared/adapters/system';
import { readArchiveCheck, requestArchiveCheck } from '#shared/domain/steps/archive-checks';
import { packageLink, readArchive } from '#shared/domain/steps/reads';
import { apiHandler } from '#shared/http/handler';
import { parseBody } from '#shared/http/parse';
import { AppraisalRejection, AppraisalRequest, ArchiveCheckRequest, ScheduleEntryRequest, TransferReceipt, TransferRequest } from '#shared/http/schemas';
import { listSchedule, readScheduleEntry, setScheduleEntry } from '#shared/domain/steps/retention-schedule';
import { retentionScheduleStore } from '#shared/adapters/dynamodb/retention-schedule';
import { approveAppraisal, proposeAppraisal, readAppraisal, rejectAppraisal } from '#shared/domain/steps/appraisals';
import { appraisalStore } from '#shared/adapters/dynamodb/appraisals';
import { prepareTransfer, readTransfer, recordReceipt } from '#shared/domain/steps/transfers';
import { transferStore } from '#shared/adapters/dynamodb/transfers';
import { archiver } from '#shared/adapters/s3/archive';
import { archiveStore } from '#shared/adapters/s3/archive-store';
import { signer } from '#shared/adapters/kms/signer';
import { timestampAuthority } from '#shared/adapters/tsa/client';
import { regions } from '#shared/adapters/regions';

const ports = {
  cases: caseRepository,
  staff: staffRegister,
  authorisations: authorisationStore,
  clock: systemClock,
  archive: archiver,
  archiveLocks,
  archiveStore,
  downloads,
  archiveChecks: archiveCheckStore,
  transfers: transferStore,
  appraisals: appraisalStore,
  retentionSchedule: retentionScheduleStore,
  signer,
  timestamps: timestampAuthority,
  regions,
  settings,
};

/**
 * The archive's API [E18] [E22] [E24] [E26]: where a case's package is and the lock the object store
 * really holds on it, a link to the package itself, four-property checks asked for and read (run by
 * the archive-checks function), and transfer batches to the state archive.
 */
export const handler = apiHandler('archive', {
  'GET /v1/archive/{caseId}': async ({ caller, path }) => ({ body: await readArchive(ports, caller, path.caseId) }),
  'POST /v1/archive/appraisals': async ({ caller, body }) => ({ status: 201, body: await proposeAppraisal(ports, caller, parseBody(AppraisalRequest, body)) }),
  'GET /v1/archive/appraisals/{appraisalId}': async ({ caller, path }) => ({ body: await readAppraisal(ports, caller, path.appraisalId) }),
  'POST /v1/archive/appraisals/{appraisalId}/approve': async ({ caller, path }) => ({ body: await approveAppraisal(ports, caller, path.appraisalId) }),
  'POST /v1/archive/appraisals/{appraisalId}/reject': async ({ caller, path, body }) => ({ body: await rejectAppraisal(ports, caller, path.appraisalId, parseBody(AppraisalRejection, body)) }),
  'GET /v1/archive/retention-schedule': async ({ caller }) => ({ body: await listSchedule(ports, caller) }),
  'GET /v1/archive/retention-schedule/{baseCode}': async ({ caller, path }) => ({ body: await readScheduleEntry(ports, caller, path.baseCode) }),
  'POST /v1/archive/retention-schedule/{baseCode}': async ({ caller, path, body }) => ({ body: await setScheduleEntry(ports, caller, path.baseCode, parseBody(ScheduleEntryRequest, body)) }),
  'GET /v1/archive/{caseId}/package': async ({ caller, path }) => ({ body: await packageLink(ports, caller, path.caseId) }),
  'POST /v1/archive/checks': async ({ caller, body }) => ({ status: 202, body: await requestArchiveCheck(ports, caller, parseBody(ArchiveCheckRequest, body)) }),
  'GET /v1/archive/checks/{checkId}': async ({ caller, path }) => ({ body: await readArchiveCheck(ports, caller, path.checkId) }),
  'POST /v1/archive/transfers': async ({ caller, body }) => ({ status: 202, body: await prepareTransfer(ports, caller, parseBody(TransferRequest, body)) }),
  'GET /v1/archive/transfers/{transferId}': async ({ caller, path }) => ({ body: await readTransfer(ports, caller, path.transferId) }),
  'POST /v1/archive/transfers/{transferId}/receipt': async ({ caller, path, body }) => ({ body: await recordReceipt(ports, caller, path.transferId, parseBody(TransferReceipt, body)) }),
});
