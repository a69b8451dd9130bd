import { recordSubmission, validateApplication, type RoutingInput } from '#shared/domain/intake';
import { asStep } from '#shared/workflows/step-error';

/** The routing workflow's Lambda steps (N14 统一收件): validate, then route and record. */
type Event = { action: 'validate'; input: RoutingInput } | { action: 'record'; input: RoutingInput & { validated: Awaited<ReturnType<typeof validateApplication>> } };

export const handler = async (event: Event) =>
  asStep(async () => {
    if (event.action === 'validate') return { ...event.input, validated: await validateApplication(event.input) };
    return recordSubmission(event.input);
  });
