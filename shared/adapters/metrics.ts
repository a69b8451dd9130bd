import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MetricDimensions } from '../domain/business-metrics.ts';
import type { Metrics } from '../domain/ports.ts';
import { metrics as emf } from './observability.ts';

/** Business metrics as CloudWatch EMF lines (Powertools), read by the supervision dashboard [N20]. */
/**
 * One EMF line platform-wide (the dashboards' and alarms' figures), then, for a case's metric, one more
 * with a dimension set per dimension: by city, by channel, by matter type, each on its own.
 */
function emit(add: () => void, dimensions?: MetricDimensions) {
  add();
  emf.publishStoredMetrics();
  if (!dimensions) return;
  const { city, channel, matterType } = dimensions;
  const sets: Record<string, string>[] = [{ city }, { channel }, ...(matterType ? [{ matterType }] : [])];
  for (const set of sets) emf.addDimensions(set);
  add();
  emf.publishStoredMetrics();
}

export const metrics: Metrics = {
  count(metric, dimensions) {
    emit(() => emf.addMetric(metric, MetricUnit.Count, 1), dimensions);
  },
  // [N21] evaluations feed the supervision metrics (count, and the scores' sum for the average)
  evaluation(score, dimensions) {
    emit(() => {
      emf.addMetric('Evaluation', MetricUnit.Count, 1);
      emf.addMetric('EvaluationScore', MetricUnit.Count, score);
    }, dimensions);
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
