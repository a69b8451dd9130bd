/**
 * cdk-nag (AwsSolutions pack) runs in every synth (infra/app.ts). Every finding is either fixed or
 * acknowledged, with its reason, in infra/nag.ts; this file proves there is nothing else, and that the
 * acknowledgements are real, explained and still needed.
 *
 * Bundling is skipped here (context `aws:cdk:bundling-stacks` = []): it changes asset hashes only, not a
 * resource or a finding. stacks.test.ts covers the bundling itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { ACKNOWLEDGED } from '../../infra/nag.ts';
import { allRoles, removeOutdir, STACK_NAMES, synthPlatform, SYNTH_TIMEOUT_MS, type Platform, type Statement } from './support.ts';

let p: Platform;
const annotations: Partial<Record<(typeof STACK_NAMES)[number], Annotations>> = {};

beforeAll(() => {
  p = synthPlatform({ bundle: false });
  // Annotations.fromStack re-synthesizes each time: once per stack, shared by the error and warning tests
  for (const [i, name] of STACK_NAMES.entries()) annotations[name] = Annotations.fromStack(p.stacks[i]);
}, SYNTH_TIMEOUT_MS);

afterAll(() => removeOutdir(p));

const AWS_SOLUTIONS = Match.stringLikeRegexp('AwsSolutions-.*');

/** cdk-nag's CSV report of a stack: one row per rule and resource, with its compliance. */
function report(stack: string): { rule: string; resource: string; compliance: string }[] {
  const file = path.join(p.outdir, `AwsSolutions-${stack}-NagReport.csv`);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [rule, resource, compliance] = line.split('","').map((c) => c.replace(/^"|"$/g, ''));
      return { rule, resource, compliance };
    });
}

describe('cdk-nag AwsSolutions', () => {
  test.each(STACK_NAMES)('the AwsSolutions pack ran on %s', (stack) => {
    // a stack with no rule-bearing resources (Supervision: a dashboard and alarms) has an empty report;
    // the others must show evaluated rules, or the "no findings" tests below would prove nothing
    const rows = report(stack);
    if (stack !== 'Zwfw-Supervision') expect(rows.length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(p.outdir, `AwsSolutions-${stack}-NagReport.csv`))).toBe(true);
  });

  test.each(STACK_NAMES)('%s has no unacknowledged AwsSolutions errors', (stack) => {
    const errors = annotations[stack]!.findError('*', AWS_SOLUTIONS);
    expect(errors.map((e) => `${e.id}: ${String(e.entry.data).split('\n')[0]}`)).toEqual([]);
  });

  test.each(STACK_NAMES)('%s has no unacknowledged AwsSolutions warnings', (stack) => {
    const warnings = annotations[stack]!.findWarning('*', AWS_SOLUTIONS);
    expect(warnings.map((w) => `${w.id}: ${String(w.entry.data).split('\n')[0]}`)).toEqual([]);
  });
});

describe('acknowledgements (infra/nag.ts)', () => {
  test.each(ACKNOWLEDGED.map((a) => [a.id, a.reason]))('%s has a reason of at least 40 characters', (_id, reason) => {
    expect(reason.trim().length).toBeGreaterThanOrEqual(40);
  });

  test('every acknowledgement names one AwsSolutions rule, once', () => {
    const ids = ACKNOWLEDGED.map((a) => a.id);
    for (const id of ids) expect(id).toMatch(/^AwsSolutions-[A-Z]+[0-9]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every acknowledgement still suppresses a finding (none is stale)', () => {
    // The acknowledgements apply to whole stacks: a stale one would silently hide the finding if it ever
    // came back (an S1 on the archive bucket, an L1 after a runtime downgrade…), under a reason that no
    // longer describes the code.
    const suppressed = new Set(STACK_NAMES.flatMap((s) => report(s).filter((r) => r.compliance === 'Suppressed').map((r) => r.rule)));
    expect(ACKNOWLEDGED.map((a) => a.id).filter((id) => !suppressed.has(id))).toEqual([]);
  });

  test('the IAM5 acknowledgement holds: Resource "*" appears only with actions that have no resource-level permissions', () => {
    // X-Ray trace upload, the CloudWatch Logs delivery calls Step Functions logging needs and DynamoDB
    // ListStreams (for the notices' stream mapping) are the documented Resource:"*" cases; anything else
    // with "*" would be a wildcard the reason does not cover.
    const RESOURCELESS = /^(dynamodb:ListStreams|xray:(PutTraceSegments|PutTelemetryRecords|GetSamplingRules|GetSamplingTargets)|logs:(CreateLogDelivery|GetLogDelivery|UpdateLogDelivery|DeleteLogDelivery|ListLogDeliveries|PutResourcePolicy|DescribeResourcePolicies|DescribeLogGroups))$/;
    const offenders: string[] = [];
    for (const role of allRoles(p)) {
      for (const s of role.statements as Statement[]) {
        const res = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
        if (s.Effect !== 'Allow' || !res.includes('*')) continue;
        const actions = Array.isArray(s.Action) ? s.Action : [s.Action ?? '<NotAction>'];
        for (const a of actions) if (!RESOURCELESS.test(a)) offenders.push(`${role.stack}/${role.roleId}: ${a} on *`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('the IAM5 acknowledgement holds: resource wildcards are only table/index/*, bucket/*, bucket/search/*, bucket/notices/*, bucket/archive/*, bucket/transfers/* and function:*', () => {
    const offenders: string[] = [];
    for (const role of allRoles(p)) {
      for (const s of role.statements) {
        for (const r of Array.isArray(s.Resource) ? s.Resource : [s.Resource]) {
          if (r === '*') continue; // covered by the test above
          const text = typeof r === 'string' ? r : JSON.stringify(r);
          if (!text.includes('*')) continue;
          const join = (r as { 'Fn::Join'?: [string, unknown[]] })?.['Fn::Join'];
          const tail = join ? join[1][join[1].length - 1] : r;
          // the wildcard must be the last piece, appended to one resource's own ARN
          const ok = join !== undefined && join[1].length === 2 && typeof tail === 'string' && ['/index/*', '/*', ':*', '/search/*', '/notices/*', '/archive/*', '/transfers/*'].includes(tail);
          // the BucketDeployment that uploads the supervision page reads its files from the CDK bootstrap's asset bucket
          const bootstrapAssets = join !== undefined && tail === '/*' && JSON.stringify(join[1]).includes('cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}') && role.stack === 'Zwfw-SupervisionSite';
          if (bootstrapAssets) continue;
          if (!ok) offenders.push(`${role.stack}/${role.roleId}: ${text}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  test('the IAM5 acknowledgement holds: action wildcards are only the CDK grant helpers\' own', () => {
    const GRANT_WILDCARDS = new Set(['kms:ReEncrypt*', 'kms:GenerateDataKey*', 's3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:Abort*']);
    // the supervision page's deployment replaces the site's files, and deletes those a new build no longer has (prune)
    const SITE_DEPLOYMENT = new Set(['s3:DeleteObject*']);
    const offenders: string[] = [];
    for (const role of allRoles(p)) {
      for (const s of role.statements) {
        if (s.NotAction !== undefined) offenders.push(`${role.stack}/${role.roleId}: NotAction`);
        const actions = Array.isArray(s.Action) ? s.Action : [s.Action ?? ''];
        for (const a of actions) if (a.includes('*') && !GRANT_WILDCARDS.has(a) && !(role.stack === 'Zwfw-SupervisionSite' && SITE_DEPLOYMENT.has(a))) offenders.push(`${role.stack}/${role.roleId}: ${a}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
