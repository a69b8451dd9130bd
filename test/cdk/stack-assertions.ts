/**
 * CDK assertions on the synthesized platform (DESIGN.md "AWS building blocks"): the Object Lock archive,
 * the tables, least-privilege IAM, the REST API, the Express workflows and local (Docker-free) bundling.
 * The whole app is synthesized once, with real esbuild bundling and Docker made unusable. The same
 * assertions hold for the templates `npm run localstack:deploy` deploys (-c localstack=true): the two
 * test files that call `describeStacks` prove it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { openApiDocument, requestSchemas } from '../../shared/http/openapi.ts';
import { GSI } from '../../shared/adapters/dynamodb/keys.ts';
import { SUPERVISION_RULES } from '../../shared/domain/supervision.ts';
import {
  allFunctions,
  allRoles,
  allows,
  definitionText,
  grantsOf,
  grantsService,
  logicalIdOf,
  managedPolicyName,
  mentions,
  only,
  removeOutdir,
  resources,
  route,
  routes,
  STACK_NAMES,
  synthPlatform,
  SYNTH_TIMEOUT_MS,
  walk,
  type Platform,
} from './support.ts';

/** What each deploy path adds to the app's context. */
export const TARGET_CONTEXT = { aws: {}, localstack: { localstack: 'true' } } as const;

