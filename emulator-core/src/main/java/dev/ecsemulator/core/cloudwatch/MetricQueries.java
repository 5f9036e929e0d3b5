package dev.ecsemulator.core.cloudwatch;

import static dev.ecsemulator.core.cloudwatch.CloudWatchKinds.METRIC;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.cloudwatch.error.InvalidNextToken;
import dev.ecsemulator.core.cloudwatch.error.InvalidParameterCombinationException;
import dev.ecsemulator.core.cloudwatch.error.InvalidParameterValueException;
import dev.ecsemulator.core.cloudwatch.model.Datapoint;
import dev.ecsemulator.core.cloudwatch.model.Dimension;
import dev.ecsemulator.core.cloudwatch.model.DimensionFilter;
import dev.ecsemulator.core.cloudwatch.model.GetMetricDataInput;
import dev.ecsemulator.core.cloudwatch.model.GetMetricDataOutput;
import dev.ecsemulator.core.cloudwatch.model.GetMetricStatisticsInput;
import dev.ecsemulator.core.cloudwatch.model.GetMetricStatisticsOutput;
import dev.ecsemulator.core.cloudwatch.model.ListMetricsInput;
import dev.ecsemulator.core.cloudwatch.model.ListMetricsOutput;
import dev.ecsemulator.core.cloudwatch.model.MetricDataQuery;
import dev.ecsemulator.core.cloudwatch.model.MetricDataResult;
import dev.ecsemulator.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** GetMetricStatistics, GetMetricData and ListMetrics over the stored metrics. Thread-safe. */
public final class MetricQueries {

  /** Most datapoints GetMetricStatistics returns. */
  static final int MAX_DATAPOINTS = 1440;
  static final int MAX_QUERIES = 500;
  static final int LIST_PAGE = 500;

  private final StateStore store;
  private final Clock clock;

