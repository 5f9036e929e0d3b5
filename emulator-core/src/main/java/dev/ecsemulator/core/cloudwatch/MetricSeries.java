package dev.ecsemulator.core.cloudwatch;

import static dev.ecsemulator.core.cloudwatch.CloudWatchKinds.DATAPOINTS;

import dev.ecsemulator.core.state.StateView;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Reads one metric's stored buckets aggregated into periods: the common ground of GetMetricStatistics, GetMetricData
 * and alarm evaluation. Periods start at {@code from} and every {@code period} seconds after it.
 */
final class MetricSeries {

  private static final int[] RESOLUTIONS = {1, 60};

  private MetricSeries() {}

  /**
   * Period start (epoch seconds) to unit to aggregate, for data in [{@code from}, {@code to}).
   *
   * @param unit only data put with this unit; null: all
   */
  static NavigableMap<Long, Map<String, Aggregate>> byUnit(StateView view, MetricIdentity metric, String unit,
      long from, long to, int period) {
    NavigableMap<Long, Map<String, Aggregate>> periods = new TreeMap<>();
    String id = metric.id();
    for (int resolution : RESOLUTIONS) {
      for (DatapointChunk chunk : view.listByKeyPrefix(DATAPOINTS, DatapointChunk.prefix(id, resolution))) {
        if (chunk.end() <= from || chunk.window() >= to) {
          continue;
        }
        for (Bucket bucket : chunk.buckets()) {
          if (bucket.start() < from || bucket.start() >= to || (unit != null && !unit.equals(bucket.unit()))) {
            continue;
          }
          long slot = from + Math.floorDiv(bucket.start() - from, period) * (long) period;
          periods.computeIfAbsent(slot, s -> new TreeMap<>()).merge(bucket.unit(), bucket.data(), Aggregate::plus);
        }
      }
    }
    return periods;
  }

  /** As {@link #byUnit}, units merged: period start to the value of {@code statistic}. */
  static NavigableMap<Long, Double> values(StateView view, MetricIdentity metric, String unit, long from, long to,
      int period, Statistic statistic) {
    NavigableMap<Long, Double> values = new TreeMap<>();
    byUnit(view, metric, unit, from, to, period).forEach((slot, units) -> values.put(slot,
        units.values().stream().reduce(Aggregate::plus).orElseThrow().value(statistic)));
    return values;
  }
}
