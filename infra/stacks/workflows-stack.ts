import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  DefinitionBody,
  JsonPath,
  LogLevel,
  QueryLanguage,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
  type IChainable,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import { NOTICE_FONT_ASSETS, PlatformFunction } from '../constructs/platform-function.ts';
import type { DataStack } from './data-stack.ts';
import { ARCHIVE_CHECK_PENDING, RENDER_PENDING } from '../../shared/adapters/dynamodb/keys.ts';

export interface WorkflowsStackProps extends StackProps {
  readonly data: DataStack;
  /** the RFC 3161 time-stamp authority of this deployment [E24] */
  readonly tsaUrl: string;
  /** the share of the promised working days at which a case turns yellow [N20] */
  readonly alertYellowShare: number;
}

/**
 * The three workflows of [N14]: routing (统一收件), forwarding (转递部门, 分头办理) and the unified return
 * (统一反馈). Express, JSONPath, few transitions: human steps never wait inside an execution, the
 * case record is the source of truth, and every step is idempotent.
 */
export class WorkflowsStack extends Stack {
  readonly routing: StateMachine;
  readonly forwarding: StateMachine;
  readonly unifiedReturn: StateMachine;
  readonly catalogPublish: StateMachine;
  /** the functions that read the case table's stream: their iterator age is watched (SupervisionStack) */
  readonly streamConsumers: PlatformFunction[] = [];

