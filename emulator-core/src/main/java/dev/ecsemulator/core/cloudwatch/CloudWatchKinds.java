package dev.ecsemulator.core.cloudwatch;

import dev.ecsemulator.core.cloudwatch.model.AlarmHistoryItem;
import dev.ecsemulator.core.cloudwatch.model.MetricAlarm;
import dev.ecsemulator.core.state.Kind;
import java.util.List;

/** The stored kinds of CloudWatch. Names are durable: prefix {@code cloudwatch-}, never renamed. */
public final class CloudWatchKinds {

  /** Metrics that have data, by {@link MetricIdentity#id()}. */
  public static final Kind<StoredMetric> METRIC = Kind.of("cloudwatch-metric", StoredMetric.class);
  /** Their data, by {@link DatapointChunk#key}. */
  public static final Kind<DatapointChunk> DATAPOINTS = Kind.of("cloudwatch-datapoints", DatapointChunk.class);
  /** Metric alarms, by name, as DescribeAlarms shows them (state included). */
  public static final Kind<MetricAlarm> ALARM = Kind.of("cloudwatch-alarm", MetricAlarm.class);
  /** Alarm history, by {@link AlarmHistory#key}. */
  public static final Kind<AlarmHistoryItem> HISTORY = Kind.of("cloudwatch-alarm-history", AlarmHistoryItem.class);

  private CloudWatchKinds() {}

  public static List<Kind<?>> all() {
    return List.of(METRIC, DATAPOINTS, ALARM, HISTORY);
  }
}
