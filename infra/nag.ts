import { Stack, type App } from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';

/**
 * Every cdk-nag AwsSolutions finding we accept, with its reason, in this one place. Anything not
 * listed here fails the synth (see test/cdk/nag.test.ts).
 */
export const ACKNOWLEDGED: { id: string; reason: string }[] = [
  { id: 'AwsSolutions-IAM4', reason: 'Lambda execution roles carry only the AWS-managed AWSLambdaBasicExecutionRole (X-Ray is an inline statement); the API Gateway account role carries only AmazonAPIGatewayPushToCloudWatchLogs. These are the documented minimal managed policies.' },
  { id: 'AwsSolutions-IAM5', reason: 'Wildcards come from CDK grant helpers scoped to one table (its indexes: table/index/*), one bucket (its objects: bucket/*, the published search index: bucket/search/*, the notices’ PDFs: bucket/notices/*, the archive packages: bucket/archive/*, or the transfer manifests: bucket/transfers/*, the supervision page’s files, which its deployment replaces (s3:DeleteObject*), and the CDK bootstrap’s asset bucket the deployment reads them from; s3:GetObject*/List*/Abort*), one KMS key (kms:GenerateDataKey*/ReEncrypt*) or one function (its versions: fn:*); Resource "*" appears only for actions without resource-level permissions: X-Ray trace upload, dynamodb:ListStreams (the notices renderer’s stream mapping) and the CloudWatch Logs delivery calls Step Functions logging needs (test/cdk/nag.test.ts checks both).' },
  { id: 'AwsSolutions-APIG3', reason: 'AWS WAF is attached per environment by the platform operators (the province’s shared web ACL); the stage has throttling meanwhile.' },
  { id: 'AwsSolutions-APIG4', reason: 'Catalog, hall, slot, licence-verification and notice-verification reads are public by design ([N8]: the catalog is published; [H11] [H20]: a hall’s hours and free slots are published for anyone to book; a licence or a notice must be verifiable by third parties [E16], and neither verification discloses anything about the holder or applicant). Every other route uses the JWT authorizer.' },
  { id: 'AwsSolutions-CFR2', reason: 'AWS WAF on the supervision page’s distribution is the province’s shared web ACL (CLOUDFRONT scope), given per environment as siteWebAclArn; the page only reads the API, which has its own throttling.' },
  { id: 'AwsSolutions-CFR4', reason: 'Without a custom domain the supervision page is served on CloudFront’s default *.cloudfront.net certificate, which CloudFront also offers over TLS 1.0; with siteDomain and siteCertificateArn the stack requires TLS 1.2 (TLSv1.2_2021).' },
  { id: 'AwsSolutions-COG4', reason: 'Identity is the province’s own real-name OIDC system [N13], verified by a Lambda token authorizer; Cognito is not used (and is a paid feature on LocalStack).' },
];

/**
 * Findings accepted on one resource only: the handler aws-cdk-lib writes for a BucketDeployment (the
 * supervision page's upload) runs at deploy time on the Python runtime that aws-cdk-lib pins.
 */
export const ACKNOWLEDGED_ON_RESOURCE: { idPrefix: string; findings: { id: string; reason: string }[] }[] = [
  {
    idPrefix: 'Custom::CDKBucketDeployment',
    findings: [{ id: 'AwsSolutions-L1', reason: 'The BucketDeployment handler is aws-cdk-lib’s own function (Python, its runtime pinned by aws-cdk-lib); it runs only while a deployment uploads the supervision page, never on a request.' }],
  },
];

export function acknowledgeFindings(app: App): void {
  for (const child of app.node.children) {
    if (!(child instanceof Stack)) continue;
    NagSuppressions.addStackSuppressions(child, ACKNOWLEDGED, true);
    for (const r of ACKNOWLEDGED_ON_RESOURCE) {
      for (const c of child.node.children.filter((c) => c.node.id.startsWith(r.idPrefix))) NagSuppressions.addResourceSuppressions(c, r.findings, true);
    }
  }
}
