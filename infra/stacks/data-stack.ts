import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { AccountRootPrincipal, AnyPrincipal, Effect, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectLockRetention, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { Environment } from '../config.ts';
import { CATALOG_GSI, GSI, SEARCH_FIELDS } from '../../shared/adapters/dynamodb/keys.ts';
import { CASE_SUMMARY_FIELDS } from '../../shared/domain/case.ts';
import { BOOKING_SUMMARY_FIELDS } from '../../shared/domain/booking.ts';

/**
 * The platform's state, kept apart so the stateless stacks can be replaced freely: the case table, the
 * catalog, idempotency records, the uploads bucket and the Object Lock archive [E17] [E18] [E22] [E23] [E24].
 */
/** The one role that may delete archive versions: the destruction step's, after appraisal [E18]. */
export const ARCHIVE_DESTRUCTION_ROLE = 'zwfw-archive-destruction';

export interface DataStackProps extends StackProps {
  readonly environment: Environment;
  /** the archive's default retention mode: COMPLIANCE but in development (infra/config.ts) */
  readonly objectLockMode: 'COMPLIANCE' | 'GOVERNANCE';
}

export class DataStack extends Stack {
  readonly dataKey: Key;
  readonly signingKey: Key;
  /** the archive's own key: nobody but the break-glass role may disable it or schedule its deletion [E18] */
  readonly archiveKey: Key;
  readonly breakGlass: Role;
  readonly cases: Table;
  readonly catalog: Table;
  readonly idempotency: Table;
  readonly uploads: Bucket;
  readonly archive: Bucket;
  readonly documents: Bucket;
  readonly catalogBucket: Bucket;
  /** server access logs of every bucket, and the supervision site's CloudFront logs (ACLs allowed for those) */
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    // production and staging keep every store when a stack is deleted; a development stack may go whole
    // (its archive under GOVERNANCE, so it can be emptied). The keys stay in every environment: without
    // them nothing they encrypted can be read again.
    const keep = props.environment === 'development' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.dataKey = new Key(this, 'DataKey', {
      description: 'Encrypts case data, the catalog and e-files at rest',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // [E15] e-licences and archive manifests are signed with a key that never leaves KMS
    this.signingKey = new Key(this, 'LicenceSigningKey', {
      description: 'Signs e-licences and archive manifests (ECDSA P-256)',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // [E18] whoever may disable or delete the key that encrypts the archive may destroy the archive: only
    // a named break-glass role (assumed with MFA, every use alarmed) may, no administrator else
    this.breakGlass = new Role(this, 'ArchiveBreakGlass', {
      roleName: 'zwfw-archive-break-glass',
      description: 'Break-glass only: the one principal that may disable or schedule deletion of the archive key',
      assumedBy: new AccountRootPrincipal().withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
    });
    this.archiveKey = new Key(this, 'ArchiveKey', {
      description: 'Encrypts the Object Lock archive of e-files, and nothing else',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.archiveKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyBreakGlassDisablesOrDeletes',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['kms:DisableKey', 'kms:ScheduleKeyDeletion', 'kms:DeleteImportedKeyMaterial', 'kms:DisableKeyRotation'],
        resources: ['*'],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': this.breakGlass.roleArn } },
      }),
    );

    const tableDefaults = {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.dataKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.environment !== 'development',
      removalPolicy: keep,
    };

    // one partition per case: case, audit events, tasks, notices (DESIGN.md "Domain model")
    // its stream carries each new notice to the renderer ([N14]: 文书 as documents)
    this.cases = new Table(this, 'CasesTable', { ...tableDefaults, stream: StreamViewType.NEW_IMAGE });
    // an applicant's list shows summaries only: projecting them, not the whole case, makes each case
    // write cost one small index write instead of a second copy of the case (bench:lifecycle)
    this.cases.addGlobalSecondaryIndex({
      indexName: GSI.applicant,
      partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
      projectionType: ProjectionType.INCLUDE,
      // a case's summary for the applicant's list, and a booking's for the booker's [H20] (both lists are one Query)
      nonKeyAttributes: [...new Set([...CASE_SUMMARY_FIELDS, ...BOOKING_SUMMARY_FIELDS])],
    });
    this.cases.addGlobalSecondaryIndex({
      indexName: GSI.queue,
      partitionKey: { name: 'queuePk', type: AttributeType.STRING },
      sortKey: { name: 'queueSk', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
    this.cases.addGlobalSecondaryIndex({
      indexName: GSI.deadline,
      partitionKey: { name: 'dlPk', type: AttributeType.STRING },
      sortKey: { name: 'dlSk', type: AttributeType.STRING },
      projectionType: ProjectionType.KEYS_ONLY,
    });

    this.cases.addGlobalSecondaryIndex({
      indexName: GSI.pending,
      partitionKey: { name: 'pendPk', type: AttributeType.STRING },
      sortKey: { name: 'pendSk', type: AttributeType.STRING },
      projectionType: ProjectionType.KEYS_ONLY,
    });

    this.catalog = new Table(this, 'CatalogTable', tableDefaults);
    this.catalog.addGlobalSecondaryIndex({
      indexName: CATALOG_GSI.published,
      partitionKey: { name: 'pubPk', type: AttributeType.STRING },
      sortKey: { name: 'pubSk', type: AttributeType.STRING },
      projectionType: ProjectionType.INCLUDE,
      nonKeyAttributes: [...SEARCH_FIELDS],
    });
    // [N10] a change to common fields reaches every region's implementation of the base matter
    this.catalog.addGlobalSecondaryIndex({
      indexName: CATALOG_GSI.byBaseCode,
      partitionKey: { name: 'basePk', type: AttributeType.STRING },
      sortKey: { name: 'baseSk', type: AttributeType.STRING },
      projectionType: ProjectionType.KEYS_ONLY,
    });

    // Powertools idempotency records: short-lived (24 h, then TTL). PITR is on all the same, as on every
    // table (cdk-nag DDB3): it costs by the table's size, and this one stays small.
    this.idempotency = new Table(this, 'IdempotencyTable', {
      partitionKey: { name: 'id', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.dataKey,
      timeToLiveAttribute: 'expiration',
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const accessLogs = (this.accessLogs = new Bucket(this, 'AccessLogsBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: keep,
    }));

    const bucketDefaults = {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.dataKey,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      removalPolicy: keep,
    };

    // materials arrive here by presigned PUT [N15] [E12]; they are copied into the archive when the case closes
    this.uploads = new Bucket(this, 'UploadsBucket', {
      ...bucketDefaults,
      serverAccessLogsPrefix: 'uploads/',
      cors: [{ allowedMethods: [HttpMethods.PUT], allowedOrigins: ['*'], allowedHeaders: ['content-type', 'x-amz-meta-sha256'], maxAge: 3000 }],
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { noncurrentVersionExpiration: Duration.days(30) },
        { expiration: Duration.days(730) },
      ],
    });

    // [N14] the notices (文书) as issued, PDF, one object per notice; copied into the archive when the case closes
    this.documents = new Bucket(this, 'DocumentsBucket', {
      ...bucketDefaults,
      serverAccessLogsPrefix: 'documents/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
    });

    // [N8] what the catalog publishes (the search index the lookup Lambdas hold in memory)
    this.catalogBucket = new Bucket(this, 'CatalogBucket', {
      ...bucketDefaults,
      serverAccessLogsPrefix: 'catalog/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90) }, { prefix: 'search/index-', expiration: Duration.days(180) }],
    });

    // [E18] [E24]: archived e-files cannot be altered or deleted by anyone, root included, before their
    // retention period ends. Each package sets its own retain-until from its retention class; the
    // bucket default (10 years, the shortest class) covers any object written without one.
    this.archive = new Bucket(this, 'ArchiveBucket', {
      ...bucketDefaults,
      encryptionKey: this.archiveKey,
      serverAccessLogsPrefix: 'archive/',
      objectLockEnabled: true,
      objectLockDefaultRetention: props.objectLockMode === 'GOVERNANCE' ? ObjectLockRetention.governance(Duration.days(3653)) : ObjectLockRetention.compliance(Duration.days(3653)),
    });
    // [E18] what the store itself refuses, whoever asks (IAM grants cannot widen a bucket policy's Deny):
    const packages = this.archive.arnForObjects('*');
    const deny = (sid: string, actions: string[], conditions?: Record<string, Record<string, unknown>>, except = [this.breakGlass.roleArn]) =>
      this.archive.addToResourcePolicy(
        new PolicyStatement({
          sid,
          effect: Effect.DENY,
          principals: [new AnyPrincipal()],
          actions,
          resources: [packages],
          conditions: { ...conditions, ArnNotEquals: { 'aws:PrincipalArn': except } },
        }),
      );
    // a package is written once, with its COMPLIANCE lock in the same request: never without one, never over another
    deny('PutOnlyUnderCompliance', ['s3:PutObject'], { StringNotEquals: { 's3:object-lock-mode': 'COMPLIANCE' } });
    deny('PutOnlyNewKeys', ['s3:PutObject'], { Null: { 's3:if-none-match': 'true' } });
    // a retention is set only in COMPLIANCE mode (which the store never lets anyone shorten), nothing bypasses one
    deny('RetentionOnlyCompliance', ['s3:PutObjectRetention'], { StringNotEquals: { 's3:object-lock-mode': 'COMPLIANCE' } });
    deny('NoGovernanceBypass', ['s3:BypassGovernanceRetention']);
    // a legal hold, once on, stays on: permanent files go to the state archive [E26], never to destruction
    deny('NoLegalHoldLifted', ['s3:PutObjectLegalHold'], { StringEquals: { 's3:object-lock-legal-hold': 'OFF' } });
    // deleting a version is the destruction step's alone, after appraisal, for what the lock has released
    deny('DeleteOnlyByDestruction', ['s3:DeleteObject', 's3:DeleteObjectVersion'], undefined, [this.breakGlass.roleArn, `arn:${this.partition}:iam::${this.account}:role/${ARCHIVE_DESTRUCTION_ROLE}`]);

    // what an operator's tools (npm run smoke, the restore drill) find the stores by: `cdk deploy --outputs-file`
    const outputs: [string, string, string][] = [
      ['CasesTableName', this.cases.tableName, 'one partition per case: the case, its audit events, tasks and notices'],
      ['CatalogTableName', this.catalog.tableName, 'the matters catalog and its changes'],
      ['UploadsBucketName', this.uploads.bucketName, 'materials as citizens upload them (presigned PUT)'],
      ['DocumentsBucketName', this.documents.bucketName, 'the notices (文书) as issued, PDF'],
      ['ArchiveBucketName', this.archive.bucketName, 'the e-files under Object Lock [E24]'],
    ];
    for (const [id, value, description] of outputs) new CfnOutput(this, id, { value, description });
  }
}
