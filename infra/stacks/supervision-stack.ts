import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, MathExpression, Metric, TextWidget, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation } from 'aws-cdk-lib/aws-dynamodb';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { RuleCategory } from '../../shared/domain/alert.ts';
import type { ApiStack } from './api-stack.ts';
import type { DataStack } from './data-stack.ts';
import type { WorkflowsStack } from './workflows-stack.ts';

/** the categories of e-supervision rules, each a value of the AlertRaised metric's `category` dimension */
const CATEGORIES = ['timeliness', 'legality', 'completeness', 'content'] as const satisfies readonly RuleCategory[];

const THROTTLED_OPERATIONS = [Operation.GET_ITEM, Operation.PUT_ITEM, Operation.UPDATE_ITEM, Operation.QUERY, Operation.TRANSACT_WRITE_ITEMS];

export interface SupervisionStackProps extends StackProps {
  readonly data: DataStack;
  readonly workflows: WorkflowsStack;
  readonly api: ApiStack;
  /** where every alarm goes when it fires and when it clears (an SNS topic the operators subscribe to) */
  readonly alarmTopicArn?: string;
}

/**
 * 电子监察 [N20]: what supervisors and operators watch. Dashboards read metrics (the handlers emit
 * business metrics in CloudWatch Embedded Metric Format), alarms need no scans.
 */
