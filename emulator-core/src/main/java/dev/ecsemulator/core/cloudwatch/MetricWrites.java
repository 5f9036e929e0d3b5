package dev.ecsemulator.core.cloudwatch;

import static dev.ecsemulator.core.cloudwatch.CloudWatchKinds.DATAPOINTS;
import static dev.ecsemulator.core.cloudwatch.CloudWatchKinds.METRIC;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.cloudwatch.error.InvalidParameterCombinationException;
import dev.ecsemulator.core.cloudwatch.error.InvalidParameterValueException;
import dev.ecsemulator.core.cloudwatch.error.MissingRequiredParameterException;
import dev.ecsemulator.core.cloudwatch.model.MetricDatum;
import dev.ecsemulator.core.cloudwatch.model.PutMetricDataInput;
import dev.ecsemulator.core.cloudwatch.model.StatisticSet;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PutMetricData: checks a batch as CloudWatch does, then adds it to the metrics' buckets in one transaction. Also the
 * emulator's own publication ({@link #publish}), which may use the {@code AWS/} namespaces. Thread-safe.
 */
public final class MetricWrites {

  /** Most metrics in one PutMetricData. */
  static final int MAX_DATA = 1000;
  /** Most values (with counts) in one datum. */
  static final int MAX_VALUES = 150;
  /** CloudWatch refuses values beyond ±2^360. */
  static final double LIMIT = Math.pow(2, 360);
  static final Duration MAX_AGE = Duration.ofDays(14);
  static final Duration MAX_AHEAD = Duration.ofHours(2);

  private final StateStore store;
  private final Clock clock;

  public MetricWrites(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * PutMetricData.
   *
   * @throws InvalidParameterValueException for a reserved namespace or a value, timestamp or resolution CloudWatch
   *     refuses
   */
  public void put(Scope scope, PutMetricDataInput input) {
    if (input.namespace().startsWith("AWS/")) {
      // Wording unverified: CloudWatch reserves the AWS/ namespaces for AWS's own metrics.
      throw new InvalidParameterValueException("The value " + input.namespace() + " for parameter Namespace is not valid.");
    }
    List<MetricDatum> data = input.metricData() == null ? List.of() : input.metricData();
    if (data.size() > MAX_DATA) {
      throw new InvalidParameterValueException("The collection MetricData must not have a size greater than "
          + MAX_DATA + ".");
    }
    Instant now = clock.instant();
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      samples.addAll(samples(data.get(i), "MetricData.member." + (i + 1), now));
    }
    write(scope, input.namespace(), samples, now);
  }

  /** The emulator's own data (AWS/ECS), unchecked: {@code samples} come from the emulator. */
  public void publish(Scope scope, String namespace, List<Sample> samples) {
    write(scope, namespace, samples, clock.instant());
  }

  /** One value (or statistic set) of one metric at one time, ready to store. */
  public record Sample(MetricIdentity metric, Instant timestamp, String unit, int resolution, Aggregate data) {

    public Sample {
      unit = unit == null ? "None" : unit;
    }
  }

  private static List<Sample> samples(MetricDatum datum, String at, Instant now) {
    MetricIdentity metric = new MetricIdentity(null, datum.metricName(), datum.dimensions());
    Instant timestamp = datum.timestamp() == null ? now : datum.timestamp();
    if (timestamp.isBefore(now.minus(MAX_AGE)) || timestamp.isAfter(now.plus(MAX_AHEAD))) {
      // Wording unverified.
      throw new InvalidParameterValueException("The parameter " + at + ".Timestamp must specify a time within the "
          + "past two weeks and no more than two hours in the future.");
    }
    int resolution = datum.storageResolution() == null ? 60 : datum.storageResolution();
    if (resolution != 1 && resolution != 60) {
      throw new InvalidParameterValueException("The value " + resolution + " for parameter " + at
          + ".StorageResolution is not valid.");
    }
    int given = (datum.value() != null ? 1 : 0) + (datum.values() != null ? 1 : 0)
        + (datum.statisticValues() != null ? 1 : 0);
    if (given > 1) {
      String first = datum.value() != null ? "Value" : "Values";
      String second = datum.statisticValues() != null ? "StatisticValues" : "Values";
      throw new InvalidParameterCombinationException("The parameters " + at + "." + first + " and " + at + "."
          + second + " are mutually exclusive and you have specified both.");
    }
    if (given == 0) {
      // Wording unverified.
      throw new MissingRequiredParameterException("The parameter " + at + ".Value, " + at + ".Values or " + at
          + ".StatisticValues is required.");
    }
    List<Sample> samples = new ArrayList<>();
    if (datum.value() != null) {
      samples.add(new Sample(metric, timestamp, datum.unit(), resolution, Aggregate.of(value(datum.value(),
          at + ".Value"), 1)));
    } else if (datum.statisticValues() != null) {
      samples.add(new Sample(metric, timestamp, datum.unit(), resolution, statisticSet(datum.statisticValues(), at)));
    } else {
      samples.addAll(valuesAndCounts(datum, metric, timestamp, resolution, at));
    }
    return samples;
  }

