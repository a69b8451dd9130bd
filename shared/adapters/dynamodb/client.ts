import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../env.ts';

/**
 * The DynamoDB client, created once per Lambda instance (outside the handler). Its endpoint comes from
 * the SDK's own `AWS_ENDPOINT_URL_DYNAMODB`, so the same code talks to AWS or to DynamoDB Local. Each
 * service's client is a module of its own, so a function loads only the SDK clients it uses.
 */
let ddb: DynamoDBDocumentClient | undefined;

export function dynamo(): DynamoDBDocumentClient {
  ddb ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } });
  return ddb;
}

/** The case table: cases and everything written with them, licences, registers, authorisations. */
export const casesTable = () => env('CASES_TABLE');
/** The catalog table: matters and their versions, departments, change requests. */
export const catalogTable = () => env('CATALOG_TABLE');
