package dev.ecsemulator.core.cloudwatch;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.state.StateStore;
import java.time.Clock;
import java.time.Instant;

/**
 * CloudWatch metrics and alarms over the state store, per account and region. One per emulator; thread-safe.
 *
 * <pre>
 * PutMetricData / publish ──▶ MetricWrites ── buckets (1 s or 1 min) in windows of 60 (DatapointChunk)
 * GetMetricStatistics / GetMetricData / ListMetrics ──▶ MetricQueries ── MetricSeries (periods), MetricMath
 * PutMetricAlarm / DeleteAlarms / SetAlarmState ──▶ AlarmCommands;  Describe* ──▶ AlarmQueries
 * evaluate(now), every metric period ──▶ AlarmEvaluator ── AlarmEvaluation (pure) ── AlarmActionRunner ──▶ AlarmActions
 * sweep(now) ── data past retention, history past two weeks
 * </pre>
 */
public final class CloudWatch {

  private final StateStore store;
  private final MetricWrites writes;
  private final MetricQueries queries;
  private final AlarmCommands alarms;
  private final AlarmQueries alarmQueries;
  private final AlarmEvaluator evaluator;

  /** @param actions where alarm actions go (Application Auto Scaling) */
  public CloudWatch(StateStore store, Clock clock, AlarmActions actions) {
    this.store = store;
    AlarmActionRunner runner = new AlarmActionRunner(store, actions);
    this.writes = new MetricWrites(store, clock);
    this.queries = new MetricQueries(store, clock);
    this.alarms = new AlarmCommands(store, clock, runner);
    this.alarmQueries = new AlarmQueries(store);
    this.evaluator = new AlarmEvaluator(store, runner);
  }

  public MetricWrites metrics() {
    return writes;
  }

  public MetricQueries metricQueries() {
    return queries;
  }

  public AlarmCommands alarms() {
    return alarms;
  }

  public AlarmQueries alarmQueries() {
    return alarmQueries;
  }

  /** Evaluates every alarm at {@code now} (see {@link AlarmEvaluator}); returns how many changed state. */
  public int evaluateAlarms(Instant now) {
    return evaluator.evaluateAll(now);
  }

  /** Removes data past CloudWatch's retention and history past two weeks, one scope at a time. */
  public void sweep(Instant now) {
    for (Scope scope : store.scopes()) {
      store.write(scope, txn -> {
        MetricWrites.sweep(txn, now);
        AlarmHistory.sweep(txn, now);
        return null;
      });
    }
  }
}
