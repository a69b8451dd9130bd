import { trustAnchorStore } from '#shared/adapters/dynamodb/trust-anchors';
import { CALENDAR } from '#shared/adapters/calendar';
import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { bookingStore } from '#shared/adapters/dynamodb/bookings';
import { caseRepository } from '#shared/adapters/dynamodb/case-repository';
import { catalogReader } from '#shared/adapters/dynamodb/catalog';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { metrics } from '#shared/adapters/metrics';
import { uploadStore } from '#shared/adapters/s3/uploads';
import { systemClock } from '#shared/adapters/system';
import { recordSubmission, validateApplication, type RoutingInput, type Validated } from '#shared/domain/steps/intake';
import { asStep } from '#shared/workflows/step-error';

const ports = { cases: caseRepository, catalog: catalogReader, uploads: uploadStore, staff: staffRegister, authorisations: authorisationStore, trustAnchors: trustAnchorStore, clock: systemClock, calendar: CALENDAR, metrics, bookings: bookingStore };

/** The routing workflow's Lambda steps [N14] 统一收件: validate, then route and record. */
type Event = { action: 'validate'; input: RoutingInput } | { action: 'record'; input: RoutingInput & { validated: Validated } };

export const handler = async (event: Event) =>
  asStep(async () => {
    if (event.action === 'validate') return { ...event.input, validated: await validateApplication(ports, event.input) };
    return recordSubmission(ports, event.input);
  });
