/**
 * What `npm run localstack:deploy` deploys to LocalStack, and what it may use there: only services of
 * LocalStack's free (Hobby) plan (LOCAL-ENGINES.md). The supervision page's stack is left out: it
 * needs CloudFront and a Lambda layer (its bucket deployment), neither on that plan; the local runtime
 * serves the page instead. test/cdk/localstack.test.ts holds the templates to this list.
 */
export const LOCALSTACK_STACKS = ['Zwfw-Data', 'Zwfw-Workflows', 'Zwfw-Api', 'Zwfw-Supervision'] as const;

/** CloudFormation resource types by service, as LocalStack's free plan has them */
export const LOCALSTACK_FREE_TYPES = [
  /^AWS::ApiGateway::/, // REST API (v1); HTTP APIs (v2) are paid
  /^AWS::Lambda::(Function|Permission|EventSourceMapping)$/, // layers are paid
  /^AWS::DynamoDB::Table$/,
  /^AWS::S3::(Bucket|BucketPolicy)$/,
  /^AWS::StepFunctions::StateMachine$/,
  /^AWS::CloudWatch::(Alarm|Dashboard)$/,
  /^AWS::Logs::LogGroup$/,
  /^AWS::Events::Rule$/,
  /^AWS::KMS::Key$/,
  /^AWS::IAM::(Role|Policy)$/,
  /^AWS::CDK::Metadata$/,
];

/** Whether the app is synthesized for LocalStack (`-c localstack=true`). */
export const isLocalStack = (scope: { node: { tryGetContext(key: string): unknown } }) => ['true', true].includes(scope.node.tryGetContext('localstack') as string | boolean);

/** The pinned image docker-compose.yml runs (CalVer; it needs LOCALSTACK_AUTH_TOKEN since 2026-03-23). */
export const LOCALSTACK_IMAGE = 'localstack/localstack:2026.09.0';

/** Where LocalStack and the companions answer on the operator's machine (the compose file's ports), unless the environment says otherwise. */
export const localStackEndpoint = () => process.env.AWS_ENDPOINT_URL ?? 'http://localhost.localstack.cloud:4566';
export const companionsUrl = () => process.env.ZWFW_COMPANIONS_URL ?? 'http://127.0.0.1:8080';

/** Where the companions container (local/companions.ts) is, seen from LocalStack's Lambda containers on the compose network. */
export const LOCALSTACK_COMPANIONS = {
  jwtIssuer: 'http://companions:8080',
  jwksUrl: 'http://companions:8080/.well-known/jwks.json',
  jwtAudience: 'zwfw-localstack',
  tsaUrl: 'http://companions:8081/tsa',
} as const;
