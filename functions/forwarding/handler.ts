import { CALENDAR } from '#shared/adapters/calendar';
import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { catalogReader } from '#shared/adapters/dynamodb/catalog';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { metrics } from '#shared/adapters/metrics';
import { systemClock } from '#shared/adapters/system';
import { openReviews } from '#shared/domain/steps/forwarding';

const ports = { cases: caseRepository, catalog: catalogReader, metrics, clock: systemClock, calendar: CALENDAR, staff: staffRegister, authorisations: authorisationStore };

/** The forwarding workflow's step [N14] 转递部门: acceptance notice and one review task per department. */
export const handler = async (event: { caseId: string }) => openReviews(ports, event.caseId);
