package dev.ecsemulator.core.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.cloudwatch.AlarmEvaluation.Outcome;
import dev.ecsemulator.core.cloudwatch.AlarmEvaluation.Point;
import dev.ecsemulator.core.cloudwatch.AlarmEvaluation.Rule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Alarm evaluation against the two tables of CloudWatch's user guide ("How alarm state is evaluated when data is
 * missing"): five datapoints of the evaluation range, oldest first; 0 not breaching, X breaching, - missing. RETAIN
 * means the state is kept. The guide's row "X - - - -" with 3 of 3 (ALARM under missing) is the one it gives that no
 * order-blind rule matches along with "- - - - X"; the emulator answers INSUFFICIENT_DATA there, as for the latter.
 */
class AlarmEvaluationTest {

  @ParameterizedTest(name = "{0} with {1} of 3: missing {2}, ignore {3}, breaching {4}, notBreaching {5}")
  @CsvSource({
      // Datapoints to alarm 3 of 3.
      "0-X-X, 3, OK, OK, OK, OK",
      "0----, 3, OK, OK, OK, OK",
      "-----, 3, INSUFFICIENT_DATA, RETAIN, ALARM, OK",
      "0XX-X, 3, ALARM, ALARM, ALARM, ALARM",
      "----X, 3, INSUFFICIENT_DATA, RETAIN, ALARM, OK",
      // 2 of 3.
      "0-X-X, 2, ALARM, ALARM, ALARM, ALARM",
      "00X0X, 2, ALARM, ALARM, ALARM, ALARM",
      "0-X--, 2, OK, OK, ALARM, OK",
      "----0, 2, OK, OK, ALARM, OK",
      "----X, 2, INSUFFICIENT_DATA, RETAIN, ALARM, OK",
  })
  void asTheUserGuidesTables(String range, int datapointsToAlarm, String missing, String ignore, String breaching,
      String notBreaching) {
    assertThat(state(range, datapointsToAlarm, "missing")).isEqualTo(missing);
    assertThat(state(range, datapointsToAlarm, "ignore")).isEqualTo(ignore);
    assertThat(state(range, datapointsToAlarm, "breaching")).isEqualTo(breaching);
    assertThat(state(range, datapointsToAlarm, "notBreaching")).isEqualTo(notBreaching);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "GreaterThanThreshold, 10, 10, false",
      "GreaterThanOrEqualToThreshold, 10, 10, true",
      "LessThanThreshold, 9.5, 10, true",
      "LessThanOrEqualToThreshold, 10.5, 10, false",
  })
  void comparisons(String operator, double value, double threshold, boolean breaches) {
    assertThat(Comparison.of(operator).orElseThrow().breaches(value, threshold)).isEqualTo(breaches);
  }

  static String state(String range, int m, String treatment) {
    Rule rule = new Rule(Comparison.GREATER, 10, 3, m, treatment);
    Outcome outcome = AlarmEvaluation.evaluate(rule, points(range));
    return outcome.state().orElse("RETAIN");
  }

  /** The existing datapoints, newest first, as the evaluator gives them. */
  static List<Point> points(String oldestFirst) {
    List<Point> points = new ArrayList<>();
    for (int i = oldestFirst.length() - 1; i >= 0; i--) {
      char c = oldestFirst.charAt(i);
      if (c != '-') {
        points.add(new Point(i * 60L, c == 'X' ? 20 : 5, 1.0));
      }
    }
    return points;
  }
}
