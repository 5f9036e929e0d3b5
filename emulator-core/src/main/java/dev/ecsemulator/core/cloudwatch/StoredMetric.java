package dev.ecsemulator.core.cloudwatch;

import dev.ecsemulator.core.cloudwatch.model.Dimension;
import java.time.Instant;
import java.util.List;

/**
 * A metric that has received data (kind {@code cloudwatch-metric}, key {@link MetricIdentity#id()}), for ListMetrics.
 * Its datapoints are in {@link DatapointChunk}s.
 *
 * @param lastPut when data was last put (ListMetrics' RecentlyActive; metrics without data for two weeks go)
 */
public record StoredMetric(String namespace, String metricName, List<Dimension> dimensions, Instant lastPut) {

  public StoredMetric {
    dimensions = List.copyOf(dimensions);
  }

  public MetricIdentity identity() {
    return new MetricIdentity(namespace, metricName, dimensions);
  }
}