  public MetricQueries(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** GetMetricStatistics: the basic statistics asked for, one datapoint per period and unit that has data. */
  public GetMetricStatisticsOutput statistics(Scope scope, GetMetricStatisticsInput input) {
    int period = checkPeriod(input.period(), "Period");
    long from = MetricQueryRun.align(input.startTime().getEpochSecond(), period);
    long to = input.endTime().getEpochSecond();
    checkRange(input.startTime(), input.endTime());
    List<String> names = input.statistics() == null ? List.of() : input.statistics();
    if (names.isEmpty()) {
      // Wording unverified.
      throw new InvalidParameterCombinationException(
          "At least one of the parameters Statistics and ExtendedStatistics must be specified.");
    }
    if (input.extendedStatistics() != null && !input.extendedStatistics().isEmpty()) {
      throw new InvalidParameterValueException("The parameter ExtendedStatistics is not supported by ecs-emulator: "
          + "it keeps the basic statistics (SampleCount, Average, Sum, Minimum, Maximum), not percentiles.");
    }
    long requested = (to - from + period - 1) / period;
    if (requested > MAX_DATAPOINTS) {
      throw new InvalidParameterCombinationException(String.format("You have requested up to %,d datapoints, which "
          + "exceeds the limit of 1,440. You may reduce the datapoints requested by increasing Period, or decreasing "
          + "the time range.", requested));
    }
    MetricIdentity metric = new MetricIdentity(input.namespace(), input.metricName(), input.dimensions());
    NavigableMap<Long, Map<String, Aggregate>> periods =
        store.read(scope, view -> MetricSeries.byUnit(view, metric, input.unit(), from, to, period));
    List<Datapoint> datapoints = new ArrayList<>();
    periods.forEach((start, units) -> units.forEach((unit, data) -> {
      Datapoint.Builder point = Datapoint.builder().timestamp(Instant.ofEpochSecond(start)).unit(unit);
      for (String name : names) {
        Statistic statistic = Statistic.of(name).orElseThrow();
        double value = data.value(statistic);
        switch (statistic) {
          case SAMPLE_COUNT -> point.sampleCount(value);
          case AVERAGE -> point.average(value);
          case SUM -> point.sum(value);
          case MINIMUM -> point.minimum(value);
          case MAXIMUM -> point.maximum(value);
        }
      }
      datapoints.add(point.build());
    }));
    return new GetMetricStatisticsOutput(datapoints, input.metricName());
  }

  /** GetMetricData: each query's values, newest first unless {@code ScanBy} is TimestampAscending. */
  public GetMetricDataOutput data(Scope scope, GetMetricDataInput input) {
    checkRange(input.startTime(), input.endTime());
    List<MetricDataQuery> queries = input.metricDataQueries();
    if (queries.size() > MAX_QUERIES) {
      throw new InvalidParameterValueException("The collection MetricDataQueries must not have a size greater than "
          + MAX_QUERIES + ".");
    }
    for (int i = 0; i < queries.size(); i++) {
      if (queries.get(i).metricStat() != null) {
        checkPeriod(queries.get(i).metricStat().period(), "MetricDataQueries.member." + (i + 1) + ".MetricStat.Period");
      }
    }
    boolean ascending = "TimestampAscending".equals(input.scanBy());
    long from = input.startTime().getEpochSecond();
    long to = input.endTime().getEpochSecond();
    List<MetricDataResult> results = store.read(scope, view -> {
      MetricQueryRun run = new MetricQueryRun(view, queries, from, to);
      List<MetricDataResult> out = new ArrayList<>();
      for (MetricDataQuery query : run.queries()) {
        if (Boolean.FALSE.equals(query.returnData())) {
          continue;
        }
        NavigableMap<Long, Double> points = run.series(query.id()).points();
        NavigableMap<Long, Double> ordered = ascending ? points : points.descendingMap();
        out.add(MetricDataResult.builder().id(query.id()).label(run.label(query.id()))
            .timestamps(ordered.keySet().stream().map(Instant::ofEpochSecond).toList())
            .values(new ArrayList<>(ordered.values())).statusCode("Complete").messages(List.of()).build());
      }
      return out;
    });
    return GetMetricDataOutput.builder().metricDataResults(results).messages(List.of()).build();
  }

  /** ListMetrics: metrics with data in the last two weeks (or three hours), filtered. */
  public ListMetricsOutput list(Scope scope, ListMetricsInput input) {
    if (input.recentlyActive() != null && !input.recentlyActive().equals("PT3H")) {
      throw new InvalidParameterValueException("The value " + input.recentlyActive()
          + " for parameter RecentlyActive is not valid.");
    }
    Instant since = input.recentlyActive() != null ? clock.instant().minus(Duration.ofHours(3)) : Instant.MIN;
    List<StoredMetric> matching = store.read(scope, view -> view.list(METRIC)).stream()
        .filter(m -> input.namespace() == null || input.namespace().equals(m.namespace()))
        .filter(m -> input.metricName() == null || input.metricName().equals(m.metricName()))
        .filter(m -> input.dimensions() == null || input.dimensions().stream().allMatch(f -> matches(f, m)))
        .filter(m -> !m.lastPut().isBefore(since))
        .sorted(Comparator.comparing((StoredMetric m) -> m.identity().id()))
        .toList();
    Paging.Page<StoredMetric> page = Paging.after(matching, m -> m.identity().id(), LIST_PAGE, input.nextToken(),
        () -> new InvalidNextToken("The service returned an invalid NextToken.")); // wording unverified
    return ListMetricsOutput.builder().metrics(page.items().stream().map(m -> m.identity().toMetric()).toList())
        .nextToken(page.nextToken()).build();
  }

  private static boolean matches(DimensionFilter filter, StoredMetric metric) {
    for (Dimension d : metric.dimensions()) {
      if (d.name().equals(filter.name()) && (filter.value() == null || filter.value().equals(d.value()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A period of GetMetricStatistics or a MetricStat: 1, 5, 10, 20 or 30 seconds (high resolution), or a multiple of
   * 60.
   */
  static int checkPeriod(Integer period, String name) {
    int p = period == null ? 0 : period;
    if (p <= 0 || (p % 60 != 0 && p != 1 && p != 5 && p != 10 && p != 20 && p != 30)) {
      // Wording unverified.
      throw new InvalidParameterValueException("The parameter " + name
          + " must be 1, 5, 10, 20, 30, or a multiple of 60.");
    }
    return p;
  }

  private static void checkRange(Instant start, Instant end) {
    if (!start.isBefore(end)) {
      throw new InvalidParameterValueException("The parameter StartTime must be less than the parameter EndTime.");
    }
  }
}
