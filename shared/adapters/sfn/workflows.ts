import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { WorkflowKind, Workflows } from '../../domain/ports.ts';
import { logger } from '../observability.ts';
import { env } from '../env.ts';
import { sfnClient } from './client.ts';

const ARN_ENV: Record<WorkflowKind, string> = { forwarding: 'FORWARDING_SM_ARN', unified_return: 'UNIFIED_RETURN_SM_ARN', catalog_publish: 'CATALOG_PUBLISH_SM_ARN' };

/**
 * Starts the next workflow after the step that needs it was committed. The case records
 * `pendingWorkflow` in that same transaction, so if this start fails the sweeper re-drives it and no
 * case is stranded; every workflow step is idempotent, so a second start is harmless.
 */
export const workflows: Workflows = {
  async start(kind, caseId, input = { caseId }) {
    try {
      await sfnClient().send(new StartExecutionCommand({ stateMachineArn: env(ARN_ENV[kind]), name: `${caseId}-${kind}-${Date.now()}`, input: JSON.stringify(input) }));
      return true;
    } catch (err) {
      logger.error('workflow did not start; the sweeper will re-drive it', { kind, caseId, error: err as Error });
      return false;
    }
  },
};