export function describeStacks(target: keyof typeof TARGET_CONTEXT): void {
  let p: Platform;
  let synthMs = 0;
  let ids: {
    dataKey: string;
    archiveKey: string;
    breakGlass: string;
    cases: string;
    catalog: string;
    idempotency: string;
    uploads: string;
    archive: string;
    routing: string;
    signingKey: string;
  };

  beforeAll(() => {
    const t0 = Date.now();
    p = synthPlatform({ bundle: true, context: TARGET_CONTEXT[target] });
    synthMs = Date.now() - t0;
    ids = {
      dataKey: logicalIdOf(p.data.dataKey),
      archiveKey: logicalIdOf(p.data.archiveKey),
      breakGlass: logicalIdOf(p.data.breakGlass),
      cases: logicalIdOf(p.data.cases),
      catalog: logicalIdOf(p.data.catalog),
      idempotency: logicalIdOf(p.data.idempotency),
      uploads: logicalIdOf(p.data.uploads),
      archive: logicalIdOf(p.data.archive),
      routing: logicalIdOf(p.workflows.routing),
      signingKey: logicalIdOf(p.data.signingKey),
    };
  }, SYNTH_TIMEOUT_MS);

  afterAll(() => removeOutdir(p));

  const dataT = () => p.templates['Zwfw-Data'];
  const apiT = () => p.templates['Zwfw-Api'];
  const workflowsT = () => p.templates['Zwfw-Workflows'];
  const dataKeyArn = () => ({ 'Fn::GetAtt': [ids.dataKey, 'Arn'] });

  // ---------------------------------------------------------------------------------------------------
  describe('archive bucket ([E18] [E24]: records nobody can alter or delete before their time)', () => {
    test('has Object Lock enabled with a COMPLIANCE default retention of at least 10 years', () => {
      only(dataT(), ids.archive).hasResourceProperties('AWS::S3::Bucket', {
        ObjectLockEnabled: true,
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: 'COMPLIANCE' } },
        },
      });
      const retention = resources(dataT())[ids.archive].Properties!.ObjectLockConfiguration.Rule.DefaultRetention;
      const days = retention.Days ?? (retention.Years ?? 0) * 365;
      expect(days).toBeGreaterThanOrEqual(3650); // the shortest retention class (10 years)
    });

    test('is versioned', () => {
      only(dataT(), ids.archive).hasResourceProperties('AWS::S3::Bucket', { VersioningConfiguration: { Status: 'Enabled' } });
    });

    test('is encrypted with its own key (SSE-KMS), which encrypts nothing else', () => {
      only(dataT(), ids.archive).hasResourceProperties('AWS::S3::Bucket', {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [ids.archiveKey, 'Arn'] } } }),
          ],
        },
      });
      const users = Object.entries(resources(dataT())).filter(([id, r]) => id !== ids.archiveKey && r.Type !== 'AWS::KMS::Key' && r.Type !== 'AWS::S3::BucketPolicy' && r.Type !== 'AWS::IAM::Role' && mentions(r.Properties, ids.archiveKey));
      expect(users.map(([id]) => id)).toEqual([ids.archive]);
    });

    test('its key: rotated, retained, and nobody but the named break-glass role may disable it or schedule its deletion [E18]', () => {
      const key = resources(dataT())[ids.archiveKey];
      expect([key.Properties!.EnableKeyRotation, (key as { DeletionPolicy?: string }).DeletionPolicy]).toEqual([true, 'Retain']);
      const deny = (key.Properties!.KeyPolicy.Statement as any[]).find((s) => s.Sid === 'OnlyBreakGlassDisablesOrDeletes');
      expect(deny).toMatchObject({ Effect: 'Deny', Principal: { AWS: '*' }, Resource: '*' });
      expect(deny.Action).toEqual(expect.arrayContaining(['kms:DisableKey', 'kms:ScheduleKeyDeletion', 'kms:DeleteImportedKeyMaterial', 'kms:DisableKeyRotation']));
      expect(deny.Condition).toEqual({ ArnNotEquals: { 'aws:PrincipalArn': { 'Fn::GetAtt': [ids.breakGlass, 'Arn'] } } });
      // the break-glass role is assumed with MFA only
      const role = resources(dataT())[ids.breakGlass];
      expect(role.Properties!.RoleName).toBe('zwfw-archive-break-glass');
      expect(JSON.stringify(role.Properties!.AssumeRolePolicyDocument)).toContain('"aws:MultiFactorAuthPresent":"true"');
    });

    describe('its bucket policy refuses, whoever asks [E18]', () => {
      const statement = (sid: string) => {
        const policy = Object.values(resources(dataT(), 'AWS::S3::BucketPolicy')).find((bp) => mentions(bp.Properties!.Bucket, ids.archive))!;
        const s = (policy.Properties!.PolicyDocument.Statement as any[]).find((x) => x.Sid === sid);
        expect(s).toMatchObject({ Effect: 'Deny', Principal: { AWS: '*' }, Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [ids.archive, 'Arn'] }, '/*']] } });
        return s;
      };
      const breakGlass = () => ({ 'Fn::GetAtt': [ids.breakGlass, 'Arn'] });
      test('a write without a COMPLIANCE lock', () => {
        expect(statement('PutOnlyUnderCompliance')).toMatchObject({ Action: 's3:PutObject', Condition: { StringNotEquals: { 's3:object-lock-mode': 'COMPLIANCE' }, ArnNotEquals: { 'aws:PrincipalArn': [breakGlass()] } } });
      });
      test('a write that could put a new version over a package (without If-None-Match)', () => {
        expect(statement('PutOnlyNewKeys')).toMatchObject({ Action: 's3:PutObject', Condition: { Null: { 's3:if-none-match': 'true' } } });
      });
      test('a retention in any mode but COMPLIANCE, and any governance bypass', () => {
        expect(statement('RetentionOnlyCompliance')).toMatchObject({ Action: 's3:PutObjectRetention', Condition: { StringNotEquals: { 's3:object-lock-mode': 'COMPLIANCE' } } });
        expect(statement('NoGovernanceBypass').Action).toBe('s3:BypassGovernanceRetention');
      });
      test('lifting a legal hold', () => {
        expect(statement('NoLegalHoldLifted')).toMatchObject({ Action: 's3:PutObjectLegalHold', Condition: { StringEquals: { 's3:object-lock-legal-hold': 'OFF' } } });
      });
      test('a delete by anyone but the destruction role and break-glass', () => {
        const s = statement('DeleteOnlyByDestruction');
        expect(s.Action).toEqual(['s3:DeleteObject', 's3:DeleteObjectVersion']);
        expect(JSON.stringify(s.Condition.ArnNotEquals['aws:PrincipalArn'])).toContain(':role/zwfw-archive-destruction');
      });
    });

    test('the archive writer (the unified return) may write and read back packages, and may not delete, lift holds or list other prefixes', () => {
      const fn = allFunctions(p).find((f) => f.stack === 'Zwfw-Workflows' && f.functionId.startsWith('UnifiedReturnFn'))!;
      const archive = fn.statements.filter((s) => mentions(s.Resource, ids.archive) || JSON.stringify(s.Resource).includes('ArchiveBucket'));
      const actions = archive.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
      expect(actions.sort()).toEqual(['s3:GetObjectLegalHold', 's3:GetObjectRetention', 's3:GetObjectVersion', 's3:ListBucketVersions', 's3:PutObject', 's3:PutObjectLegalHold', 's3:PutObjectRetention']);
      for (const s of archive) expect(JSON.stringify(s.Resource)).toMatch(/archive\/\*|ArchiveBucket[0-9A-F]+Arn[0-9A-F]*"\}$/);
    });

    test('blocks every kind of public access', () => {
      only(dataT(), ids.archive).hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      });
    });

    test('has a bucket policy denying every request without TLS (aws:SecureTransport false)', () => {
      const policies = Object.values(resources(dataT(), 'AWS::S3::BucketPolicy')).filter((bp) => mentions(bp.Properties!.Bucket, ids.archive));
      expect(policies).toHaveLength(1);
      const deny = (policies[0].Properties!.PolicyDocument.Statement as any[]).find(
        (s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
      );
      expect(deny).toBeDefined();
      expect(deny.Action).toBe('s3:*');
      expect(deny.Principal).toEqual({ AWS: '*' });
      // both the bucket and its objects
      expect(deny.Resource).toEqual([
        { 'Fn::GetAtt': [ids.archive, 'Arn'] },
        { 'Fn::Join': ['', [{ 'Fn::GetAtt': [ids.archive, 'Arn'] }, '/*']] },
      ]);
    });

    test('the uploads and archive buckets write server access logs to the access-logs bucket', () => {
      for (const id of [ids.uploads, ids.archive]) {
        only(dataT(), id).hasResourceProperties('AWS::S3::Bucket', {
          LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('^AccessLogsBucket') } },
        });
      }
    });
  });

  // ---------------------------------------------------------------------------------------------------
  describe('tables ([H9] [E17]: every step recorded, backed up)', () => {
    test.each([
      ['cases', () => ids.cases],
      ['catalog', () => ids.catalog],
    ])('the %s table has point-in-time recovery', (_name, id) => {
      only(dataT(), id()).hasResourceProperties('AWS::DynamoDB::Table', {
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      });
    });

    test.each([
      ['cases', () => ids.cases],
      ['catalog', () => ids.catalog],
    ])('the %s table is encrypted with the customer-managed KMS key (SSESpecification.KMSMasterKeyId)', (_name, id) => {
      only(dataT(), id()).hasResourceProperties('AWS::DynamoDB::Table', {
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: dataKeyArn() },
      });
      // customer-managed: the key is a resource of this stack, with rotation on
      only(dataT(), ids.dataKey).hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    });

    test('the cases table has the GSIs byApplicant, workQueue, byDeadline and pendingWorkflow', () => {
      const gsis = resources(dataT())[ids.cases].Properties!.GlobalSecondaryIndexes as { IndexName: string }[];
      expect(gsis.map((g) => g.IndexName).sort()).toEqual(['byApplicant', 'byDeadline', 'pendingWorkflow', 'workQueue']);
      // and they are the names the queries use
      expect([GSI.applicant, GSI.queue, GSI.deadline, GSI.pending].sort()).toEqual(['byApplicant', 'byDeadline', 'pendingWorkflow', 'workQueue']);
    });
  });

  // ---------------------------------------------------------------------------------------------------
  /** one Lambda per handler folder under functions/ */
  const HANDLER_COUNT = fs.readdirSync(path.resolve(__dirname, '..', '..', 'functions')).filter((d) => fs.existsSync(path.resolve(__dirname, '..', '..', 'functions', d, 'handler.ts'))).length;

  describe('least privilege [N13] [E27]', () => {
    const DDB_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
    const S3_OBJECT_WRITES = [
      's3:PutObject',
      's3:DeleteObject',
      's3:DeleteObjectVersion',
      's3:PutObjectRetention',
      's3:PutObjectLegalHold',
      's3:BypassGovernanceRetention',
      's3:PutBucketObjectLockConfiguration',
      's3:PutBucketPolicy',
      's3:PutLifecycleConfiguration',
    ];

    test('the statement collector sees every function and its role (one function per handler folder)', () => {
      const fns = allFunctions(p);
      expect(fns).toHaveLength(HANDLER_COUNT);
      for (const f of fns) expect(f.statements.length).toBeGreaterThan(0); // at least the X-Ray statement
    });

    test('the matters function can only read the catalog table and the published search index: no writes anywhere, nothing on the cases table', () => {
      const { statements } = grantsOf(p, 'MattersFn');
      // it does read the catalog (so the negative checks below are not vacuous)
      expect(allows(statements, 'dynamodb:Query', ids.catalog)).toBe(true);
      expect(allows(statements, 'dynamodb:GetItem', ids.catalog)).toBe(true);
      for (const a of DDB_WRITES) expect([a, allows(statements, a)]).toEqual([a, false]);
      for (const s of statements.filter((s) => grantsService(s, 'dynamodb'))) {
        expect(mentions(s.Resource, ids.cases)).toBe(false);
        expect(mentions(s.Resource, ids.idempotency)).toBe(false);
        expect(s.Resource).not.toBe('*');
      }
      // S3: reads only, and only of the catalog bucket (the search index it publishes)
      for (const s of statements.filter((s) => grantsService(s, 's3'))) {
        const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
        expect(actions.every((a) => /^s3:(Get|List)/.test(String(a)))).toBe(true);
        expect(JSON.stringify(s.Resource)).toContain('CatalogBucket');
      }
      expect(statements.filter((s) => grantsService(s, 'states'))).toEqual([]);
    });

    test('the uploads function can put into the uploads bucket, only read the cases table (the gate reads the staff register), and has no access to the archive bucket', () => {
      const { statements } = grantsOf(p, 'UploadsFn');
      expect(allows(statements, 's3:PutObject', ids.uploads)).toBe(true);
      expect(statements.filter((s) => grantsService(s, 's3') && (s.Resource === '*' || mentions(s.Resource, ids.archive)))).toEqual([]);
      expect(allows(statements, 'dynamodb:GetItem', ids.cases)).toBe(true);
      for (const a of DDB_WRITES) expect([a, allows(statements, a)]).toEqual([a, false]);
      expect(statements.filter((s) => grantsService(s, 'dynamodb') && !mentions(s.Resource, ids.cases))).toEqual([]);
    });

    test('only the unified return writes packages (archive/*), only the archive API transfer manifests (transfers/*), only the destruction function deletes versions: no other role in any stack writes the archive', () => {
      const writers = allRoles(p).filter((r) => S3_OBJECT_WRITES.some((a) => allows(r.statements, a, ids.archive)));
      expect(writers.map((r) => r.roleId).sort()).toEqual([grantsOf(p, 'ArchiveFn').roleId, grantsOf(p, 'ArchiveDestructionFn').roleId, grantsOf(p, 'UnifiedReturnFn').roleId].sort());
      // the destruction function deletes versions and does nothing else to the archive; its role is the one the bucket policy names
      const destruction = grantsOf(p, 'ArchiveDestructionFn').statements.filter((s) => JSON.stringify(s.Resource).includes('ArchiveBucket'));
      expect(destruction.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]))).toEqual(['s3:DeleteObjectVersion']);
      const role = Object.values(resources(apiT(), 'AWS::IAM::Role')).find((r) => r.Properties!.RoleName === 'zwfw-archive-destruction');
      expect(role).toBeDefined();
      const writes = (fn: string) =>
        grantsOf(p, fn)
          .statements.filter((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]).some((a) => S3_OBJECT_WRITES.includes(a as string)) && JSON.stringify(s.Resource).includes('ArchiveBucket'))
          .map((s) => JSON.stringify(s.Resource));
      expect(writes('UnifiedReturnFn').every((r) => r.endsWith('"/archive/*"]]}'))).toBe(true);
      expect(writes('ArchiveFn').length).toBeGreaterThan(0);
      expect(writes('ArchiveFn').every((r) => r.endsWith('"/transfers/*"]]}'))).toBe(true);
      expect(allows(grantsOf(p, 'ArchiveFn').statements, 's3:GetObject', ids.archive)).toBe(true);
    });

    test('only the unified return (licences, packages), the notices function (a licence’s PDF [E15]) and the archive API (transfer manifests) sign with the platform key', () => {
      const signers = allRoles(p).filter((r) => allows(r.statements, 'kms:Sign', ids.signingKey));
      expect(signers.map((r) => r.roleId).sort()).toEqual([grantsOf(p, 'ArchiveFn').roleId, grantsOf(p, 'NoticesFn').roleId, grantsOf(p, 'UnifiedReturnFn').roleId].sort());
      expect(allows(grantsOf(p, 'VerificationFn').statements, 'kms:GetPublicKey', ids.signingKey)).toBe(true);
    });

    test('the catalog function reaches the case table only to put and query the guide alerts’ partition [N20]', () => {
      const onCases = grantsOf(p, 'CatalogFn').statements.filter((s) => grantsService(s, 'dynamodb') && mentions(s.Resource, ids.cases));
      expect(onCases).toHaveLength(1);
      expect(onCases[0]).toMatchObject({ Action: ['dynamodb:PutItem', 'dynamodb:Query'], Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['GUIDE_ALERTS'] } } });
    });

    test('only the intake function can StartSyncExecution on the routing state machine (no other role in any stack)', () => {
      const starters = allRoles(p).filter((r) => allows(r.statements, 'states:StartSyncExecution', ids.routing));
      expect(starters.map((r) => r.roleId)).toEqual([grantsOf(p, 'IntakeFn').roleId]);
    });

    test('the authorizer function has no DynamoDB or S3 permissions (and no managed policy beyond basic execution)', () => {
      const { statements, managedPolicyArns } = grantsOf(p, 'AuthorizerFn');
      expect(statements.filter((s) => grantsService(s, 'dynamodb') || grantsService(s, 's3'))).toEqual([]);
      expect(managedPolicyArns.map(managedPolicyName)).toEqual(['service-role/AWSLambdaBasicExecutionRole']);
    });

    test('function roles carry no managed policy other than AWSLambdaBasicExecutionRole', () => {
      for (const f of allFunctions(p)) expect([f.functionId, f.managedPolicyArns.map(managedPolicyName)]).toEqual([f.functionId, ['service-role/AWSLambdaBasicExecutionRole']]);
    });
  });

  // ---------------------------------------------------------------------------------------------------
  describe('public API: REST API v1 (DESIGN.md: HTTP APIs are paid on LocalStack and lack validation)', () => {
    // a licence itself is its holder's, the issuer's and supervisors' to read (API.md); only its verification is public
    const PUBLIC_ROUTES = ['GET /v1/halls', 'GET /v1/halls/{hallId}', 'GET /v1/halls/{hallId}/slots', 'GET /v1/licences/{licenceId}/verify', 'GET /v1/matters', 'GET /v1/matters/{code}', 'GET /v1/notices/{noticeId}/verify', 'GET /v1/openapi.json'];

    test('is an API Gateway REST API, and no stack has an HTTP API (ApiGatewayV2)', () => {
      apiT().resourceCountIs('AWS::ApiGateway::RestApi', 1);
      for (const name of STACK_NAMES) p.templates[name].resourceCountIs('AWS::ApiGatewayV2::Api', 0);
    });

    test('every method of the synthesized REST API is an operation of the OpenAPI document, and every operation a method', () => {
      const res = resources(apiT(), 'AWS::ApiGateway::Resource');
      const pathOf = (ref: any): string => {
        const id = ref?.Ref as string | undefined;
        return id && res[id] ? `${pathOf(res[id].Properties!.ParentId)}/${res[id].Properties!.PathPart}` : '';
      };
      const methods = Object.values(resources(apiT(), 'AWS::ApiGateway::Method'))
        .filter((m) => m.Properties!.HttpMethod !== 'OPTIONS')
        .map((m) => `${m.Properties!.HttpMethod} ${pathOf(m.Properties!.ResourceId)}`)
        .sort();
      const doc = openApiDocument();
      const operations = Object.entries<Record<string, unknown>>(doc.paths)
        .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
        .sort();
      expect(methods).toEqual(operations);
      // and a body the gateway validates is validated with the document's schema of that name
      const models = Object.values(resources(apiT(), 'AWS::ApiGateway::Model'));
      const draft4 = requestSchemas('draft-4');
      expect(models.map((m) => m.Properties!.Name).sort()).toEqual(Object.keys(draft4).sort());
      for (const m of models) expect(m.Properties!.Schema).toEqual(draft4[m.Properties!.Name]);
    });

    test('binary media is only application/pdf (the booking notice), so JSON bodies are never base64-encoded to the handlers', () => {
      apiT().hasResourceProperties('AWS::ApiGateway::RestApi', { BinaryMediaTypes: ['application/pdf'] });
    });

    test('the stage throttles every method (rate and burst limits)', () => {
      apiT().hasResourceProperties('AWS::ApiGateway::Stage', {
        MethodSettings: Match.arrayWith([
          Match.objectLike({
            HttpMethod: '*',
            ResourcePath: '/*',
            ThrottlingRateLimit: Match.anyValue(),
            ThrottlingBurstLimit: Match.anyValue(),
          }),
        ]),
      });
      const stage = Object.values(resources(apiT(), 'AWS::ApiGateway::Stage'))[0];
      const all = (stage.Properties!.MethodSettings as any[]).find((m) => m.HttpMethod === '*' && m.ResourcePath === '/*');
      expect(all.ThrottlingRateLimit).toBeGreaterThan(0);
      expect(all.ThrottlingBurstLimit).toBeGreaterThan(0);
    });

    test('a TOKEN authorizer reads the Authorization header and calls the authorizer function', () => {
      apiT().resourceCountIs('AWS::ApiGateway::Authorizer', 1);
      apiT().hasResourceProperties('AWS::ApiGateway::Authorizer', {
        Type: 'TOKEN',
        IdentitySource: 'method.request.header.Authorization',
      });
      const [auth] = Object.values(resources(apiT(), 'AWS::ApiGateway::Authorizer'));
      expect(mentions(auth.Properties!.AuthorizerUri, grantsOf(p, 'AuthorizerFn').functionId)).toBe(true);
    });

    test('POST /v1/cases has a request validator (body and parameters) and a JSON request model', () => {
      const post = route(apiT(), 'POST /v1/cases').props;
      const validatorId = post.RequestValidatorId?.Ref;
      expect(validatorId).toBeDefined();
      only(apiT(), validatorId).hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true, ValidateRequestParameters: true });
      const modelId = post.RequestModels?.['application/json']?.Ref;
      expect(modelId).toBeDefined();
      only(apiT(), modelId).hasResourceProperties('AWS::ApiGateway::Model', {
        ContentType: 'application/json',
        Schema: Match.objectLike({ type: 'object', properties: Match.anyValue() }),
      });
      // the Idempotency-Key header is required (validated by the same validator)
      expect(post.RequestParameters?.['method.request.header.Idempotency-Key']).toBe(true);
    });

    test('public GET routes for matters use AuthorizationType NONE; POST /v1/cases uses CUSTOM with the token authorizer', () => {
      expect(route(apiT(), 'GET /v1/matters').props.AuthorizationType).toBe('NONE');
      expect(route(apiT(), 'GET /v1/matters/{code}').props.AuthorizationType).toBe('NONE');
      const post = route(apiT(), 'POST /v1/cases').props;
      expect(post.AuthorizationType).toBe('CUSTOM');
      const [authorizerId] = Object.keys(resources(apiT(), 'AWS::ApiGateway::Authorizer'));
      expect(post.AuthorizerId).toEqual({ Ref: authorizerId });
    });

    test('only the catalog, the halls and their slots, licence- and notice-verification and OpenAPI reads are public; every other route needs the token (the APIG4 acknowledgement)', () => {
      const all = routes(apiT());
      const publicRoutes = all.filter((r) => r.props.AuthorizationType === 'NONE').map((r) => `${r.method} ${r.path}`);
      expect(publicRoutes.sort()).toEqual(PUBLIC_ROUTES);
      const [authorizerId] = Object.keys(resources(apiT(), 'AWS::ApiGateway::Authorizer'));
      for (const r of all.filter((r) => r.props.AuthorizationType !== 'NONE')) {
        expect([`${r.method} ${r.path}`, r.props.AuthorizationType, r.props.AuthorizerId]).toEqual([`${r.method} ${r.path}`, 'CUSTOM', { Ref: authorizerId }]);
      }
    });

    test('every route with a request model is validated against it (the APIG2 acknowledgement)', () => {
      const withModels = routes(apiT()).filter((r) => r.props.RequestModels);
      expect(withModels.length).toBeGreaterThanOrEqual(5);
      for (const r of withModels) {
        const v = resources(apiT())[r.props.RequestValidatorId?.Ref];
        expect([`${r.method} ${r.path}`, v?.Properties?.ValidateRequestBody]).toEqual([`${r.method} ${r.path}`, true]);
      }
    });
  });

  // ---------------------------------------------------------------------------------------------------
  describe('workflows [N14]: Express, JSONPath, logged', () => {
    const machines = () => Object.entries(resources(workflowsT(), 'AWS::StepFunctions::StateMachine'));

    test('there are exactly four state machines: routing, forwarding, unified return, and the catalog publish', () => {
      expect(machines().map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(['CatalogPublish', 'Forwarding', 'Routing', 'UnifiedReturn']);
      for (const name of STACK_NAMES.filter((n) => n !== 'Zwfw-Workflows')) p.templates[name].resourceCountIs('AWS::StepFunctions::StateMachine', 0);
    });

    test('every state machine is EXPRESS', () => {
      workflowsT().allResourcesProperties('AWS::StepFunctions::StateMachine', { StateMachineType: 'EXPRESS' });
    });

    test('no definition uses JSONata (the local interpreter runs JSONPath only)', () => {
      for (const [id, sm] of machines()) {
        const text = definitionText(sm.Properties!.DefinitionString);
        expect([id, text.replace(/\s+/g, '').includes('"QueryLanguage":"JSONata"')]).toEqual([id, false]);
        const asl = JSON.parse(text);
        expect([id, asl.QueryLanguage ?? 'JSONPath']).toEqual([id, 'JSONPath']);
        for (const { at, obj } of walk(asl)) expect([id, at.join('.'), obj.QueryLanguage ?? 'JSONPath']).toEqual([id, at.join('.'), 'JSONPath']);
      }
    });

    test('every state machine logs to its own CloudWatch log group', () => {
      const logGroups = Object.keys(resources(workflowsT(), 'AWS::Logs::LogGroup'));
      const used = new Set<string>();
      for (const [id, sm] of machines()) {
        const cfg = sm.Properties!.LoggingConfiguration;
        expect([id, cfg?.Level]).toEqual([id, expect.stringMatching(/^(ALL|ERROR|FATAL)$/)]);
        const dest = cfg.Destinations?.[0]?.CloudWatchLogsLogGroup?.LogGroupArn?.['Fn::GetAtt']?.[0];
        expect(logGroups).toContain(dest);
        used.add(dest);
      }
      expect(used.size).toBe(4);
    });

    test('Parameters keys ending in ".$" take a plain path (no doubled ".$.$" suffix, which would rename the field)', () => {
      // `'caseId.$': JsonPath.stringAt('$.caseId')` synthesizes to "caseId.$.$": Step Functions then passes a
      // field named "caseId.$" and the Lambda sees no caseId at all.
      for (const [id, sm] of machines()) {
        const asl = JSON.parse(definitionText(sm.Properties!.DefinitionString));
        for (const { at, obj } of walk(asl)) {
          for (const key of Object.keys(obj).filter((k) => k.endsWith('.$'))) {
            expect([id, [...at, key].join('.'), key.slice(0, -2).endsWith('.$')]).toEqual([id, [...at, key].join('.'), false]);
          }
        }
      }
    });
  });

  // ---------------------------------------------------------------------------------------------------
  describe('Lambda bundling: local esbuild, never Docker', () => {
    const FUNCTIONS_DIR = path.resolve(__dirname, '..', '..', 'functions');

    test('the app synthesizes with Docker unusable (CDK_DOCKER=/bin/false)', () => {
      // beforeAll synthesized with CDK_DOCKER=/bin/false: any Docker bundling would have thrown there
      expect(fs.existsSync(path.join(p.outdir, 'manifest.json'))).toBe(true);
      expect(synthMs).toBeGreaterThan(0);
    });

    test('every AWS::Lambda::Function asset was bundled locally: its asset dir holds an index.js', () => {
      const fns = allFunctions(p);
      expect(fns.length).toBe(HANDLER_COUNT);
      for (const f of fns) {
        const assetPath: string | undefined = f.fn.Metadata?.['aws:asset:path'];
        expect([f.functionId, typeof assetPath]).toEqual([f.functionId, 'string']);
        expect([f.functionId, f.fn.Metadata?.['aws:asset:is-bundled']]).toEqual([f.functionId, true]);
        const dir = path.join(p.outdir, assetPath!);
        expect([f.functionId, fs.existsSync(path.join(dir, 'index.js'))]).toEqual([f.functionId, true]);
        expect(fs.statSync(path.join(dir, 'index.js')).size).toBeGreaterThan(1000);
        // the deployed zip is that directory
        expect(f.fn.Properties!.Code.S3Key).toBe(`${assetPath!.replace(/^asset\./, '')}.zip`);
      }
    });

    test('the one function that is not the platform’s is aws-cdk-lib’s handler that uploads the supervision page at deploy time', () => {
      const others = STACK_NAMES.flatMap((name) => Object.entries(resources(p.templates[name], 'AWS::Lambda::Function')).filter(([, fn]) => !fn.Metadata?.['platform:function']).map(([id]) => `${name}/${id}`));
      expect(others).toEqual([expect.stringMatching(/^Zwfw-SupervisionSite\/CustomCDKBucketDeployment/)]);
    });

    test('there is one function per handler folder under functions/', () => {
      const names = allFunctions(p).map((f) => f.fn.Metadata?.['platform:function']).sort();
      const folders = fs.readdirSync(FUNCTIONS_DIR).filter((d) => fs.existsSync(path.join(FUNCTIONS_DIR, d, 'handler.ts'))).sort();
      expect(names).toEqual(folders);
    });

    test('every function runs nodejs24.x on arm64', () => {
      for (const name of ['Zwfw-Workflows', 'Zwfw-Api'] as const) {
        p.templates[name].allResourcesProperties('AWS::Lambda::Function', { Runtime: 'nodejs24.x', Architectures: ['arm64'] });
      }
      expect(allFunctions(p).map((f) => [f.fn.Properties!.Runtime, f.fn.Properties!.Architectures])).toEqual(
        Array.from({ length: HANDLER_COUNT }, () => ['nodejs24.x', ['arm64']]),
      );
    });
  });

  // ---------------------------------------------------------------------------------------------------
  describe('notices as documents ([N14] 文书)', () => {
    test('the cases table streams new images, read by the notices function for notice items marked RENDER only, by the archive checks for running check runs only, and by the alerts function for new audit events and booking moves only', () => {
      dataT().hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
      const mappings = Object.values(resources(workflowsT(), 'AWS::Lambda::EventSourceMapping'));
      const of = (fn: string) => mappings.filter((x) => JSON.stringify(x.Properties!.FunctionName).includes(fn));
      expect([mappings.length, of('NoticesFn').length, of('ArchiveChecksFn').length, of('MonitorFn').length]).toEqual([3, 1, 1, 1]);
      // [N20] every step is supervised once: the one audit event each step inserts; and [H20] each move of a booking, counted for its hall; nothing else
      const alerts = of('MonitorFn')[0].Properties!;
      expect(alerts.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([{ eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['event'] } } } }, { dynamodb: { NewImage: { type: { S: ['booking'] } } } }]);
      expect(alerts).toMatchObject({ BisectBatchOnFunctionError: true, FunctionResponseTypes: ['ReportBatchItemFailures'], MaximumRetryAttempts: 5 });
      // [E18] one check run page per invocation, and nothing but running check runs
      const checks = of('ArchiveChecksFn')[0].Properties!;
      expect(checks.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([{ dynamodb: { NewImage: { pendPk: { S: ['ARCHIVE_CHECK'] } } } }]);
      expect(checks).toMatchObject({ BatchSize: 1, FunctionResponseTypes: ['ReportBatchItemFailures'] });
      const m = of('NoticesFn')[0].Properties!;
      expect(JSON.stringify(m.EventSourceArn)).toContain('StreamArn');
      expect(m.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([{ dynamodb: { NewImage: { pendPk: { S: ['RENDER'] } } } }]);
      // a failing case is retried alone and not forever
      expect(m).toMatchObject({ BisectBatchOnFunctionError: true, FunctionResponseTypes: ['ReportBatchItemFailures'], MaximumRetryAttempts: 5 });
    });

    test('the documents bucket is versioned and encrypted with the data key; the notices function may only put into it', () => {
      const [bucket] = Object.entries(resources(dataT(), 'AWS::S3::Bucket')).filter(([k]) => k.startsWith('DocumentsBucket'));
      expect(bucket[1].Properties).toMatchObject({
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: dataKeyArn() } }] },
      });
      // nothing but the renderer writes notices: no other role in any stack may put into the bucket
      const writers = allRoles(p).filter((r) => r.statements.some((st: any) => [st.Action].flat().some((a: string) => a.startsWith('s3:PutObject')) && JSON.stringify(st.Resource).includes(bucket[0])));
      expect(writers.map((r) => r.roleId.replace(/ServiceRole.*$/, ''))).toEqual(['NoticesFn']);
    });

    test('the notices bundle carries its typeface and the HarfBuzz subsetter beside index.js', () => {
      const fn = allFunctions(p).find((f) => f.fn.Metadata?.['platform:function'] === 'notices');
      expect(fn).toBeDefined();
      const dir = path.join(p.outdir, fn!.fn.Metadata!['aws:asset:path']);
      expect(fs.readdirSync(dir).sort()).toEqual(expect.arrayContaining(['NotoSansSC-Regular.woff', 'harfbuzz-subset.wasm', 'index.js']));
    });

    test('the unified return renders the notices before it archives: IssueResult → RenderNotices → ArchivePackage', () => {
      const [, sm] = Object.entries(resources(workflowsT(), 'AWS::StepFunctions::StateMachine')).find(([id]) => id.startsWith('UnifiedReturn'))!;
      const asl = JSON.parse(definitionText(sm.Properties!.DefinitionString));
      expect(asl.StartAt).toBe('IssueResult');
      expect(asl.States.IssueResult.Next).toBe('RenderNotices');
      expect(asl.States.RenderNotices.Next).toBe('ArchivePackage');
      expect(asl.States.ArchivePackage.End).toBe(true);
    });
  });

  describe('supervision ([N20] 电子监察)', () => {
    const sup = () => p.templates['Zwfw-Supervision'];
    const alarms = () => Object.values(resources(sup(), 'AWS::CloudWatch::Alarm')).map((a) => a.Properties!);
    const body = (name: string) => JSON.stringify(Object.values(resources(sup(), 'AWS::CloudWatch::Dashboard')).find((d) => d.Properties!.DashboardName === name)!.Properties!.DashboardBody);

    test('a business dashboard (by city, channel and matter type; alerts; evaluations) and a platform health dashboard (API, Lambda, workflows, DynamoDB, stream lag)', () => {
      const business = body('zwfw-supervision');
      for (const s of ['{Zwfw,service,city}', '{Zwfw,service,channel}', '{Zwfw,service,matterType}', 'AlertRaised', 'EvaluationScore', 'FollowUpOverdue']) expect([s, business.includes(s)]).toEqual([s, true]);
      const health = body('zwfw-platform');
      for (const s of ['5XXError', 'Latency', 'AWS/Lambda', 'Throttles', 'ExecutionsFailed', 'ExecutionsTimedOut', 'ThrottledRequests', 'IteratorAge']) expect([s, health.includes(s)]).toEqual([s, true]);
    });

    test('alarms on API 5xx, workflow failures and timeouts, red alerts of every rule category, overdue follow-ups, failed archive checks and stream lag', () => {
      const named = (metric: string) => alarms().filter((a) => a.MetricName === metric);
      expect(named('5XXError')).toHaveLength(1);
      expect([named('ExecutionsFailed').length, named('ExecutionsTimedOut').length]).toEqual([3, 3]);
      expect(named('FollowUpOverdue')).toHaveLength(1);
      expect(named('ArchivePackageFailed')).toHaveLength(1);
      expect(named('IteratorAge').map((a) => a.Threshold)).toEqual([300_000, 300_000, 300_000]);
      // red alerts: a sum over the categories, and every category a rule has is in it
      const red = alarms().find((a) => a.Metrics?.some((m: any) => m.MetricStat?.Metric?.MetricName === 'AlertRaised'))!;
      const categories = red.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.Dimensions.find((d: any) => d.Name === 'category').Value);
      expect(new Set(SUPERVISION_RULES.map((r) => r.category)).size).toBeGreaterThan(0);
      for (const c of new Set(SUPERVISION_RULES.map((r) => r.category))) expect(categories).toContain(c);
      expect(red.Metrics.every((m: any) => !m.MetricStat || m.MetricStat.Metric.Dimensions.some((d: any) => d.Name === 'level' && d.Value === 'red'))).toBe(true);
    });

    test('an alarm fires when a notice is set aside because its PDF failed every time (NoticeRenderStuck)', () => {
      p.templates['Zwfw-Supervision'].hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'NoticeRenderStuck',
        Namespace: 'Zwfw',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
    });
  });

  describe('the supervision page as a static site ([N20] 电子监察)', () => {
    const site = () => p.templates['Zwfw-SupervisionSite'];
    const distribution = () => Object.values(site().findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;

    test('its bucket is private: every public access blocked, TLS only, read by CloudFront through origin access control alone', () => {
      site().hasResourceProperties('AWS::S3::Bucket', { PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true } });
      site().resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
      const policy = JSON.stringify(Object.values(site().findResources('AWS::S3::BucketPolicy'))[0].Properties.PolicyDocument);
      expect(policy).toContain('"aws:SecureTransport":"false"');
      expect(policy).toContain('cloudfront.amazonaws.com');
      expect(policy).not.toContain('"Principal":"*","Action":"s3:GetObject"');
    });

    test('one distribution serves the page and sends /v1/* to the API uncached, with every viewer header but Host (the bearer token reaches the API)', () => {
      const d = distribution();
      const api = d.CacheBehaviors.find((b: any) => b.PathPattern === '/v1/*');
      // the managed CachingDisabled and AllViewerExceptHostHeader policies
      expect([api.CachePolicyId, api.OriginRequestPolicyId]).toEqual(['4135ea2d-6df8-44a3-9df3-4b5a84be39ad', 'b689b0a8-53d0-40ab-baf2-68738e2966ac']);
      expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'OPTIONS']));
      const origin = d.Origins.find((o: any) => o.Id === api.TargetOriginId);
      expect(JSON.stringify(origin.DomainName)).toContain('execute-api');
      // the stage's path, taken from the API's URL (…/prod/)
      expect(JSON.stringify(origin.OriginPath)).toContain('Fn::Select');
      expect(d.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(d.Restrictions.GeoRestriction).toEqual({ RestrictionType: 'whitelist', Locations: ['CN'] });
      expect(d.Logging.Prefix).toBe('cloudfront/supervision/');
    });

    test('a viewer-request function serves /supervision/ as its index.html', () => {
      const fn = Object.values(site().findResources('AWS::CloudFront::Function'))[0].Properties;
      expect(fn.FunctionCode).toContain("r.uri += 'index.html'");
      expect(distribution().DefaultCacheBehavior.FunctionAssociations[0].EventType).toBe('viewer-request');
    });

    test('the built page is uploaded under supervision/ with its config (sign-in with the API’s own issuer and audience), never cached without revalidation', () => {
      const deploy = Object.values(site().findResources('Custom::CDKBucketDeployment'))[0].Properties;
      expect(deploy.DestinationBucketKeyPrefix).toBe('supervision/');
      expect(deploy.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
      expect(deploy.Prune).toBe(true);
      expect(deploy.SourceObjectKeys).toHaveLength(2);
      // the two staged sources: the built page, and config.json as the deployment writes it
      const staged = fs.readdirSync(p.outdir).filter((d) => d.startsWith('asset.')).map((d) => path.join(p.outdir, d));
      const config = staged.find((d) => fs.existsSync(path.join(d, 'config.json')));
      expect(JSON.parse(fs.readFileSync(path.join(config!, 'config.json'), 'utf8'))).toEqual({ signIn: 'oidc', issuer: 'https://sso.shaanxi.gov.cn', clientId: 'zwfw-api' });
      const page = staged.find((d) => fs.existsSync(path.join(d, 'index.html')));
      expect(fs.readdirSync(page!).sort()).toEqual(['app.js', 'index.html', 'style.css']);
      expect(fs.readFileSync(path.join(page!, 'index.html'), 'utf8')).toContain('<script src="app.js"></script>');
    });
  });
}
