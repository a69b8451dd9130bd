import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, Metric, TextWidget, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import type { ApiStack } from './api-stack.ts';
import type { DataStack } from './data-stack.ts';
import type { WorkflowsStack } from './workflows-stack.ts';

export interface SupervisionStackProps extends StackProps {
  readonly data: DataStack;
  readonly workflows: WorkflowsStack;
  readonly api: ApiStack;
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

    const dashboard = new Dashboard(this, 'Timeliness', { dashboardName: 'zwfw-supervision' });
    dashboard.addWidgets(
      new TextWidget({ markdown: '# 陕西政务服务网 — 电子监察\nCases submitted, accepted, completed; API health; workflow failures.', width: 24, height: 2 }),
      new GraphWidget({
        title: 'Cases (办件)',
        left: ['CaseSubmitted', 'CaseAccepted', 'CaseCorrectionRequested', 'CaseRejected', 'CaseReturned', 'CaseWithdrawn', 'CaseCompleted'].map(business),
        width: 12,
      }),
      new GraphWidget({ title: 'Timeliness (时效性) [N20]', left: ['CaseCompletedOnTime', 'CaseCompletedOverdue'].map(business), width: 12 }),
      new GraphWidget({ title: 'API errors', left: [api.api.metricClientError(), api.api.metricServerError()], right: [api.api.metricLatency({ statistic: 'p99' })], width: 12 }),
      new GraphWidget({ title: 'Workflow failures', left: machines.map((m) => m.metricFailed()), width: 12 }),
      new GraphWidget({ title: 'DynamoDB throttles', left: [data.cases.metricThrottledRequestsForOperations({ operations: [] as never })], width: 12 }),
    );

    // every alarm here fires when its metric reaches the threshold within one period; no data is no alarm
    const alarm = (id: string, alarmDescription: string, metric: IMetric, threshold = 1) =>
      new Alarm(this, id, { alarmDescription, metric, threshold, evaluationPeriods: 1, comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, treatMissingData: TreatMissingData.NOT_BREACHING });
    alarm('Api5xx', 'The public API answers with server errors', api.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }), 5);
    // [N14] a notice whose PDF failed every time the sweeper asked for it (set aside as RENDER_STUCK)
    alarm('NoticeRenderStuck', 'A notice could not be rendered as a PDF after every retry; it is set aside (pendPk RENDER_STUCK) for an operator', business('NoticeRenderStuck').with({ period: Duration.minutes(5) }));
    // [E18] a package that failed its four-property check: the check run names the case, property and item
    alarm('ArchiveCheckFailed', 'An archive package failed a four-property check (四性检测); GET /v1/archive/checks/{checkId} names the case, property and item', business('ArchivePackageFailed').with({ period: Duration.hours(1) }));
    machines.forEach((m, i) => alarm(`WorkflowFailed${i}`, 'A workflow execution failed; the sweeper re-drives the case, but look why', m.metricFailed({ period: Duration.minutes(5), statistic: 'Sum' })));
  }
}
