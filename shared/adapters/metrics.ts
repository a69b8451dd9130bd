import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Metrics } from '../domain/ports.ts';
import { metrics as emf } from './observability.ts';

/** Business metrics as CloudWatch EMF lines (Powertools), read by the supervision dashboard [N20]. */
export const metrics: Metrics = {
  count(metric) {
    emf.addMetric(metric, MetricUnit.Count, 1);
    emf.publishStoredMetrics();
  },
  // [N21] evaluations feed the supervision metrics (count, and the scores' sum for the average)
  evaluation(score) {
    emf.addMetric('Evaluation', MetricUnit.Count, 1);
    emf.addMetric('EvaluationScore', MetricUnit.Count, score);
    emf.publishStoredMetrics();
  },
  // [N20] alerts raised, by level and category (two and four values: a handful of metrics, never one per case or department)
  alert(level, category) {
    emf.addDimensions({ level, category });
    emf.addMetric('AlertRaised', MetricUnit.Count, 1);
    emf.publishStoredMetrics();
  },
  // notices whose PDF could not be rendered however often it was asked for: the supervision stack alarms on it
  stuckNotices(n) {
    emf.addMetric('NoticeRenderStuck', MetricUnit.Count, n);
    emf.publishStoredMetrics();
  },
};