  private static List<Sample> valuesAndCounts(MetricDatum datum, MetricIdentity metric, Instant timestamp,
      int resolution, String at) {
    List<Double> values = datum.values();
    List<Double> counts = datum.counts();
    if (values.size() > MAX_VALUES) {
      throw new InvalidParameterValueException("The collection " + at + ".Values must not have a size greater than "
          + MAX_VALUES + ".");
    }
    if (counts != null && counts.size() != values.size()) {
      // Wording unverified.
      throw new InvalidParameterValueException("The parameters " + at + ".Values and " + at
          + ".Counts must be of the same size.");
    }
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      double count = counts == null ? 1 : value(counts.get(i), at + ".Counts.member." + (i + 1));
      samples.add(new Sample(metric, timestamp, datum.unit(), resolution,
          Aggregate.of(value(values.get(i), at + ".Values.member." + (i + 1)), count)));
    }
    return samples;
  }

  private static Aggregate statisticSet(StatisticSet set, String at) {
    double count = value(set.sampleCount(), at + ".StatisticValues.SampleCount");
    double sum = value(set.sum(), at + ".StatisticValues.Sum");
    double min = value(set.minimum(), at + ".StatisticValues.Minimum");
    double max = value(set.maximum(), at + ".StatisticValues.Maximum");
    if (count <= 0 || min > max) {
      // Wording unverified.
      throw new InvalidParameterValueException("The parameter " + at + ".StatisticValues is not a valid statistic "
          + "set: SampleCount must be positive and Minimum at most Maximum.");
    }
    return new Aggregate(count, sum, min, max);
  }

  private static double value(Double value, String at) {
    if (value == null || value.isNaN() || value.isInfinite() || Math.abs(value) > LIMIT) {
      throw new InvalidParameterValueException("The value " + value + " for parameter " + at + " is not valid.");
    }
    return value;
  }

  private void write(Scope scope, String namespace, List<Sample> samples, Instant now) {
    if (samples.isEmpty()) {
      return;
    }
    store.write(scope, txn -> {
      Map<String, DatapointChunk> chunks = new HashMap<>();
      Map<String, StoredMetric> metrics = new HashMap<>();
      for (Sample sample : samples) {
        MetricIdentity metric = new MetricIdentity(namespace, sample.metric().metricName(),
            sample.metric().dimensions());
        String id = metric.id();
        metrics.put(id, new StoredMetric(namespace, metric.metricName(), metric.dimensions(), now));
        long second = sample.timestamp().getEpochSecond();
        int resolution = sample.resolution();
        long window = DatapointChunk.windowOf(second, resolution);
        String key = DatapointChunk.key(id, resolution, window);
        DatapointChunk chunk = chunks.computeIfAbsent(key, k -> txn.get(DATAPOINTS, k)
            .orElse(new DatapointChunk(id, resolution, window, List.of())));
        chunks.put(key, add(chunk, Math.floorDiv(second, resolution) * resolution, sample));
      }
      chunks.forEach((key, chunk) -> txn.put(DATAPOINTS, key, chunk));
      metrics.forEach((id, metric) -> txn.put(METRIC, id, metric));
      return null;
    });
  }

  private static DatapointChunk add(DatapointChunk chunk, long start, Sample sample) {
    TreeMap<String, Bucket> buckets = new TreeMap<>();
    for (Bucket b : chunk.buckets()) {
      buckets.put(bucketKey(b.start(), b.unit()), b);
    }
    buckets.merge(bucketKey(start, sample.unit()), new Bucket(start, sample.unit(), sample.data()),
        (old, added) -> old.plus(added.data()));
    return new DatapointChunk(chunk.metric(), chunk.resolution(), chunk.window(), new ArrayList<>(buckets.values()));
  }

  private static String bucketKey(long start, String unit) {
    return String.format("%012d", start) + unit;
  }

  /** Removes data past CloudWatch's retention, and metrics without data for two weeks. Returns chunks removed. */
  static int sweep(StateTxn txn, Instant now) {
    int removed = 0;
    long second = now.getEpochSecond();
    for (DatapointChunk chunk : txn.list(DATAPOINTS)) {
      Duration keep = chunk.resolution() < 60 ? Retention.HIGH_RESOLUTION : Retention.STANDARD;
      if (chunk.end() < second - keep.toSeconds()) {
        txn.remove(DATAPOINTS, DatapointChunk.key(chunk.metric(), chunk.resolution(), chunk.window()));
        removed++;
      }
    }
    for (StoredMetric metric : txn.list(METRIC)) {
      if (metric.lastPut().isBefore(now.minus(Retention.LISTED))) {
        txn.remove(METRIC, metric.identity().id());
      }
    }
    return removed;
  }

  /** How long CloudWatch keeps data: one-second data 3 hours, one-minute data 15 days (coarser rollups not kept). */
  static final class Retention {
    static final Duration HIGH_RESOLUTION = Duration.ofHours(3);
    static final Duration STANDARD = Duration.ofDays(15);
    /** ListMetrics shows a metric for two weeks after its last data. */
    static final Duration LISTED = Duration.ofDays(14);

    private Retention() {}
  }
}
