import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** Module singletons (one per Lambda instance), as Powertools recommends. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'zwfw' });
export const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Zwfw', serviceName: 'zwfw' });

/** Business metrics the supervision dashboard reads (N20 电子监察); emitted as CloudWatch EMF log lines. */
export type CaseMetric = 'CaseSubmitted' | 'CaseAccepted' | 'CaseCorrectionRequested' | 'CaseRejected' | 'CaseReturned' | 'CaseWithdrawn' | 'CaseCompleted' | 'CaseCompletedOnTime' | 'CaseCompletedOverdue' | 'CaseComplaint';

/** N21: evaluations feed the supervision metrics (count, and the scores' sum for the average). */
export function recordEvaluation(score: number): void {
  metrics.addMetric('Evaluation', MetricUnit.Count, 1);
  metrics.addMetric('EvaluationScore', MetricUnit.Count, score);
  metrics.publishStoredMetrics();
}

export function countCase(metric: CaseMetric): void {
  metrics.addMetric(metric, MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
}

/** Notices whose PDF could not be rendered however often it was asked for: the supervision stack alarms on it. */
export function countStuckNotices(n: number): void {
  metrics.addMetric('NoticeRenderStuck', MetricUnit.Count, n);
  metrics.publishStoredMetrics();
}
