package dev.ecsemulator.core.cloudwatch;

import dev.ecsemulator.core.cloudwatch.MetricMath.Labelled;
import dev.ecsemulator.core.cloudwatch.MetricMath.MathException;
import dev.ecsemulator.core.cloudwatch.MetricMath.Many;
import dev.ecsemulator.core.cloudwatch.MetricMath.Scalar;
import dev.ecsemulator.core.cloudwatch.MetricMath.Series;
import dev.ecsemulator.core.cloudwatch.MetricMath.Value;
import dev.ecsemulator.core.cloudwatch.error.InvalidParameterValueException;
import dev.ecsemulator.core.cloudwatch.model.MetricDataQuery;
import dev.ecsemulator.core.cloudwatch.model.MetricStat;
import dev.ecsemulator.core.state.StateView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Runs a set of metric data queries (GetMetricData's, or a metric-math alarm's) over one time range: each MetricStat
 * query reads its metric in periods; each expression is evaluated by {@link MetricMath} over the others, in any order
 * they reference each other. Checks the queries as CloudWatch does (IDs, exactly one of MetricStat and Expression,
 * basic statistics). Reads one {@link StateView}; not thread-safe (one per request).
 */
final class MetricQueryRun {

  /** CloudWatch's rule for query IDs: a lower-case letter, then letters, digits and underscores. */
  private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

  private final StateView view;
  private final Map<String, MetricDataQuery> queries = new LinkedHashMap<>();
  private final Map<String, Integer> positions = new HashMap<>();
  private final long from;
  private final long to;
  private final Map<String, Series> done = new HashMap<>();
  private final Set<String> running = new HashSet<>();

  MetricQueryRun(StateView view, List<MetricDataQuery> queries, long from, long to) {
    this.view = view;
    this.from = from;
    this.to = to;
    for (int i = 0; i < queries.size(); i++) {
      MetricDataQuery query = queries.get(i);
      String at = "MetricDataQueries.member." + (i + 1);
      if (!ID.matcher(query.id()).matches()) {
        // Wording unverified.
        throw new InvalidParameterValueException("The value " + query.id() + " for parameter " + at
            + ".Id is not valid: it must start with a lowercase letter and contain only letters, numbers and "
            + "underscores.");
      }
      if ((query.metricStat() == null) == (query.expression() == null)) {
        throw new InvalidParameterValueException("The parameter " + at
            + " must specify exactly one of MetricStat and Expression."); // wording unverified
      }
      if (query.metricStat() != null) {
        statistic(query.metricStat(), at);
      }
      if (this.queries.putIfAbsent(query.id(), query) != null) {
        throw new InvalidParameterValueException("The value " + query.id() + " for parameter " + at
            + ".Id is not unique."); // wording unverified
      }
      positions.put(query.id(), i + 1);
    }
  }

  static Statistic statistic(MetricStat stat, String at) {
    return Statistic.of(stat.stat()).orElseThrow(() -> new InvalidParameterValueException("The value "
        + stat.stat() + " for parameter " + at + ".MetricStat.Stat is not valid: ecs-emulator keeps the basic "
        + "statistics (SampleCount, Average, Sum, Minimum, Maximum), not percentiles."));
  }

  /** The series of the query {@code id}. */
  Series series(String id) {
    Series cached = done.get(id);
    if (cached != null) {
      return cached;
    }
    MetricDataQuery query = queries.get(id);
    Series series;
    if (query.metricStat() != null) {
      MetricStat stat = query.metricStat();
      int period = query.metricStat().period();
      series = new Series(MetricSeries.values(view, MetricIdentity.of(stat.metric()), stat.unit(),
          align(from, period), to, period, Statistic.of(stat.stat()).orElseThrow()));
    } else {
      series = expression(query);
    }
    done.put(id, series);
    return series;
  }

  /** The label CloudWatch gives a result: the query's, else the metric's name (MetricStat) or the ID (expression). */
  String label(String id) {
    MetricDataQuery query = queries.get(id);
    if (query.label() != null) {
      return query.label();
    }
    return query.metricStat() != null ? query.metricStat().metric().metricName() : id;
  }

  List<MetricDataQuery> queries() {
    return List.copyOf(queries.values());
  }

  private Series expression(MetricDataQuery query) {
    if (!running.add(query.id())) {
      throw new InvalidParameterValueException("The expression of MetricDataQueries.member."
          + positions.get(query.id()) + " refers to itself, through " + query.id() + "."); // wording unverified
    }
    try {
      Value value = MetricMath.evaluate(query.expression(), new MetricMath.Context() {
        @Override
        public Value query(String id) throws MathException {
          if (!queries.containsKey(id)) {
            throw new MathException("Error in expression '" + query.expression() + "': Unrecognized metric or "
                + "expression ID: " + id + ".");
          }
          return series(id);
        }

        @Override
        public List<Labelled> metrics() {
          List<Labelled> all = new ArrayList<>();
          for (MetricDataQuery q : queries.values()) {
            if (q.metricStat() != null) {
              all.add(new Labelled(label(q.id()), series(q.id())));
            }
          }
          return all;
        }
      });
      return asSeries(value);
    } catch (MathException e) {
      throw new InvalidParameterValueException(e.getMessage());
    } finally {
      running.remove(query.id());
    }
  }

  /** A number is shown at every timestamp of the request's metrics; an array of one series is that series. */
  private Series asSeries(Value value) throws MathException {
    if (value instanceof Series series) {
      return series;
    }
    if (value instanceof Many many) {
      if (many.series().size() == 1) {
        return many.series().get(0);
      }
      throw new MathException("an expression whose result is an array of time series is not supported by "
          + "ecs-emulator; reduce it with SUM, AVG, MIN or MAX");
    }
    NavigableMap<Long, Double> points = new TreeMap<>();
    for (MetricDataQuery q : queries.values()) {
      if (q.metricStat() != null) {
        series(q.id()).points().keySet().forEach(t -> points.put(t, ((Scalar) value).value()));
      }
    }
    return new Series(points);
  }

  /**
   * CloudWatch's rounding of a start time: to the second for periods under a minute, else to the minute (its further
   * rounding of old start times, past 15 days, does not apply: the emulator keeps no older data).
   */
  static long align(long start, int period) {
    long unit = period < 60 ? 1 : 60;
    return Math.floorDiv(start, unit) * unit;
  }
}
