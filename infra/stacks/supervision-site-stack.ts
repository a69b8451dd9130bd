import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  GeoRestriction,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { RestApiOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { buildSupervisionSite } from '../../web/supervision/build.ts';
import type { ApiStack } from './api-stack.ts';
import type { DataStack } from './data-stack.ts';

export interface SupervisionSiteStackProps extends StackProps {
  readonly data: DataStack;
  readonly api: ApiStack;
  /** the OIDC issuer the page signs supervisors in with (the API's own) */
  readonly jwtIssuer: string;
  /** the client id the page signs in as: the API's audience, so the ID token it gets is one the API accepts */
  readonly jwtAudience: string;
  /**
   * the page's own domain and its ACM certificate (us-east-1); with them viewers need TLS 1.2.
   * @default the distribution's *.cloudfront.net name, whose certificate CloudFront also offers over TLS 1.0
   */
  readonly domain?: { name: string; certificateArn: string };
  /** the province's shared web ACL (AWS WAF, CLOUDFRONT scope). @default none: attached by the operators */
  readonly webAclArn?: string;
  /**
   * ISO 3166 countries the page and its API path answer (geo restriction); supervisors work in the province.
   * @default ['CN']
   */
  readonly countries?: string[];
}

/**
 * The supervision page (电子监察) [N20] as a static site: a private bucket read only by CloudFront
 * (origin access control), and one distribution that serves the page under /supervision/ and sends
 * /v1/* to the public API, so the page calls the API on its own origin (no CORS, and the bearer
 * token never leaves that origin). Nothing is cached for /v1/*: every answer is per caller.
 */
export class SupervisionSiteStack extends Stack {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: SupervisionSiteStackProps) {
    super(scope, id, props);
    const { data, api } = props;

    this.bucket = new Bucket(this, 'SiteBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: data.accessLogs,
      serverAccessLogsPrefix: 'supervision-site/',
      // the site is built from the repository at every deploy: nothing here is data to keep
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // CloudFront serves a folder's index.html only at the root: /supervision/ → /supervision/index.html
    const index = new CloudFrontFunction(this, 'FolderIndex', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'serve index.html for a folder of the supervision site',
      code: FunctionCode.fromInline(
        "function handler(event) { var r = event.request; if (r.uri === '/' || r.uri === '/supervision') { return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: '/supervision/' } } }; } if (r.uri.endsWith('/')) { r.uri += 'index.html'; } return r; }",
      ),
    });

    this.distribution = new Distribution(this, 'Site', {
      comment: '陕西政务服务网 电子监察 (supervision page and API)',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        functionAssociations: [{ function: index, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/v1/*': {
          origin: new RestApiOrigin(api.api),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // with caching disabled the Authorization header may be forwarded by the origin request policy
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        },
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      geoRestriction: GeoRestriction.allowlist(...(props.countries ?? ['CN'])),
      ...(props.domain ? { domainNames: [props.domain.name], certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn) } : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      // mainland China is not in any CloudFront price class: supervisors reach the nearest (Hong Kong) edge
      priceClass: PriceClass.PRICE_CLASS_200,
      // applies with a custom domain (CloudFront's default certificate takes what it takes)
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      enableLogging: true,
      logBucket: data.accessLogs,
      logFilePrefix: 'cloudfront/supervision/',
    });

    const site = buildSupervisionSite();
    new BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'supervision/',
      sources: [Source.asset(site.dir), Source.jsonData('config.json', { signIn: 'oidc', issuer: props.jwtIssuer, clientId: props.jwtAudience })],
      // no invalidation (it would need cloudfront:CreateInvalidation on "*"): CloudFront revalidates every file with S3
      cacheControl: [CacheControl.noCache()],
      prune: true,
      memoryLimit: 256,
    });

    new CfnOutput(this, 'SupervisionUrl', { value: `https://${this.distribution.distributionDomainName}/supervision/`, description: 'the supervision page (电子监察)' });
  }
}
