package dev.ecsemulator.core.cloudwatch;

import static dev.ecsemulator.core.cloudwatch.CloudWatchKinds.ALARM;
import static dev.ecsemulator.core.cloudwatch.CloudWatchKinds.HISTORY;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.cloudwatch.error.InvalidNextToken;
import dev.ecsemulator.core.cloudwatch.error.InvalidParameterValueException;
import dev.ecsemulator.core.cloudwatch.model.AlarmHistoryItem;
import dev.ecsemulator.core.cloudwatch.model.DescribeAlarmHistoryInput;
import dev.ecsemulator.core.cloudwatch.model.DescribeAlarmHistoryOutput;
import dev.ecsemulator.core.cloudwatch.model.DescribeAlarmsForMetricInput;
import dev.ecsemulator.core.cloudwatch.model.DescribeAlarmsForMetricOutput;
import dev.ecsemulator.core.cloudwatch.model.DescribeAlarmsInput;
import dev.ecsemulator.core.cloudwatch.model.DescribeAlarmsOutput;
import dev.ecsemulator.core.cloudwatch.model.MetricAlarm;
import dev.ecsemulator.core.state.StateStore;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** DescribeAlarms, DescribeAlarmsForMetric and DescribeAlarmHistory. Thread-safe. */
public final class AlarmQueries {

  private final StateStore store;

  AlarmQueries(StateStore store) {
    this.store = store;
  }

  /**
   * DescribeAlarms: metric alarms (composite alarms are not emulated: an empty list), by name, name prefix, state or
   * action prefix, in name order, at most MaxRecords (1 to 100, default 50) a page.
   */
  public DescribeAlarmsOutput describe(Scope scope, DescribeAlarmsInput input) {
    if (input.alarmNames() != null && input.alarmNamePrefix() != null) {
      throw new InvalidParameterValueException("AlarmNames and AlarmNamePrefix cannot be specified together."); // unverified
    }
    boolean metricAlarms = input.alarmTypes() == null || input.alarmTypes().isEmpty()
        || input.alarmTypes().contains("MetricAlarm");
    Predicate<MetricAlarm> filter = a -> metricAlarms
        && (input.alarmNames() == null || input.alarmNames().contains(a.alarmName()))
        && (input.alarmNamePrefix() == null || a.alarmName().startsWith(input.alarmNamePrefix()))
        && (input.stateValue() == null || input.stateValue().equals(a.stateValue()))
        && (input.actionPrefix() == null || actions(a).stream().anyMatch(arn -> arn.startsWith(input.actionPrefix())));
    List<MetricAlarm> alarms = store.read(scope, view -> view.list(ALARM, filter));
    int max = input.maxRecords() == null ? 50 : input.maxRecords();
    Paging.Page<MetricAlarm> page = Paging.after(alarms, MetricAlarm::alarmName, max, input.nextToken(),
        AlarmQueries::invalidToken);
    return DescribeAlarmsOutput.builder().metricAlarms(page.items()).compositeAlarms(List.of())
        .nextToken(page.nextToken()).build();
  }

  /** DescribeAlarmsForMetric: the alarms on that metric (and statistic, period, unit when given). */
  public DescribeAlarmsForMetricOutput forMetric(Scope scope, DescribeAlarmsForMetricInput input) {
    MetricIdentity metric = new MetricIdentity(input.namespace(), input.metricName(), input.dimensions());
    List<MetricAlarm> alarms = store.read(scope, view -> view.list(ALARM, a -> a.metricName() != null
        && metric.equals(new MetricIdentity(a.namespace(), a.metricName(), a.dimensions()))
        && (input.statistic() == null || input.statistic().equals(a.statistic()))
        && (input.period() == null || input.period().equals(a.period()))
        && (input.unit() == null || input.unit().equals(a.unit()))));
    return DescribeAlarmsForMetricOutput.builder().metricAlarms(alarms).build();
  }

  /** DescribeAlarmHistory: newest first unless ScanBy is TimestampAscending, at most MaxRecords (default 100). */
  public DescribeAlarmHistoryOutput history(Scope scope, DescribeAlarmHistoryInput input) {
    boolean metricAlarms = input.alarmTypes() == null || input.alarmTypes().isEmpty()
        || input.alarmTypes().contains("MetricAlarm");
    Predicate<AlarmHistoryItem> filter = item -> metricAlarms
        && (input.alarmName() == null || input.alarmName().equals(item.alarmName()))
        && (input.historyItemType() == null || input.historyItemType().equals(item.historyItemType()))
        && (input.startDate() == null || !item.timestamp().isBefore(input.startDate()))
        && (input.endDate() == null || !item.timestamp().isAfter(input.endDate()));
    boolean ascending = "TimestampAscending".equals(input.scanBy());
    Comparator<AlarmHistoryItem> order = Comparator.comparing(AlarmHistoryItem::timestamp);
    List<AlarmHistoryItem> items = store.read(scope, view -> input.alarmName() != null
        ? view.listByKeyPrefix(HISTORY, AlarmHistory.prefix(input.alarmName())) : view.list(HISTORY))
        .stream().filter(filter).sorted(ascending ? order : order.reversed()).toList();
    int max = input.maxRecords() == null ? 100 : input.maxRecords();
    // Pages by position in this order: history only grows at its newest end.
    Paging.Page<Integer> page = Paging.after(java.util.stream.IntStream.range(0, items.size()).boxed().toList(),
        i -> String.format("%09d", i), max, input.nextToken(), AlarmQueries::invalidToken);
    return DescribeAlarmHistoryOutput.builder().alarmHistoryItems(page.items().stream().map(items::get).toList())
        .nextToken(page.nextToken()).build();
  }

  private static List<String> actions(MetricAlarm alarm) {
    return java.util.stream.Stream.of(alarm.alarmActions(), alarm.okActions(), alarm.insufficientDataActions())
        .filter(Objects::nonNull).flatMap(List::stream).toList();
  }

  private static InvalidNextToken invalidToken() {
    return new InvalidNextToken("The service returned an invalid NextToken."); // wording unverified
  }
}
