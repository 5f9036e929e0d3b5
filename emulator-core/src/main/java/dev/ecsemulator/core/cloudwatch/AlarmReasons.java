package dev.ecsemulator.core.cloudwatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.core.cloudwatch.AlarmEvaluation.Outcome;
import dev.ecsemulator.core.cloudwatch.AlarmEvaluation.Point;
import dev.ecsemulator.core.cloudwatch.AlarmEvaluation.Rule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words of an alarm's {@code StateReason} and the JSON of its {@code StateReasonData}, as CloudWatch writes them
 * (from AWS's documentation and answers seen in public reports; the exact wording of the M-out-of-N and filled-in
 * cases is unverified):
 *
 * <pre>
 * Threshold Crossed: 1 datapoint [85.5 (07/12/26 10:03:00)] was greater than the threshold (75.0).
 * Threshold Crossed: 3 datapoints [10.0 (...), 12.5 (...), 9.0 (...)] were not greater than the threshold (75.0).
 * Threshold Crossed: 2 out of the last 3 datapoints [85.5 (...), 80.0 (...)] were greater than the threshold (75.0)
 *   (minimum 2 datapoints for OK -> ALARM transition).
 * Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching].
 * Insufficient Data: 3 datapoints were unknown.
 * </pre>
 */
public final class AlarmReasons {

  public static final String CREATED = "Unchecked: Initial alarm creation";

  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = dev.ecsemulator.core.json.EcsJson.mapper();

  private AlarmReasons() {}

  /** The reason for {@code state} reached by {@code outcome}. */
  public static String reason(Rule rule, Outcome outcome, String state, String previous) {
    int n = rule.evaluationPeriods();
    if (state.equals(AlarmEvaluation.INSUFFICIENT_DATA)) {
      return "Insufficient Data: " + plural(n - outcome.evaluated().size() == 1, n - outcome.evaluated().size(),
          "datapoint was", "datapoints were") + " unknown.";
    }
    if (outcome.evaluated().isEmpty()) {
      return "Threshold Crossed: no datapoints were received for " + n + " period" + (n == 1 ? "" : "s") + " and "
          + outcome.filled() + " missing datapoint" + (outcome.filled() == 1 ? " was" : "s were") + " treated as ["
          + (rule.treatMissingData().equals("breaching") ? "Breaching" : "NonBreaching") + "].";
    }
    boolean alarm = state.equals(AlarmEvaluation.ALARM);
    List<Point> shown = outcome.evaluated().stream()
        .filter(p -> rule.breaching(p) == alarm)
        .toList();
    String list = shown.stream().map(p -> number(p.value()) + " (" + SHORT.format(Instant.ofEpochSecond(p.start())) + ")")
        .collect(Collectors.joining(", ", "[", "]"));
    String verb = (alarm ? "" : "not ") + rule.comparison().words();
    int m = rule.datapointsToAlarm();
    if (m == n && shown.size() == n) {
      return "Threshold Crossed: " + plural(n == 1, n, "datapoint", "datapoints") + " " + list + " " + (n == 1 ? "was"
          : "were") + " " + verb + " the threshold (" + number(rule.threshold()) + ").";
    }
    String transition = alarm ? previous + " -> ALARM" : "ALARM -> OK";
    return "Threshold Crossed: " + shown.size() + " out of the last " + n + " datapoints " + list + " were " + verb
        + " the threshold (" + number(rule.threshold()) + ") (minimum " + (alarm ? m : n - m + 1)
        + " datapoint" + ((alarm ? m : n - m + 1) == 1 ? "" : "s") + " for " + transition + " transition).";
  }

  /** The reason's data: the evaluation as JSON, as CloudWatch gives it in {@code StateReasonData}. */
  public static String data(Rule rule, Outcome outcome, String statistic, int period, Instant now, long rangeStart) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("version", "1.0");
    data.put("queryDate", ISO.format(now));
    data.put("startDate", ISO.format(Instant.ofEpochSecond(rangeStart)));
    if (statistic != null) {
      data.put("statistic", statistic);
    }
    data.put("period", period);
    List<Double> recent = new ArrayList<>();
    for (int i = outcome.evaluated().size() - 1; i >= 0; i--) {
      recent.add(outcome.evaluated().get(i).value());
    }
    data.put("recentDatapoints", recent);
    data.put("threshold", rule.threshold());
    List<Map<String, Object>> evaluated = new ArrayList<>();
    for (Point p : outcome.evaluated()) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("timestamp", ISO.format(Instant.ofEpochSecond(p.start())));
      if (p.sampleCount() != null) {
        point.put("sampleCount", p.sampleCount());
      }
      point.put("value", p.value());
      evaluated.add(point);
    }
    data.put("evaluatedDatapoints", evaluated);
    return json(data);
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A double as Java (and CloudWatch) print it: {@code 75.0}, {@code 85.5}. */
  static String number(double value) {
    return Double.toString(value);
  }

  private static String plural(boolean one, int count, String singular, String plural) {
    return count + " " + (one ? singular : plural);
  }
}