  constructor(scope: Construct, id: string, props: WorkflowsStackProps) {
    super(scope, id, props);
    const { data } = props;
    const env = {
      CASES_TABLE: data.cases.tableName,
      CATALOG_TABLE: data.catalog.tableName,
      UPLOADS_BUCKET: data.uploads.bucketName,
      ARCHIVE_BUCKET: data.archive.bucketName,
      DOCUMENTS_BUCKET: data.documents.bucketName,
      LICENCE_KEY_ID: data.signingKey.keyArn,
    };

    const routingFn = new PlatformFunction(this, 'RoutingFn', { name: 'routing', environment: env });
    data.catalog.grantReadData(routingFn);
    data.cases.grantReadWriteData(routingFn);
    data.uploads.grantRead(routingFn);

    const forwardingFn = new PlatformFunction(this, 'ForwardingFn', { name: 'forwarding', environment: env });
    data.cases.grantReadWriteData(forwardingFn);
    // notices name the departments [N14], from the catalog's department list
    data.catalog.grantReadData(forwardingFn);

    // the package of a case with three 1 MB materials is ~5 MB of XML, built in memory
    const returnFn = new PlatformFunction(this, 'UnifiedReturnFn', { name: 'unified-return', environment: { ...env, TSA_URL: props.tsaUrl }, timeout: Duration.seconds(60), memorySize: 1024 });
    data.cases.grantReadWriteData(returnFn);
    data.catalog.grantReadData(returnFn);
    data.uploads.grantRead(returnFn);
    data.documents.grantRead(returnFn);
    // [E18] the archive writer writes new packages with their lock and reads the lock back; nothing else
    returnFn.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:PutObject', 's3:PutObjectRetention', 's3:PutObjectLegalHold', 's3:GetObjectVersion', 's3:GetObjectRetention', 's3:GetObjectLegalHold'], resources: [data.archive.arnForObjects('archive/*')] }),
    );
    returnFn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucketVersions'], resources: [data.archive.bucketArn], conditions: { StringLike: { 's3:prefix': ['archive/*'] } } }));
    data.archiveKey.grantEncryptDecrypt(returnFn);

    // [N14] every notice (文书) rendered as a PDF with its Chinese typeface embedded (subset), as soon as
    // its item is written: the case table's stream, filtered to notices waiting for their document
    const noticesFn = new PlatformFunction(this, 'NoticesFn', {
      name: 'notices',
      memorySize: 1024,
      timeout: Duration.seconds(30),
      // the licence's PDF rendition is signed by the key that signs the licence [E15]
      environment: { CASES_TABLE: data.cases.tableName, DOCUMENTS_BUCKET: data.documents.bucketName, LICENCE_KEY_ID: data.signingKey.keyArn },
      assets: NOTICE_FONT_ASSETS,
    });
    data.cases.grantReadWriteData(noticesFn);
    data.documents.grantPut(noticesFn);
    noticesFn.addEventSource(
      new DynamoEventSource(data.cases, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 10,
        bisectBatchOnError: true,
        retryAttempts: 5,
        reportBatchItemFailures: true,
        filters: [FilterCriteria.filter({ dynamodb: { NewImage: { pendPk: { S: FilterRule.isEqual(RENDER_PENDING) } } } })],
      }),
    );
    data.signingKey.grant(returnFn, 'kms:Sign', 'kms:GetPublicKey');
    data.signingKey.grant(noticesFn, 'kms:Sign');

    const step = (name: string, fn: PlatformFunction, payload: Record<string, unknown>, retryAll: boolean) => {
      const task = new LambdaInvoke(this, name, {
        lambdaFunction: fn,
        payload: TaskInput.fromObject(payload),
        outputPath: '$.Payload',
        queryLanguage: QueryLanguage.JSON_PATH,
        // the step waits as long as its function may run, and no longer
        taskTimeout: Timeout.duration(fn.timeout ?? Duration.seconds(15)),
      });
      // idempotent steps are safe to retry on any failure; routing refusals (Problem) must not be
      if (retryAll) task.addRetry({ errors: ['States.ALL'], interval: Duration.seconds(1), maxAttempts: 3, backoffRate: 2 });
      return task;
    };

    const machine = (name: string, definition: IChainable, timeout: Duration) => {
      const logGroup = new LogGroup(this, `${name}Logs`, { retention: RetentionDays.SIX_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
      return new StateMachine(this, name, {
        stateMachineType: StateMachineType.EXPRESS,
        queryLanguage: QueryLanguage.JSON_PATH,
        definitionBody: DefinitionBody.fromChainable(definition),
        timeout,
        tracingEnabled: true,
        logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      });
    };

    this.routing = machine(
      'Routing',
      step('ValidateApplication', routingFn, { action: 'validate', input: JsonPath.entirePayload }, false).next(
        step('RecordSubmission', routingFn, { action: 'record', input: JsonPath.entirePayload }, false),
      ),
      Duration.seconds(25),
    );

    this.forwarding = machine(
      'Forwarding',
      step('OpenReviews', forwardingFn, { caseId: JsonPath.stringAt('$.caseId') }, true).next(new Succeed(this, 'Forwarded')),
      Duration.minutes(2),
    );

    this.unifiedReturn = machine(
      'UnifiedReturn',
      step('IssueResult', returnFn, { action: 'result', caseId: JsonPath.stringAt('$.caseId') }, true)
        // the e-file holds the notices as documents: the decision and delivery notices are rendered first
        .next(step('RenderNotices', noticesFn, { caseId: JsonPath.stringAt('$.caseId') }, true))
        .next(step('ArchivePackage', returnFn, { action: 'archive', caseId: JsonPath.stringAt('$.caseId') }, true)),
      Duration.minutes(5),
    );

    // [N8] an approved catalog change republishes the search index
    const publishFn = new PlatformFunction(this, 'CatalogPublishFn', {
      name: 'catalog-publish',
      memorySize: 2048,
      timeout: Duration.minutes(5),
      environment: { CATALOG_TABLE: data.catalog.tableName, CATALOG_BUCKET: data.catalogBucket.bucketName },
    });
    data.catalog.grantReadWriteData(publishFn);
    data.catalogBucket.grantPut(publishFn, 'search/*');
    this.catalogPublish = machine('CatalogPublish', step('BuildSearchIndex', publishFn, { action: 'publish' }, true), Duration.minutes(5));

    // [E18] 四性检测: each write of a running check run (its item in the pending index under ARCHIVE_CHECK)
    // runs its next page; the daily schedule asks for the sample check
    const checksFn = new PlatformFunction(this, 'ArchiveChecksFn', {
      name: 'archive-checks',
      memorySize: 1536,
      timeout: Duration.minutes(5),
      environment: {
        CASES_TABLE: data.cases.tableName,
        ARCHIVE_BUCKET: data.archive.bucketName,
        LICENCE_KEY_ID: data.signingKey.keyArn,
        ARCHIVE_KMS_KEY_ARN: data.archiveKey.keyArn,
        ARCHIVE_SAMPLE_RATE: '0.05',
      },
    });
    data.cases.grantReadWriteData(checksFn);
    data.signingKey.grant(checksFn, 'kms:GetPublicKey');
    data.archiveKey.grantDecrypt(checksFn);
    checksFn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObjectVersion', 's3:GetObjectRetention', 's3:GetObjectLegalHold'], resources: [data.archive.arnForObjects('archive/*')] }));
    checksFn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket', 's3:ListBucketVersions', 's3:GetEncryptionConfiguration', 's3:GetBucketPublicAccessBlock'], resources: [data.archive.bucketArn] }));
    checksFn.addEventSource(
      new DynamoEventSource(data.cases, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 1,
        retryAttempts: 3,
        reportBatchItemFailures: true,
        filters: [FilterCriteria.filter({ dynamodb: { NewImage: { pendPk: { S: FilterRule.isEqual(ARCHIVE_CHECK_PENDING) } } } })],
      }),
    );
    new Rule(this, 'ArchiveSampleCheckSchedule', {
      description: 'The daily four-property check of a sample of the archive [E18]',
      schedule: Schedule.rate(Duration.days(1)),
      targets: [new LambdaFunction(checksFn, { retryAttempts: 2 })],
    });

    // 电子监察 [N20]: every step (the audit event it inserts) has its case supervised again and is counted
    const monitorFn = new PlatformFunction(this, 'MonitorFn', { name: 'monitor', memorySize: 512, timeout: Duration.seconds(60), environment: { CASES_TABLE: data.cases.tableName, ALERT_YELLOW_SHARE: String(props.alertYellowShare) } });
    data.cases.grantReadWriteData(monitorFn);
    this.streamConsumers.push(noticesFn, checksFn, monitorFn);
    monitorFn.addEventSource(
      new DynamoEventSource(data.cases, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 5,
        reportBatchItemFailures: true,
        filters: [
          FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { type: { S: FilterRule.isEqual('event') } } } }),
          // [H20] every move of a booking (new or changed), counted into its hall's figures
          FilterCriteria.filter({ dynamodb: { NewImage: { type: { S: FilterRule.isEqual('booking') } } } }),
        ],
      }),
    );

    // no case is stranded: what a failed start left pending is started again (DESIGN.md "The flow")
    const sweeperFn = new PlatformFunction(this, 'SweeperFn', {
      name: 'sweeper',
      timeout: Duration.seconds(60),
      environment: {
        CASES_TABLE: data.cases.tableName,
        CATALOG_TABLE: data.catalog.tableName,
        FORWARDING_SM_ARN: this.forwarding.stateMachineArn,
        UNIFIED_RETURN_SM_ARN: this.unifiedReturn.stateMachineArn,
        CATALOG_PUBLISH_SM_ARN: this.catalogPublish.stateMachineArn,
        SWEEPER_MIN_AGE_SECONDS: '120',
        ALERT_YELLOW_SHARE: String(props.alertYellowShare),
      },
    });
    // reads, and touches notices whose document is overdue so the stream hands them to the renderer again
    data.cases.grantReadWriteData(sweeperFn);
    data.catalog.grantReadData(sweeperFn);
    this.catalogPublish.grantStartExecution(sweeperFn);
    this.forwarding.grantStartExecution(sweeperFn);
    this.unifiedReturn.grantStartExecution(sweeperFn);
    new Rule(this, 'SweeperSchedule', {
      description: 'Re-drives case workflows that did not start or finish',
      schedule: Schedule.rate(Duration.minutes(5)),
      targets: [new LambdaFunction(sweeperFn, { retryAttempts: 2 })],
    });
  }
}
