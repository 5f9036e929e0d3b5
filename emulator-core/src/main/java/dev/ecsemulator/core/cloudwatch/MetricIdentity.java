package dev.ecsemulator.core.cloudwatch;

import dev.ecsemulator.core.cloudwatch.model.Dimension;
import dev.ecsemulator.core.cloudwatch.model.Metric;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes a metric one metric in CloudWatch: its namespace, name and dimensions (their order does not matter; a
 * metric with one more dimension is another metric). {@link #id()} is its store key.
 */
public record MetricIdentity(String namespace, String metricName, List<Dimension> dimensions) {

  public MetricIdentity {
    dimensions = dimensions == null ? List.of()
        : dimensions.stream().sorted(Comparator.comparing(Dimension::name)).toList();
  }

  public static MetricIdentity of(Metric metric) {
    return new MetricIdentity(metric.namespace(), metric.metricName(), metric.dimensions());
  }

  /**
   * A stable key: a hash of the canonical form (names and values are any text, so they cannot be joined into a key
   * without escaping).
   */
  public String id() {
    StringBuilder canonical = new StringBuilder().append(namespace).append('\0').append(metricName);
    for (Dimension d : dimensions) {
      canonical.append('\0').append(d.name()).append('\0').append(d.value());
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  public Metric toMetric() {
    return new Metric(dimensions, metricName, namespace);
  }
}
