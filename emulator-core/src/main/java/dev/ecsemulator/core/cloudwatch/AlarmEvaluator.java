package dev.ecsemulator.core.cloudwatch;

import static dev.ecsemulator.core.cloudwatch.CloudWatchKinds.ALARM;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.cloudwatch.AlarmEvaluation.Outcome;
import dev.ecsemulator.core.cloudwatch.AlarmEvaluation.Point;
import dev.ecsemulator.core.cloudwatch.AlarmEvaluation.Rule;
import dev.ecsemulator.core.cloudwatch.model.MetricAlarm;
import dev.ecsemulator.core.cloudwatch.model.MetricDataQuery;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every metric alarm of every scope at a given time (CloudWatch does so every minute; the emulator at each
 * of its metric periods, see {@code --metrics-period}): reads the datapoints of the alarm's evaluation range, decides
 * ({@link AlarmEvaluation}), saves a changed state with its reason and history, then runs the state's actions
 * ({@link AlarmActionRunner}). The range is made of whole periods aligned on multiples of the period since the epoch,
 * the newest ending at or before the evaluation time. Not thread-safe: one caller (the metrics loop).
 */
public final class AlarmEvaluator {

  private static final Logger log = LoggerFactory.getLogger(AlarmEvaluator.class);

  private final StateStore store;
  private final AlarmActionRunner runner;

  AlarmEvaluator(StateStore store, AlarmActionRunner runner) {
    this.store = store;
    this.runner = runner;
  }

  /** Evaluates every alarm at {@code now}; returns how many changed state. An alarm that fails is logged, skipped. */
  public int evaluateAll(Instant now) {
    int changed = 0;
    for (Scope scope : store.scopes()) {
      for (MetricAlarm alarm : store.read(scope, view -> view.list(ALARM))) {
        try {
          changed += evaluate(scope, alarm.alarmName(), now) ? 1 : 0;
        } catch (RuntimeException e) {
          log.warn("Alarm {} ({}): evaluation failed: {}", alarm.alarmName(), scope, e.toString());
        }
      }
    }
    return changed;
  }

  /** Evaluates one alarm; true when its state changed. */
  boolean evaluate(Scope scope, String name, Instant now) {
    Evaluated evaluated = store.read(scope, view -> view.get(ALARM, name).map(a -> evaluate(view, a, now)))
        .orElse(null);
    if (evaluated == null) {
      return false;
    }
    MetricAlarm alarm = evaluated.alarm();
    String state = evaluated.outcome().state().orElse(alarm.stateValue());
    String reason = evaluated.outcome().state().isPresent()
        ? AlarmReasons.reason(evaluated.rule(), evaluated.outcome(), state, alarm.stateValue()) : alarm.stateReason();
    String data = evaluated.outcome().state().isPresent() ? AlarmReasons.data(evaluated.rule(), evaluated.outcome(),
        alarm.statistic(), evaluated.period(), now, evaluated.rangeStart()) : alarm.stateReasonData();
    StateChange change = store.write(scope, txn -> {
      MetricAlarm current = txn.get(ALARM, name).orElse(null);
      if (current == null || !current.alarmConfigurationUpdatedTimestamp().equals(alarm.alarmConfigurationUpdatedTimestamp())) {
        return null; // deleted or changed meanwhile: the next evaluation sees it
      }
      return StateChange.apply(txn, current, state, reason, data, now);
    });
    if (change == null) {
      return false;
    }
    List<Point> points = evaluated.outcome().evaluated();
    runner.run(scope, change.alarm(), change.trigger(points.isEmpty() ? null : points.get(0).value(), now));
    return change.transition();
  }

  private record Evaluated(MetricAlarm alarm, Rule rule, Outcome outcome, int period, long rangeStart) {}

  private static Evaluated evaluate(StateView view, MetricAlarm alarm, Instant now) {
    int n = alarm.evaluationPeriods();
    Rule rule = new Rule(Comparison.of(alarm.comparisonOperator()).orElseThrow(), alarm.threshold(), n,
        alarm.datapointsToAlarm() == null ? n : alarm.datapointsToAlarm(), alarm.treatMissingData());
    int period = period(alarm);
    long end = Math.floorDiv(now.getEpochSecond(), period) * period;
    long start = end - (long) AlarmEvaluation.rangeOf(n) * period;
    List<Point> points = new ArrayList<>();
    if (alarm.metricName() != null) {
      MetricIdentity metric = new MetricIdentity(alarm.namespace(), alarm.metricName(), alarm.dimensions());
      Statistic statistic = Statistic.of(alarm.statistic()).orElseThrow();
      NavigableMap<Long, Map<String, Aggregate>> periods =
          MetricSeries.byUnit(view, metric, alarm.unit(), start, end, period);
      periods.descendingMap().forEach((slot, units) -> {
        Aggregate data = units.values().stream().reduce(Aggregate::plus).orElseThrow();
        points.add(new Point(slot, data.value(statistic), data.sampleCount()));
      });
    } else {
      MetricQueryRun run = new MetricQueryRun(view, alarm.metrics(), start, end);
      String returned = alarm.metrics().stream().filter(q -> q.returnData() == null || q.returnData())
          .map(MetricDataQuery::id).findFirst().orElseThrow();
      run.series(returned).points().descendingMap().forEach((slot, value) -> {
        if (slot >= start && slot < end) {
          points.add(new Point(slot, value, null));
        }
      });
    }
    return new Evaluated(alarm, rule, AlarmEvaluation.evaluate(rule, points), period, start);
  }

  private static int period(MetricAlarm alarm) {
    if (alarm.period() != null) {
      return alarm.period();
    }
    return Optional.ofNullable(alarm.metrics()).orElse(List.of()).stream()
        .filter(q -> q.metricStat() != null).mapToInt(q -> q.metricStat().period()).max().orElse(60);
  }
}
