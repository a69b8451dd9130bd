import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadConfig } from './config.ts';
import { isLocalStack } from './localstack.ts';
import { acknowledgeFindings } from './nag.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { SupervisionSiteStack } from './stacks/supervision-site-stack.ts';
import { SupervisionStack } from './stacks/supervision-stack.ts';
import { WorkflowsStack } from './stacks/workflows-stack.ts';

export interface BuildOptions {
  outdir?: string;
  context?: Record<string, string>;
}

/** The platform as five stacks an operator can reason about: data, workflows, API, supervision, and the supervision page. */
export function buildApp(opts: BuildOptions = {}): App {
  // asset metadata (as `cdk synth` writes it) lets the local runtime find each function's bundle
  const app = new App({ outdir: opts.outdir, context: { 'aws:cdk:enable-asset-metadata': true, ...opts.context } });
  const config = loadConfig((key) => app.node.tryGetContext(key));
  const env = { account: config.account ?? process.env.CDK_DEFAULT_ACCOUNT, region: config.region ?? process.env.CDK_DEFAULT_REGION };
  const data = new DataStack(app, 'Zwfw-Data', { env, environment: config.environment, objectLockMode: config.objectLockMode, description: '陕西政务服务网: case and catalog tables, uploads and the Object Lock archive' });
  const { tsaUrl, jwtIssuer, jwtAudience } = config;
  const workflows = new WorkflowsStack(app, 'Zwfw-Workflows', {
    env,
    data,
    tsaUrl,
    alertYellowShare: config.alertYellowShare,
    description: '陕西政务服务网: routing, forwarding and unified return workflows',
  });
  const api = new ApiStack(app, 'Zwfw-Api', {
    env,
    data,
    workflows,
    jwtIssuer,
    jwksUrl: config.jwksUrl,
    tsaUrl,
    jwtAudience,
    throttle: { rateLimit: config.throttleRateLimit, burstLimit: config.throttleBurstLimit },
    correctionWorkingDays: config.correctionWorkingDays,
    followUpWorkingDays: config.followUpWorkingDays,
    // LocalStack's free plan has no X-Ray: there the default rule stands
    ...(isLocalStack(app) ? {} : { tracing: { sampleRate: config.xraySampleRate, reservoir: config.xrayReservoir } }),
    description: '陕西政务服务网: public REST API v1',
  });
  new SupervisionStack(app, 'Zwfw-Supervision', { env, data, workflows, api, alarmTopicArn: config.alarmTopicArn, description: '陕西政务服务网: e-supervision dashboard and alarms' });
  const siteDomain = app.node.tryGetContext('siteDomain');
  const siteCertificateArn = app.node.tryGetContext('siteCertificateArn');
  if (!siteDomain !== !siteCertificateArn) throw new Error('the deployment gives siteDomain and siteCertificateArn together (the supervision page’s domain and its ACM certificate in us-east-1), or neither');
  new SupervisionSiteStack(app, 'Zwfw-SupervisionSite', {
    env,
    data,
    api,
    jwtIssuer,
    jwtAudience,
    ...(siteDomain ? { domain: { name: siteDomain, certificateArn: siteCertificateArn } } : {}),
    ...(app.node.tryGetContext('siteWebAclArn') ? { webAclArn: app.node.tryGetContext('siteWebAclArn') } : {}),
    ...(app.node.tryGetContext('siteCountries') ? { countries: String(app.node.tryGetContext('siteCountries')).split(',') } : {}),
    description: '陕西政务服务网: the supervision page (static site, CloudFront in front of it and of the API)' });
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
  acknowledgeFindings(app);
  return app;
}

if (require.main === module) buildApp().synth();
