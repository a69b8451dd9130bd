import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';

/**
 * SDK clients, created once per Lambda instance (outside the handler). Endpoints come from the SDK's own
 * `AWS_ENDPOINT_URL_<SERVICE>` settings, so the same code talks to AWS or to the local engines.
 */
let ddb: DynamoDBDocumentClient | undefined;
let s3: S3Client | undefined;
let sfn: SFNClient | undefined;

export function dynamo(): DynamoDBDocumentClient {
  ddb ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return ddb;
}

export function s3Client(): S3Client {
  s3 ??= new S3Client({
    // Ceph RGW (the local S3) wants path-style addressing; AWS accepts it too for our bucket names.
    forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
    // RGW 16 has no flexible checksums: send checksums only where S3 requires one (LOCAL-ENGINES.md).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return s3;
}

export function sfnClient(): SFNClient {
  // StartSyncExecution carries a `sync-` host prefix on AWS; a local endpoint has no such host.
  sfn ??= new SFNClient({ disableHostPrefix: Boolean(process.env.AWS_ENDPOINT_URL_SFN) });
  return sfn;
}

export function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`environment variable ${name} is not set`);
  return v;
}
