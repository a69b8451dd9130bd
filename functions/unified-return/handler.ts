import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { catalogReader } from '#shared/adapters/dynamodb/catalog';
import { retentionScheduleStore } from '#shared/adapters/dynamodb/retention-schedule';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { signer } from '#shared/adapters/kms/signer';
import { metrics } from '#shared/adapters/metrics';
import { archiver } from '#shared/adapters/s3/archive';
import { archiveLocks } from '#shared/adapters/s3/archive-locks';
import { noticeDocuments } from '#shared/adapters/s3/notice-documents';
import { uploadStore } from '#shared/adapters/s3/uploads';
import { timestampAuthority } from '#shared/adapters/tsa/client';
import { settings, systemClock } from '#shared/adapters/system';
import { archiveCase, issueResult } from '#shared/domain/steps/unified-return';

const ports = { cases: caseRepository, catalog: catalogReader, signer, archive: archiver, archiveLocks, documents: noticeDocuments, uploads: uploadStore, timestamps: timestampAuthority, settings, retentionSchedule: retentionScheduleStore, metrics, clock: systemClock, staff: staffRegister, authorisations: authorisationStore };

/** The unified return workflow's steps [N14] 统一反馈 [E15] [E24]: one result and its licence, then the e-file archived. */
export const handler = async (event: { action: 'result' | 'archive'; caseId: string }) => (event.action === 'result' ? issueResult(ports, event.caseId) : archiveCase(ports, event.caseId));
