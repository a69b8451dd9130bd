import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectLockRetention, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { CATALOG_GSI, GSI, SEARCH_FIELDS } from '../../shared/adapters/dynamodb/keys.ts';
import { CASE_SUMMARY_FIELDS } from '../../shared/domain/case.ts';

/**
 * The platform's state, kept apart so the stateless stacks can be replaced freely: the case table, the
 * catalog, idempotency records, the uploads bucket and the Object Lock archive [E17] [E18] [E22] [E23] [E24].
 */
export class DataStack extends Stack {
  readonly dataKey: Key;
  readonly signingKey: Key;
  readonly cases: Table;
  readonly catalog: Table;
  readonly idempotency: Table;
  readonly uploads: Bucket;
  readonly archive: Bucket;
  readonly documents: Bucket;
  readonly catalogBucket: Bucket;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

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

    const tableDefaults = {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.dataKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
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
      nonKeyAttributes: [...CASE_SUMMARY_FIELDS],
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

    const accessLogs = new Bucket(this, 'AccessLogsBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const bucketDefaults = {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.dataKey,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      removalPolicy: RemovalPolicy.RETAIN,
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
      serverAccessLogsPrefix: 'archive/',
      objectLockEnabled: true,
      objectLockDefaultRetention: ObjectLockRetention.compliance(Duration.days(3653)),
    });
  }
}
