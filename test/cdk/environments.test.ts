import { Match } from 'aws-cdk-lib/assertions';
import { removeOutdir, synthPlatform, type Platform } from './support.ts';

/**
 * The configuration per environment (infra/config.ts), as synthesized: production keeps every data store
 * and locks the archive in COMPLIANCE; development may be torn down whole, its archive under GOVERNANCE;
 * throttling as configured; a fault stops the synth with the key named.
 */
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:zwfw-oncall';
let prod: Platform;
let dev: Platform;
beforeAll(() => {
  prod = synthPlatform({ bundle: false, context: { throttleRateLimit: '200', throttleBurstLimit: '400', alarmTopicArn: TOPIC, xraySampleRate: '0.01' } });
  dev = synthPlatform({ bundle: false, context: { environment: 'development', objectLockMode: 'GOVERNANCE' } });
}, 300_000);
afterAll(() => [prod, dev].forEach(removeOutdir));

test('production: tables and buckets RETAIN with deletion protection; the archive in COMPLIANCE', () => {
  const data = prod.templates['Zwfw-Data'];
  for (const type of ['AWS::DynamoDB::Table', 'AWS::S3::Bucket', 'AWS::KMS::Key']) {
    for (const r of Object.values(data.findResources(type))) expect([type, r.DeletionPolicy]).toEqual([type, type === 'AWS::DynamoDB::Table' && r.Properties.TimeToLiveSpecification ? expect.any(String) : 'Retain']);
  }
  data.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
  data.hasResourceProperties('AWS::S3::Bucket', { ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'COMPLIANCE' } } } });
  prod.templates['Zwfw-Api'].hasResourceProperties('AWS::ApiGateway::Stage', { MethodSettings: Match.arrayWith([Match.objectLike({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 })]) });
});

test('development: the stores may be deleted with the stack, the archive under GOVERNANCE; the keys are kept', () => {
  const data = dev.templates['Zwfw-Data'];
  for (const r of Object.values(data.findResources('AWS::S3::Bucket'))) expect(r.DeletionPolicy).toBe('Delete');
  for (const r of Object.values(data.findResources('AWS::KMS::Key'))) expect(r.DeletionPolicy).toBe('Retain');
  for (const r of Object.values(data.findResources('AWS::DynamoDB::Table'))) expect(r.Properties.DeletionProtectionEnabled ?? false).toBe(false);
  data.hasResourceProperties('AWS::S3::Bucket', { ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'GOVERNANCE' } } } });
});

test('GOVERNANCE outside development stops the synth, naming the key', () => {
  expect(() => synthPlatform({ bundle: false, context: { objectLockMode: 'GOVERNANCE' } })).toThrow(/objectLockMode .*allowed only in development/);
});

test('every alarm notifies the configured topic when it fires and when it clears; without one, none is sent anywhere', () => {
  const alarms = Object.values<any>(prod.templates['Zwfw-Supervision'].findResources('AWS::CloudWatch::Alarm'));
  expect(alarms.length).toBeGreaterThan(10);
  for (const a of alarms) expect([a.Properties.AlarmActions, a.Properties.OKActions]).toEqual([[TOPIC], [TOPIC]]);
  for (const a of Object.values<any>(dev.templates['Zwfw-Supervision'].findResources('AWS::CloudWatch::Alarm'))) expect(a.Properties.AlarmActions).toBeUndefined();
  expect(() => synthPlatform({ bundle: false, context: { alarmTopicArn: 'zwfw-oncall' } })).toThrow(/alarmTopicArn .*an SNS topic ARN/);
});

test('X-Ray traces what the configuration says: one sampling rule, its rate and reservoir (none on LocalStack, which has no X-Ray)', () => {
  prod.templates['Zwfw-Api'].hasResourceProperties('AWS::XRay::SamplingRule', { SamplingRule: Match.objectLike({ FixedRate: 0.01, ReservoirSize: 1, ServiceName: '*', URLPath: '*' }) });
  dev.templates['Zwfw-Api'].hasResourceProperties('AWS::XRay::SamplingRule', { SamplingRule: Match.objectLike({ FixedRate: 0.05 }) });
  expect(() => synthPlatform({ bundle: false, context: { xraySampleRate: '2' } })).toThrow(/xraySampleRate/);
});
