package dev.ecsemulator.core.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CloudWatch's decision of a metric alarm's state from the datapoints of its evaluation range, as its user guide states
 * it ("How alarm state is evaluated when data is missing"): a pure function of the alarm's settings, the range's
 * datapoints and its current state.
 *
 * <ul>
 *   <li>The range is {@link #rangeOf} periods (5 for 3 evaluation periods, as the guide's example says; CloudWatch's
 *       exact count for other settings is unverified: N + 2).
 *   <li>With N (evaluation periods) or more datapoints in it, the N most recent are evaluated: M (datapoints to
 *       alarm) or more breaching is ALARM, else OK. Missing data is then not considered.
 *   <li>With none, the treatment decides: {@code missing} INSUFFICIENT_DATA, {@code ignore} the current state,
 *       {@code breaching} ALARM, {@code notBreaching} OK.
 *   <li>With fewer than N, the missing ones are filled in as few times as possible: as breaching ({@code breaching})
 *       or not ({@code notBreaching}) and the N evaluated; for {@code missing} and {@code ignore}, M breaching is
 *       ALARM, any non-breaching one makes it OK, else the state is INSUFFICIENT_DATA ({@code missing}) or kept
 *       ({@code ignore}). This matches every row of the guide's two tables but one ("X - - - -" with 3 of 3 is ALARM
 *       there, while "- - - - X" is INSUFFICIENT_DATA: no rule blind to the order of datapoints gives both).
 * </ul>
 */
public final class AlarmEvaluation {

  public static final String OK = "OK";
  public static final String ALARM = "ALARM";
  public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

  /** How many periods CloudWatch reads for an alarm of {@code evaluationPeriods}. */
  public static int rangeOf(int evaluationPeriods) {
    return evaluationPeriods + 2;
  }

  /** One period's datapoint: its start (epoch seconds), value and sample count (null for metric math). */
  public record Point(long start, double value, Double sampleCount) {}

  /** The settings of the alarm that decide. */
  public record Rule(Comparison comparison, double threshold, int evaluationPeriods, int datapointsToAlarm,
      String treatMissingData) {

    public Rule {
      treatMissingData = treatMissingData == null ? "missing" : treatMissingData;
    }

    boolean breaching(Point p) {
      return comparison.breaches(p.value(), threshold);
    }
  }

  /**
   * The outcome of one evaluation.
   *
   * @param state the new state, or empty to keep the current one ({@code ignore})
   * @param evaluated the datapoints evaluated, newest first
   * @param filled how many missing datapoints were filled in
   */
  public record Outcome(Optional<String> state, List<Point> evaluated, int filled, int breaching) {}

  private AlarmEvaluation() {}

  /** @param range the datapoints of the evaluation range that exist, newest first */
  public static Outcome evaluate(Rule rule, List<Point> range) {
    int n = rule.evaluationPeriods();
    int m = rule.datapointsToAlarm();
    List<Point> evaluated = new ArrayList<>(range.subList(0, Math.min(n, range.size())));
    int breaching = (int) evaluated.stream().filter(rule::breaching).count();
    if (evaluated.size() >= n) {
      return new Outcome(Optional.of(breaching >= m ? ALARM : OK), evaluated, 0, breaching);
    }
    int filled = n - evaluated.size();
    String treatment = rule.treatMissingData();
    if (treatment.equals("breaching") || treatment.equals("notBreaching")) {
      int total = breaching + (treatment.equals("breaching") ? filled : 0);
      return new Outcome(Optional.of(total >= m ? ALARM : OK), evaluated, filled, total);
    }
    if (breaching >= m && !evaluated.isEmpty()) {
      return new Outcome(Optional.of(ALARM), evaluated, 0, breaching);
    }
    if (breaching < evaluated.size()) {
      return new Outcome(Optional.of(OK), evaluated, 0, breaching);
    }
    return new Outcome(treatment.equals("ignore") ? Optional.empty() : Optional.of(INSUFFICIENT_DATA), evaluated,
        filled, breaching);
  }
}
