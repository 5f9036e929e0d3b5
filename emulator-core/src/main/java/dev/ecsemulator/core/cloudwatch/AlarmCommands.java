package dev.ecsemulator.core.cloudwatch;

import static dev.ecsemulator.core.cloudwatch.CloudWatchKinds.ALARM;
import static dev.ecsemulator.core.cloudwatch.CloudWatchKinds.HISTORY;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.cloudwatch.error.InvalidFormatFault;
import dev.ecsemulator.core.cloudwatch.error.InvalidParameterCombinationException;
import dev.ecsemulator.core.cloudwatch.error.InvalidParameterValueException;
import dev.ecsemulator.core.cloudwatch.error.LimitExceededFault;
import dev.ecsemulator.core.cloudwatch.error.ResourceNotFound;
import dev.ecsemulator.core.cloudwatch.error.ValidationError;
import dev.ecsemulator.core.cloudwatch.model.MetricAlarm;
import dev.ecsemulator.core.cloudwatch.model.MetricDataQuery;
import dev.ecsemulator.core.cloudwatch.model.PutMetricAlarmInput;
import dev.ecsemulator.core.cloudwatch.model.SetAlarmStateInput;
import dev.ecsemulator.core.state.StateStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PutMetricAlarm, DeleteAlarms, SetAlarmState, EnableAlarmActions and DisableAlarmActions. An alarm is stored as the
 * {@link MetricAlarm} DescribeAlarms shows, its state included. Thread-safe.
 */
public final class AlarmCommands {

  /** CloudWatch's quota of alarms per account and region. */
  static final int MAX_ALARMS = 5000;
  static final int MAX_NAMES = 100;

  private final StateStore store;
  private final Clock clock;
  private final AlarmActionRunner runner;

  AlarmCommands(StateStore store, Clock clock, AlarmActionRunner runner) {
    this.store = store;
    this.clock = clock;
    this.runner = runner;
  }

  /**
   * PutMetricAlarm: creates the alarm (INSUFFICIENT_DATA, "Unchecked: Initial alarm creation"), or replaces the
   * settings of an existing one, whose state is kept, as CloudWatch does.
   */
  public void put(Scope scope, PutMetricAlarmInput input) {
    check(input);
    save(scope, input);
  }

  /**
   * An alarm the emulator makes for another service (target tracking's), whose period may be the emulator's short
   * metrics period, which PutMetricAlarm would refuse.
   */
  public void putManaged(Scope scope, PutMetricAlarmInput input) {
    save(scope, input);
  }

  /** Deletes the alarms that exist of {@code names}, with their history (a managed alarm's owner going). */
  public void deleteManaged(Scope scope, List<String> names) {
    store.write(scope, txn -> {
      for (String name : names) {
        if (txn.remove(ALARM, name)) {
          removeHistory(txn, name);
        }
      }
      return null;
    });
  }

  private static void removeHistory(dev.ecsemulator.core.state.StateTxn txn, String name) {
    for (String key : txn.keys(HISTORY)) {
      if (key.startsWith(AlarmHistory.prefix(name))) {
        txn.remove(HISTORY, key);
      }
    }
  }

  private void save(Scope scope, PutMetricAlarmInput input) {
    Instant now = clock.instant();
    store.write(scope, txn -> {
      MetricAlarm old = txn.get(ALARM, input.alarmName()).orElse(null);
      if (old == null && txn.keys(ALARM).size() >= MAX_ALARMS) {
        throw new LimitExceededFault("The maximum number of alarms (" + MAX_ALARMS + ") has been reached."); // unverified
      }
      MetricAlarm alarm = MetricAlarm.builder()
          .alarmName(input.alarmName())
          .alarmArn("arn:aws:cloudwatch:" + scope.region() + ":" + scope.accountId() + ":alarm:" + input.alarmName())
          .alarmDescription(input.alarmDescription())
          .actionsEnabled(input.actionsEnabled() == null || input.actionsEnabled())
          .okActions(orEmpty(input.okActions()))
          .alarmActions(orEmpty(input.alarmActions()))
          .insufficientDataActions(orEmpty(input.insufficientDataActions()))
          .metricName(input.metricName())
          .namespace(input.namespace())
          .statistic(input.statistic())
          .extendedStatistic(input.extendedStatistic())
          .dimensions(input.metrics() == null ? orEmpty(input.dimensions()) : input.dimensions())
          .period(input.period())
          .unit(input.unit())
          .evaluationPeriods(input.evaluationPeriods())
          .datapointsToAlarm(input.datapointsToAlarm())
          .threshold(input.threshold())
          .comparisonOperator(input.comparisonOperator())
          .treatMissingData(input.treatMissingData())
          .metrics(input.metrics())
          .thresholdMetricId(input.thresholdMetricId())
          .alarmConfigurationUpdatedTimestamp(now)
          .stateValue(old == null ? AlarmEvaluation.INSUFFICIENT_DATA : old.stateValue())
          .stateReason(old == null ? AlarmReasons.CREATED : old.stateReason())
          .stateReasonData(old == null ? null : old.stateReasonData())
          .stateUpdatedTimestamp(old == null ? now : old.stateUpdatedTimestamp())
          .stateTransitionedTimestamp(old == null ? now : old.stateTransitionedTimestamp())
          .build();
      txn.put(ALARM, input.alarmName(), alarm);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("version", "1.0");
      data.put("type", old == null ? "Create" : "Update");
      data.put(old == null ? "createdAlarm" : "updatedAlarm", alarm);
      AlarmHistory.add(txn, input.alarmName(), now, "ConfigurationUpdate",
          "Alarm \"" + input.alarmName() + "\" " + (old == null ? "created" : "updated"), historyOf(data));
      return null;
    });
  }

