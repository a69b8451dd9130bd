import { Duration, RemovalPolicy, Stack, type StackProps, CfnOutput } from 'aws-cdk-lib';
import { CfnSamplingRule } from 'aws-cdk-lib/aws-xray';
import {
  AccessLogFormat,
  AuthorizationType,
  IdentitySource,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  Model,
  RequestValidator,
  ResponseType,
  RestApi,
  TokenAuthorizer,
  type JsonSchema,
  type IResource,
} from 'aws-cdk-lib/aws-apigateway';
import { ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { GUIDE_ALERTS } from '../../shared/adapters/dynamodb/keys.ts';
import { isPublic, ROUTES, type FunctionName } from '../../shared/http/routes.ts';
import { requestSchemas } from '../../shared/http/openapi.ts';
import { NOTICE_FONT_ASSETS, PlatformFunction } from '../constructs/platform-function.ts';
import { ARCHIVE_DESTRUCTION_ROLE, type DataStack } from './data-stack.ts';
import type { WorkflowsStack } from './workflows-stack.ts';

export interface ApiStackProps extends StackProps {
  readonly data: DataStack;
  readonly workflows: WorkflowsStack;
  /** the OIDC issuer of the province's real-name identity system [N13] */
  readonly jwtIssuer: string;
  /** where the issuer publishes its signing keys */
  readonly jwksUrl: string;
  /** the audience (client id) this API is registered under at the issuer: tokens for other applications are refused */
  readonly jwtAudience: string;
  /** the RFC 3161 time-stamp authority that stamps transfer manifests [E26] */
  readonly tsaUrl: string;
  /** the stage's steady rate and burst, requests per second */
  readonly throttle: { rateLimit: number; burstLimit: number };
  /** working days an applicant has to answer a correction notice [N14], and a department to follow up a 差评 [N21] */
  readonly correctionWorkingDays: number;
  readonly followUpWorkingDays: number;
  /** X-Ray: the share of requests traced beyond the reservoir of `reservoir` a second (absent: X-Ray's default rule, as on LocalStack, which has no X-Ray) */
  readonly tracing?: { sampleRate: number; reservoir: number };
}

/**
 * problem+json for the errors API Gateway answers itself (API.md "Conventions"). A gateway response
 * template is not VTL: it takes `$context` variables as they are. `$context.error.messageString` is
 * already a quoted JSON string; `$context.error.validationErrorString` is the model validator's account
 * of every failing property, placed inside a JSON string (the local gateway writes the same variables,
 * its validator naming each failing path).
 */
const problemTemplate = (status: number, title: string, detail: string, errors?: { path: string; message: string }) =>
  ({ 'application/json': `{"type":"about:blank","title":${JSON.stringify(title)},"status":${status},"detail":${detail}${errors ? `,"errors":[{"path":${JSON.stringify(errors.path)},"message":"${errors.message}"}]` : ''}}` });

/**
 * The public REST API (v1) of API.md: request validation at the gateway, stage throttling, and a
 * Lambda token authorizer verifying the province's RS256 JWTs [N13]. REST, not HTTP API: HTTP APIs
 * are a paid feature on LocalStack and lack request validation.
 */
export class ApiStack extends Stack {
  readonly api: RestApi;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { data, workflows } = props;
    const common = { CASES_TABLE: data.cases.tableName, CATALOG_TABLE: data.catalog.tableName };

    const authorizerFn = new PlatformFunction(this, 'AuthorizerFn', {
      name: 'authorizer',
      memorySize: 256,
      environment: { JWT_ISSUER: props.jwtIssuer, JWKS_URL: props.jwksUrl, JWT_AUDIENCE: props.jwtAudience },
    });
    // the lookup holds the search index in memory: more memory also buys a faster CPU for cold loads
    const mattersFn = new PlatformFunction(this, 'MattersFn', { name: 'matters', memorySize: 1024, environment: { ...common, CATALOG_BUCKET: data.catalogBucket.bucketName, SEARCH_INDEX_RECHECK_SECONDS: '10' } });
    data.catalog.grantReadData(mattersFn);
    data.catalogBucket.grantRead(mattersFn, 'search/*');
    const catalogFn = new PlatformFunction(this, 'CatalogFn', {
      name: 'catalog',
      timeout: Duration.seconds(29),
      environment: { CATALOG_TABLE: data.catalog.tableName, CATALOG_PUBLISH_SM_ARN: workflows.catalogPublish.stateMachineArn, CASES_TABLE: data.cases.tableName },
    });
    data.catalog.grantReadWriteData(catalogFn);
    // [N20] 事前: the guide alerts a change raises or clears, in their one partition of the case table and nowhere else
    catalogFn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:PutItem', 'dynamodb:Query'],
        resources: [data.cases.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [GUIDE_ALERTS] } },
      }),
    );
    workflows.catalogPublish.grantStartExecution(catalogFn);
    // the gate reads the staff register and authorisations (cases table) before a link is signed
    const uploadsFn = new PlatformFunction(this, 'UploadsFn', { name: 'uploads', environment: { UPLOADS_BUCKET: data.uploads.bucketName, CASES_TABLE: data.cases.tableName } });
    data.uploads.grantPut(uploadsFn);
    data.cases.grantReadData(uploadsFn);
    const intakeFn = new PlatformFunction(this, 'IntakeFn', {
      name: 'intake',
      timeout: Duration.seconds(29),
      environment: { ...common, IDEMPOTENCY_TABLE: data.idempotency.tableName, ROUTING_SM_ARN: workflows.routing.stateMachineArn },
    });
    data.idempotency.grantReadWriteData(intakeFn);
    workflows.routing.grantStartSyncExecution(intakeFn);
    const workflowEnv = { FORWARDING_SM_ARN: workflows.forwarding.stateMachineArn, UNIFIED_RETURN_SM_ARN: workflows.unifiedReturn.stateMachineArn };
    const casesFn = new PlatformFunction(this, 'CasesFn', { name: 'cases', environment: { ...common, UPLOADS_BUCKET: data.uploads.bucketName, FOLLOW_UP_WORKING_DAYS: String(props.followUpWorkingDays) } });
    data.cases.grantReadWriteData(casesFn);
    // downloads of notices are presigned GETs of the documents bucket [N14]
    data.documents.grantRead(casesFn, 'notices/*');
    data.catalog.grantReadData(casesFn);
    data.uploads.grantRead(casesFn);
    // a resident's authorisations of agents [H26]
    const authorisationsFn = new PlatformFunction(this, 'AuthorisationsFn', { name: 'authorisations', memorySize: 256, environment: { CASES_TABLE: data.cases.tableName } });
    data.cases.grantReadWriteData(authorisationsFn);
    // the supervisors' complaint queue [N21]
    const complaintsFn = new PlatformFunction(this, 'ComplaintsFn', { name: 'complaints', memorySize: 256, environment: { CASES_TABLE: data.cases.tableName, CATALOG_TABLE: data.catalog.tableName } });
    data.cases.grantReadWriteData(complaintsFn);
    // and the 差评 follow-ups [N21]: the catalog names the departments asked for
    data.catalog.grantReadData(complaintsFn);
    // 电子监察 [N20]: the rules, and the alerts through the queue index (reads only; the catalog names departments)
    const supervisionFn = new PlatformFunction(this, 'SupervisionFn', { name: 'supervision', memorySize: 256, environment: { CASES_TABLE: data.cases.tableName, CATALOG_TABLE: data.catalog.tableName } });
    data.cases.grantReadData(supervisionFn);
    data.catalog.grantReadData(supervisionFn);
    // halls and appointments [H20]: halls and matters from the catalog, bookings and their places in the case table
    const hallsFn = new PlatformFunction(this, 'HallsFn', { name: 'halls', memorySize: 256, environment: { CASES_TABLE: data.cases.tableName, CATALOG_TABLE: data.catalog.tableName } });
    data.cases.grantReadWriteData(hallsFn);
    data.catalog.grantReadData(hallsFn);
    // the booking notice (预约回执) as a PDF [H20]: rendered on request with the notices' typeface, stored nowhere
    const bookingNoticesFn = new PlatformFunction(this, 'BookingNoticesFn', {
      name: 'booking-notices',
      environment: { CASES_TABLE: data.cases.tableName, CATALOG_TABLE: data.catalog.tableName },
      assets: NOTICE_FONT_ASSETS,
    });
    data.cases.grantReadData(bookingNoticesFn);
    data.catalog.grantReadData(bookingNoticesFn);
    // a department's staff register [N13] and absences [H22]
    const staffFn = new PlatformFunction(this, 'StaffFn', { name: 'staff', memorySize: 256, environment: { CASES_TABLE: data.cases.tableName } });
    data.cases.grantReadWriteData(staffFn);
    const tasksFn = new PlatformFunction(this, 'TasksFn', {
      name: 'tasks',
      // working days an applicant has to answer a correction notice (-c correctionWorkingDays=N)
      environment: { ...common, ...workflowEnv, CORRECTION_WORKING_DAYS: String(props.correctionWorkingDays) },
    });
    data.cases.grantReadWriteData(tasksFn);
    data.catalog.grantReadData(tasksFn);
    workflows.forwarding.grantStartExecution(tasksFn);
    workflows.unifiedReturn.grantStartExecution(tasksFn);
    const licencesFn = new PlatformFunction(this, 'LicencesFn', { name: 'licences', environment: { CASES_TABLE: data.cases.tableName } });
    // a revocation is a step of the licence's case: one transaction on the case table [E16]
    data.cases.grantReadWriteData(licencesFn);
    // a licence's PDF rendition is a presigned GET beside its case's notices [E15]
    data.documents.grantRead(licencesFn, 'notices/*');
    // the public checks of licences and notices: they verify signatures with the signing key's public half
    const verificationFn = new PlatformFunction(this, 'VerificationFn', { name: 'verification', environment: { CASES_TABLE: data.cases.tableName, LICENCE_KEY_ID: data.signingKey.keyArn } });
    data.cases.grantReadData(verificationFn);
    data.signingKey.grant(verificationFn, 'kms:GetPublicKey');
    // the operators' trust anchors for signed materials [E13]: their partition of the case table
    const trustAnchorsFn = new PlatformFunction(this, 'TrustAnchorsFn', { name: 'trust-anchors', memorySize: 256, environment: { CASES_TABLE: data.cases.tableName } });
    data.cases.grantReadWriteData(trustAnchorsFn);
    const archiveFn = new PlatformFunction(this, 'ArchiveFn', {
      name: 'archive',
      timeout: Duration.seconds(29),
      environment: { CASES_TABLE: data.cases.tableName, ARCHIVE_SAMPLE_RATE: '0.05', ARCHIVE_BUCKET: data.archive.bucketName, LICENCE_KEY_ID: data.signingKey.keyArn, TSA_URL: props.tsaUrl },
    });
    // reads cases; writes four-property check runs (the archive-checks function runs them) and transfer batches
    data.cases.grantReadWriteData(archiveFn);
    data.archive.grantRead(archiveFn);
    // [E26] a transfer batch's manifest: a new object under transfers/, locked and held, its lock read back
    archiveFn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject', 's3:PutObjectRetention', 's3:PutObjectLegalHold'], resources: [data.archive.arnForObjects('transfers/*')] }));
    data.archiveKey.grantEncrypt(archiveFn);
    data.signingKey.grant(archiveFn, 'kms:Sign', 'kms:GetPublicKey');
    // [E18] 销毁: the one role the archive bucket's policy lets delete versions (DataStack names it)
    const destructionRole = new Role(this, 'ArchiveDestructionRole', {
      roleName: ARCHIVE_DESTRUCTION_ROLE,
      description: 'The archive destruction function: deletes what an approved appraisal lists, after its waiting period',
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
    });
    const destructionFn = new PlatformFunction(this, 'ArchiveDestructionFn', { name: 'archive-destruction', role: destructionRole, timeout: Duration.seconds(29), environment: { CASES_TABLE: data.cases.tableName } });
    data.cases.grantReadWriteData(destructionFn);
    destructionFn.addToRolePolicy(new PolicyStatement({ actions: ['s3:DeleteObjectVersion'], resources: [data.archive.arnForObjects('archive/*')] }));
    archiveFn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObjectRetention', 's3:GetObjectLegalHold'],
        resources: [data.archive.arnForObjects('*')],
      }),
    );

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY });
    this.api = new RestApi(this, 'PublicApi', {
      restApiName: 'zwfw-public-api',
      description: '陕西政务服务网 public API v1',
      cloudWatchRole: true,
      // a document route's bytes (the booking notice), decoded for a request whose first Accept type names it
      binaryMediaTypes: ['application/pdf'],
      deployOptions: {
        stageName: 'prod',
        throttlingRateLimit: props.throttle.rateLimit,
        throttlingBurstLimit: props.throttle.burstLimit,
        loggingLevel: MethodLoggingLevel.ERROR,
        tracingEnabled: true,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
      },
    });

    // API Gateway's own refusals speak problem+json too
    const said = (detail: string) => JSON.stringify(detail);
    const gatewayErrors: [ResponseType, number, string, string, { path: string; message: string }?][] = [
      // the body's failing paths, as the gateway's model validator names them
      [ResponseType.BAD_REQUEST_BODY, 400, 'Bad Request', said('the request body does not match the schema'), { path: '(body)', message: '$context.error.validationErrorString' }],
      // which required parameter is missing, in the gateway's own words (a quoted string)
      [ResponseType.BAD_REQUEST_PARAMETERS, 400, 'Bad Request', '$context.error.messageString'],
      [ResponseType.REQUEST_TOO_LARGE, 413, 'Content Too Large', said('the request body is larger than the API takes')],
      [ResponseType.UNAUTHORIZED, 401, 'Unauthorized', said('a valid bearer token is required')],
      [ResponseType.ACCESS_DENIED, 403, 'Forbidden', said('the token does not allow this')],
      [ResponseType.MISSING_AUTHENTICATION_TOKEN, 404, 'Not Found', said('no such route')],
      [ResponseType.THROTTLED, 429, 'Too Many Requests', said('slow down and retry')],
      [ResponseType.DEFAULT_5XX, 502, 'Bad Gateway', said('the request could not be completed')],
    ];
    for (const [type, status, title, detail, errors] of gatewayErrors) {
      this.api.addGatewayResponse(`Gw${type.responseType}`, {
        type,
        statusCode: String(status),
        responseHeaders: { 'Content-Type': "'application/problem+json'" },
        templates: problemTemplate(status, title, detail, errors),
      });
    }

    const authorizer = new TokenAuthorizer(this, 'JwtAuthorizer', {
      handler: authorizerFn,
      identitySource: IdentitySource.header('Authorization'),
      // a cached answer never outlives its token by more than this; the handlers refuse an expired token themselves
      resultsCacheTtl: Duration.minutes(1),
    });
    const bodyValidator = new RequestValidator(this, 'BodyValidator', { restApi: this.api, validateRequestBody: true, validateRequestParameters: true });
    // the request models are the OpenAPI document's request schemas, in the draft API Gateway reads
    const modelSchemas = requestSchemas('draft-4');
    const models = new Map<string, Model>();
    const model = (name: string) =>
      models.get(name) ?? models.set(name, new Model(this, `${name}Model`, { restApi: this.api, contentType: 'application/json', modelName: name, schema: modelSchemas[name] as JsonSchema })).get(name)!;

    const openapiFn = new PlatformFunction(this, 'OpenApiFn', { name: 'openapi', memorySize: 256 });
    const functions: Record<FunctionName, PlatformFunction> = {
      matters: mattersFn,
      catalog: catalogFn,
      uploads: uploadsFn,
      intake: intakeFn,
      cases: casesFn,
      authorisations: authorisationsFn,
      complaints: complaintsFn,
      tasks: tasksFn,
      staff: staffFn,
      licences: licencesFn,
      verification: verificationFn,
      'trust-anchors': trustAnchorsFn,
      archive: archiveFn,
      'archive-destruction': destructionFn,
      supervision: supervisionFn,
      halls: hallsFn,
      'booking-notices': bookingNoticesFn,
      openapi: openapiFn,
    };
    const integrations = new Map<PlatformFunction, LambdaIntegration>();
    const integration = (fn: PlatformFunction) => integrations.get(fn) ?? integrations.set(fn, new LambdaIntegration(fn)).get(fn)!;

    // every route of API.md, from the one table the OpenAPI document is generated from
    for (const r of ROUTES) {
      const resource = r.path.split('/').filter(Boolean).reduce<IResource>((parent, part) => parent.getResource(part) ?? parent.addResource(part), this.api.root);
      resource.addMethod(r.method, integration(functions[r.fn]), {
        ...(isPublic(r) ? { authorizationType: AuthorizationType.NONE } : { authorizer, authorizationType: AuthorizationType.CUSTOM }),
        ...(r.body || r.requiredHeaders ? { requestValidator: bodyValidator } : {}),
        ...(r.body ? { requestModels: { 'application/json': model(r.body.name) } } : {}),
        ...(r.requiredHeaders ? { requestParameters: Object.fromEntries(r.requiredHeaders.map((h) => [`method.request.header.${h}`, true])) } : {}),
      });
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });

    // what is traced, and so what X-Ray bills: one rule for the whole platform (npm run cost reads it)
    if (props.tracing)
      new CfnSamplingRule(this, 'Sampling', {
        samplingRule: {
          ruleName: 'zwfw',
          priority: 1000,
          fixedRate: props.tracing.sampleRate,
          reservoirSize: props.tracing.reservoir,
          serviceName: '*',
          serviceType: '*',
          host: '*',
          httpMethod: '*',
          urlPath: '*',
          resourceArn: '*',
          version: 1,
        },
      });
  }
}
