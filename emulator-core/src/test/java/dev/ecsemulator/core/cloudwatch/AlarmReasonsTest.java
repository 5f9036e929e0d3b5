package dev.ecsemulator.core.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.cloudwatch.AlarmEvaluation.Outcome;
import dev.ecsemulator.core.cloudwatch.AlarmEvaluation.Point;
import dev.ecsemulator.core.cloudwatch.AlarmEvaluation.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words of state reasons. */
class AlarmReasonsTest {

  static final long T = java.time.Instant.parse("2026-11-30T23:40:00Z").getEpochSecond();

  @Test
  void allOfNBreaching() {
    Rule rule = new Rule(Comparison.GREATER, 75, 1, 1, null);
    Outcome outcome = AlarmEvaluation.evaluate(rule, List.of(new Point(T, 85.5, 1.0)));
    assertThat(AlarmReasons.reason(rule, outcome, "ALARM", "OK"))
        .isEqualTo("Threshold Crossed: 1 datapoint [85.5 (30/11/26 23:40:00)] was greater than the threshold (75.0).");
  }

  @Test
  void okWithThreeDatapoints() {
    Rule rule = new Rule(Comparison.GREATER_OR_EQUAL, 75, 3, 3, null);
    Outcome outcome = AlarmEvaluation.evaluate(rule, List.of(new Point(T, 1, 1.0), new Point(T - 60, 2, 1.0),
        new Point(T - 120, 3, 1.0)));
    assertThat(AlarmReasons.reason(rule, outcome, "OK", "ALARM")).isEqualTo("Threshold Crossed: 3 datapoints "
        + "[1.0 (30/11/26 23:40:00), 2.0 (30/11/26 23:39:00), 3.0 (30/11/26 23:38:00)] were not greater than or equal "
        + "to the threshold (75.0).");
  }

  @Test
  void insufficientData() {
    Rule rule = new Rule(Comparison.LESS, 75, 15, 15, null);
    Outcome outcome = AlarmEvaluation.evaluate(rule, List.of());
    assertThat(AlarmReasons.reason(rule, outcome, "INSUFFICIENT_DATA", "OK"))
        .isEqualTo("Insufficient Data: 15 datapoints were unknown.");
  }
}