  /** DeleteAlarms: all or none; an unknown name is ResourceNotFound. Their history goes with them. */
  public void delete(Scope scope, List<String> names) {
    if (names.size() > MAX_NAMES) {
      throw new InvalidParameterValueException("The collection AlarmNames must not have a size greater than "
          + MAX_NAMES + ".");
    }
    store.write(scope, txn -> {
      List<String> missing = names.stream().filter(n -> txn.get(ALARM, n).isEmpty()).toList();
      if (!missing.isEmpty()) {
        throw new ResourceNotFound(missing.size() + " out of " + names.size() + " alarms were not found: "
            + String.join(", ", missing)); // wording unverified
      }
      for (String name : names) {
        txn.remove(ALARM, name);
        removeHistory(txn, name);
      }
      return null;
    });
  }

  /**
   * SetAlarmState: the state until the next evaluation, with its history entry and, on a change, its actions.
   *
   * @throws ResourceNotFound for an unknown alarm
   * @throws InvalidFormatFault when StateReasonData is not JSON
   */
  public void setState(Scope scope, SetAlarmStateInput input) {
    if (input.stateReasonData() != null) {
      try {
        new ObjectMapper().readTree(input.stateReasonData());
      } catch (IOException e) {
        throw new InvalidFormatFault("Invalid JSON provided in stateReasonData."); // wording unverified
      }
    }
    Instant now = clock.instant();
    StateChange change = store.write(scope, txn -> {
      MetricAlarm alarm = txn.get(ALARM, input.alarmName()).orElseThrow(() ->
          new ResourceNotFound("Alarm " + input.alarmName() + " not found")); // wording unverified
      return StateChange.apply(txn, alarm, input.stateValue(), input.stateReason(), input.stateReasonData(), now);
    });
    if (change.transition()) {
      runner.run(scope, change.alarm(), change.trigger(null, now));
    }
  }

  /** EnableAlarmActions / DisableAlarmActions; unknown names are ignored, as CloudWatch does. */
  public void setActionsEnabled(Scope scope, List<String> names, boolean enabled) {
    store.write(scope, txn -> {
      for (String name : names) {
        txn.get(ALARM, name).ifPresent(a -> txn.put(ALARM, name, a.toBuilder().actionsEnabled(enabled).build()));
      }
      return null;
    });
  }

  private static Object historyOf(Map<String, Object> data) {
    return AlarmReasons.json(data);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** What PutMetricAlarm checks beyond the model (wording unverified unless noted). */
  static void check(PutMetricAlarmInput input) {
    boolean single = input.metricName() != null || input.namespace() != null;
    List<MetricDataQuery> metrics = input.metrics();
    if (single == (metrics != null && !metrics.isEmpty())) {
      throw new ValidationError("Exactly one of MetricName and Metrics must be specified.");
    }
    if (Comparison.of(input.comparisonOperator()).isEmpty()) {
      throw new ValidationError("ComparisonOperator " + input.comparisonOperator() + " needs an anomaly detection "
          + "band (ThresholdMetricId), which ecs-emulator does not evaluate.");
    }
    if (input.threshold() == null) {
      throw new ValidationError("Threshold must be specified for the comparison operator "
          + input.comparisonOperator() + ".");
    }
    if (single) {
      if (input.metricName() == null || input.namespace() == null) {
        throw new ValidationError("MetricName and Namespace must be specified together.");
      }
      if ((input.statistic() == null) == (input.extendedStatistic() == null)) {
        throw new InvalidParameterCombinationException("Exactly one of Statistic and ExtendedStatistic must be specified.");
      }
      if (input.extendedStatistic() != null) {
        throw new InvalidParameterValueException("The parameter ExtendedStatistic is not supported by ecs-emulator: "
            + "it keeps the basic statistics, not percentiles.");
      }
      checkPeriod(input.period());
    } else {
      long returning = metrics.stream().filter(q -> q.returnData() == null || q.returnData()).count();
      if (returning != 1) {
        throw new ValidationError("Exactly one element of the metrics list should return data.");
      }
      for (int i = 0; i < metrics.size(); i++) {
        if (metrics.get(i).metricStat() != null) {
          checkPeriod(metrics.get(i).metricStat().period());
          MetricQueryRun.statistic(metrics.get(i).metricStat(), "Metrics.member." + (i + 1));
        }
      }
    }
    int periods = input.evaluationPeriods();
    if (input.datapointsToAlarm() != null && (input.datapointsToAlarm() < 1 || input.datapointsToAlarm() > periods)) {
      throw new ValidationError("DatapointsToAlarm must be between 1 and EvaluationPeriods.");
    }
    if (input.treatMissingData() != null
        && !List.of("breaching", "notBreaching", "ignore", "missing").contains(input.treatMissingData())) {
      throw new ValidationError("The value " + input.treatMissingData() + " for parameter TreatMissingData is not "
          + "valid: it must be one of breaching, notBreaching, ignore, missing.");
    }
    int period = single ? input.period() : metrics.stream().filter(q -> q.metricStat() != null)
        .mapToInt(q -> q.metricStat().period()).max().orElse(60);
    if ((long) period * periods > 86_400 * 7L) {
      throw new ValidationError("The evaluation period of an alarm (Period multiplied by EvaluationPeriods) must not "
          + "exceed 7 days.");
    }
  }

  private static void checkPeriod(Integer period) {
    if (period == null || period <= 0 || (period != 10 && period != 30 && period % 60 != 0)) {
      throw new ValidationError("Period must be 10, 30 or a multiple of 60.");
    }
  }
}
