package dev.ecsemulator.core.cloudwatch;

import java.util.List;

/**
 * The buckets of one metric in one window of {@value #BUCKETS} storage intervals (kind {@code cloudwatch-datapoints},
 * key {@link #key}): a put rewrites only the window it falls in, never the whole series, so the durable store's
 * journal grows by at most {@value #BUCKETS} buckets per put. Buckets are in start order.
 *
 * @param metric the metric's {@link MetricIdentity#id()}
 * @param resolution the storage interval in seconds: 1 (high resolution) or 60
 * @param window the window's start, epoch seconds (a multiple of {@value #BUCKETS} × resolution)
 */
public record DatapointChunk(String metric, int resolution, long window, List<Bucket> buckets) {

  /** Intervals per window. */
  public static final int BUCKETS = 60;

  public DatapointChunk {
    buckets = List.copyOf(buckets);
  }

  /** The window's length in seconds. */
  public long span() {
    return (long) BUCKETS * resolution;
  }

  public long end() {
    return window + span();
  }

  /** The key of the window holding {@code epochSecond}: metric, resolution, zero-padded start (sorted by time). */
  public static String key(String metric, int resolution, long window) {
    return metric + "/" + resolution + "/" + String.format("%012d", window);
  }

  /** The key prefix of every window of a metric at one resolution. */
  public static String prefix(String metric, int resolution) {
    return metric + "/" + resolution + "/";
  }

  public static long windowOf(long epochSecond, int resolution) {
    long span = (long) BUCKETS * resolution;
    return Math.floorDiv(epochSecond, span) * span;
  }
}