export class SupervisionStack extends Stack {
  constructor(scope: Construct, id: string, props: SupervisionStackProps) {
    super(scope, id, props);
    const { api, workflows, data } = props;
    const business = (name: string) => new Metric({ namespace: 'Zwfw', metricName: name, dimensionsMap: { service: 'zwfw' }, statistic: 'Sum', period: Duration.hours(1) });
    const machines = [workflows.routing, workflows.forwarding, workflows.unifiedReturn];

    // [N20] a business metric broken down by one of its dimension sets (city, channel, matter type)
    const by = (name: string, dimension: 'city' | 'channel' | 'matterType', label: string) =>
      new MathExpression({ expression: `SEARCH('{Zwfw,service,${dimension}} MetricName="${name}"', 'Sum', 3600)`, label, period: Duration.hours(1) });
    const alertsBy = (level: 'red' | 'yellow') => new MathExpression({ expression: `SEARCH('{Zwfw,service,level,category} MetricName="AlertRaised" level="${level}"', 'Sum', 3600)`, label: `${level} alerts`, period: Duration.hours(1) });

    const dashboard = new Dashboard(this, 'Timeliness', { dashboardName: 'zwfw-supervision' });
    dashboard.addWidgets(
      new TextWidget({ markdown: '# 陕西政务服务网 — 电子监察 [N20]\nCases, timeliness, alerts and evaluations; by city, channel and matter type. Per region, department and day: `GET /v1/supervision/metrics`.', width: 24, height: 2 }),
      new GraphWidget({
        title: 'Cases (办件)',
        left: ['CaseSubmitted', 'CaseAccepted', 'CaseCorrectionRequested', 'CaseRejected', 'CaseReturned', 'CaseWithdrawn', 'CaseCompleted'].map(business),
        width: 12,
      }),
      new GraphWidget({ title: 'Timeliness (时效性) [N20]', left: ['CaseCompletedOnTime', 'CaseCompletedOverdue'].map(business), width: 12 }),
      new GraphWidget({ title: 'Submitted by city', left: [by('CaseSubmitted', 'city', 'by city')], width: 8 }),
      new GraphWidget({ title: 'Submitted by channel', left: [by('CaseSubmitted', 'channel', 'by channel')], width: 8 }),
      new GraphWidget({ title: 'Submitted by matter type', left: [by('CaseSubmitted', 'matterType', 'by matter type')], width: 8 }),
      new GraphWidget({ title: 'Overdue by city', left: [by('CaseCompletedOverdue', 'city', 'overdue by city')], width: 12 }),
      new GraphWidget({ title: 'Alerts raised (预警、红牌)', left: [alertsBy('red'), alertsBy('yellow')], width: 12 }),
      new GraphWidget({ title: 'Evaluations (好差评) [N21]', left: [business('Evaluation')], right: [new MathExpression({ expression: 'score / count', usingMetrics: { score: business('EvaluationScore'), count: business('Evaluation') }, label: 'average score' })], width: 12 }),
      new GraphWidget({ title: '差评 follow-ups past their day', left: [business('FollowUpOverdue')], width: 12 }),
    );

    // the platform's health, for operators
    const lambda = (metricName: string) => new Metric({ namespace: 'AWS/Lambda', metricName, statistic: 'Sum', period: Duration.minutes(5) });
    const iteratorAge = workflows.streamConsumers.map((f) => f.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) }));
    const health = new Dashboard(this, 'Health', { dashboardName: 'zwfw-platform' });
    health.addWidgets(
      new TextWidget({ markdown: '# 陕西政务服务网 — platform health\nAPI errors and latency, Lambda errors and throttles, workflows, DynamoDB throttles, stream lag.', width: 24, height: 2 }),
      new GraphWidget({ title: 'API 4xx / 5xx', left: [api.api.metricClientError(), api.api.metricServerError()], width: 12 }),
      new GraphWidget({ title: 'API latency (p50, p99)', left: [api.api.metricLatency({ statistic: 'p50' }), api.api.metricLatency({ statistic: 'p99' })], width: 12 }),
      new GraphWidget({ title: 'Lambda errors and throttles (all functions)', left: [lambda('Errors'), lambda('Throttles')], width: 12 }),
      new GraphWidget({ title: 'Workflow failures and timeouts', left: [...machines.map((m) => m.metricFailed()), ...machines.map((m) => m.metricTimedOut())], width: 12 }),
      // the operations the platform uses; an empty list would draw nothing
      ...[data.cases, data.catalog].map((t, i) => new GraphWidget({ title: `DynamoDB throttles (${i ? 'catalog' : 'cases'})`, left: [t.metricThrottledRequestsForOperations({ operations: THROTTLED_OPERATIONS, period: Duration.minutes(5) })], width: 6 })),
      new GraphWidget({ title: 'Stream iterator age (ms)', left: iteratorAge, width: 12 }),
    );

    // every alarm here fires when its metric reaches the threshold within one period; no data is no alarm
    const target = props.alarmTopicArn ? new SnsAction(Topic.fromTopicArn(this, 'AlarmTopic', props.alarmTopicArn)) : undefined;
    const alarm = (id: string, alarmDescription: string, metric: IMetric, threshold = 1) => {
      const a = new Alarm(this, id, { alarmDescription, metric, threshold, evaluationPeriods: 1, comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, treatMissingData: TreatMissingData.NOT_BREACHING });
      if (target) {
        a.addAlarmAction(target);
        a.addOkAction(target);
      }
      return a;
    };
    alarm('Api5xx', 'The public API answers with server errors', api.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }), 5);
    // [N14] a notice whose PDF failed every time the sweeper asked for it (set aside as RENDER_STUCK)
    alarm('NoticeRenderStuck', 'A notice could not be rendered as a PDF after every retry; it is set aside (pendPk RENDER_STUCK) for an operator', business('NoticeRenderStuck').with({ period: Duration.minutes(5) }));
    // [E18] a package that failed its four-property check: the check run names the case, property and item
    alarm('ArchiveCheckFailed', 'An archive package failed a four-property check (四性检测); GET /v1/archive/checks/{checkId} names the case, property and item', business('ArchivePackageFailed').with({ period: Duration.hours(1) }));
    machines.forEach((m, i) => {
      alarm(`WorkflowFailed${i}`, 'A workflow execution failed; the sweeper re-drives the case, but look why', m.metricFailed({ period: Duration.minutes(5), statistic: 'Sum' }));
      alarm(`WorkflowTimedOut${i}`, 'A workflow execution timed out; the sweeper re-drives the case, but look why', m.metricTimedOut({ period: Duration.minutes(5), statistic: 'Sum' }));
    });
    // [N20] red alerts: an hour with any means a case is overdue or a step broke the rules; GET /v1/supervision/alerts?level=red lists them
    // (an alarm cannot read a SEARCH: the four categories' red counts, added)
    const red = Object.fromEntries(CATEGORIES.map((category) => [category, new Metric({ namespace: 'Zwfw', metricName: 'AlertRaised', dimensionsMap: { service: 'zwfw', level: 'red', category }, statistic: 'Sum', period: Duration.hours(1) })]));
    alarm('RedAlerts', 'E-supervision raised red alerts (超时、违规); GET /v1/supervision/alerts?level=red', new MathExpression({ expression: CATEGORIES.join(' + '), usingMetrics: red, label: 'red alerts', period: Duration.hours(1) }));
    // [N21] a 差评 not followed up by its day
    alarm('FollowUpOverdue', 'A 差评 was not followed up (整改) within its working days; GET /v1/evaluations?bad=true&status=open', business('FollowUpOverdue').with({ period: Duration.hours(1) }));
    // the stream consumers fall behind: notices, checks and supervision lag the steps
    workflows.streamConsumers.forEach((f, i) => alarm(`StreamIteratorAge${i}`, `The case table's stream consumer ${f.node.id} is more than five minutes behind`, iteratorAge[i], 300_000));
  }
}
