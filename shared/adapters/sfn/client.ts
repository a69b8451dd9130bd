import { SFNClient } from '@aws-sdk/client-sfn';

/** The Step Functions client, once per Lambda instance; its endpoint from `AWS_ENDPOINT_URL_SFN` locally. */
let sfn: SFNClient | undefined;

export function sfnClient(): SFNClient {
  // StartSyncExecution carries a `sync-` host prefix on AWS; a local endpoint (the local runtime's, or
  // LocalStack's one endpoint for every service) has no such host
  sfn ??= new SFNClient({ disableHostPrefix: Boolean(process.env.AWS_ENDPOINT_URL_SFN ?? process.env.AWS_ENDPOINT_URL) });
  return sfn;
}
