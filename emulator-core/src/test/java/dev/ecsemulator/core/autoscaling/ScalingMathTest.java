package dev.ecsemulator.core.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.autoscaling.ScalingMath.Capacity;
import dev.ecsemulator.core.autoscaling.ScalingMath.Decision;
import dev.ecsemulator.core.autoscaling.ScalingMath.History;
import dev.ecsemulator.core.autoscaling.model.StepAdjustment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scaling decisions: target tracking and step scaling, bounds, cooldowns, suspension, deployments. */
class ScalingMathTest {

  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  static final Duration COOLDOWN = Duration.ofSeconds(300);

  /** Seconds ago as an instant; empty for never. */
  static Instant ago(String seconds) {
    return seconds == null || seconds.isBlank() ? null : NOW.minusSeconds(Long.parseLong(seconds.trim()));
  }

  @ParameterizedTest(name = "{0} tasks at {1} % for target {2}, high {3}: {4}")
  @CsvSource(nullValues = "none", value = {
      // current, value, target, high, expected (or reason), last out (s ago), last in, deployment, disableScaleIn
      "2, 80, 40, true, 4, none, none, false, false",       // proportional: 2 × 80 / 40
      "2, 41, 40, true, 3, none, none, false, false",       // at least one more
      "4, 100, 40, true, 10, none, none, false, false",     // ceil(10) = 10, the maximum
      "8, 100, 40, true, 10, none, none, false, false",     // capped by the maximum
      "10, 100, 40, true, at its maximum, none, none, false, false",
      "2, 80, 40, true, within the scale-out cooldown, 100, none, false, false",
      "2, 80, 40, true, 4, 301, none, false, false",
      "0, 80, 40, true, 1, none, none, false, false",       // from zero: one
      "10, 10, 40, false, 9, none, none, false, false",     // in: by at most 1 or 10 %
      "4, 5, 40, false, 3, none, none, false, false",
      "2, 5, 40, false, 1, none, none, false, false",
      "1, 5, 40, false, already as wanted, none, none, false, false", // ceil(1 × 5 / 40) = 1
      "10, 10, 40, false, within the scale-in cooldown, none, 60, false, false",
      "10, 10, 40, false, 9, 60, none, false, false",       // a recent scale-out does not hold a scale-in
      "10, 10, 40, false, a deployment is in progress, none, none, true, false",
      "10, 10, 40, false, scale-in is disabled, none, none, false, true",
      "10, 38, 40, false, already as wanted, none, none, false, false", // ceil(10 × 38 / 40) = 10
  })
  void targetTracking(int current, double value, double target, boolean high, String expected, String lastOut,
      String lastIn, boolean deployment, boolean disableScaleIn) {
    History history = new History(NOW, ago(lastOut), ago(lastIn), deployment, false, false);
    Decision decision = ScalingMath.targetTracking(new Capacity(current, 1, 10), value, target, high, COOLDOWN,
        COOLDOWN, disableScaleIn, history);
    assertDecision(decision, current, expected);
  }

  @ParameterizedTest(name = "{0} tasks, {1} over threshold 50 ({2}): {3}")
  @CsvSource(nullValues = "none", value = {
      "2, 60, ChangeInCapacity, 3, none",      // 10 over: first step (0 to 20) adds 1
      "2, 90, ChangeInCapacity, 5, none",      // 40 over: second step (20 and up) adds 3
      "2, 45, ChangeInCapacity, no step adjustment holds the metric's difference from the threshold, none",
      "2, 60, ExactCapacity, 1, none",
      "4, 60, PercentChangeInCapacity, 5, none",   // 1 % of 4 is 0.04: rounded up to 1
      "2, 90, ChangeInCapacity, 5, 10",        // scale-out is not held by the cooldown
  })
  void stepScaling(int current, double value, String type, String expected, String lastOut) {
    List<StepAdjustment> steps = List.of(
        new StepAdjustment(0.0, 20.0, type.equals("ExactCapacity") ? 1 : 1),
        new StepAdjustment(20.0, null, 3));
    History history = new History(NOW, ago(lastOut), null, false, false, false);
    Decision decision = ScalingMath.step(new Capacity(current, 1, 10), value, 50, type, steps, null, COOLDOWN,
        history);
    assertDecision(decision, current, expected);
  }

  @ParameterizedTest(name = "{0} tasks, step {1}: {2}")
  @CsvSource(nullValues = "none", value = {
      "5, -1, 4, none",
      "5, -1, within the cooldown, 100",
      "1, -1, at its minimum, none",
  })
  void stepScaleIn(int current, int adjustment, String expected, String lastIn) {
    List<StepAdjustment> steps = List.of(new StepAdjustment(null, 0.0, adjustment));
    History history = new History(NOW, null, ago(lastIn), false, false, false);
    assertDecision(ScalingMath.step(new Capacity(current, 1, 10), 10, 50, "ChangeInCapacity", steps, null, COOLDOWN,
        history), current, expected);
  }

  @ParameterizedTest(name = "{1} % of {0} with minimum magnitude {2}: {3}")
  @CsvSource(nullValues = "none", value = {
      "10, 25, none, 2", "10, -25, none, -2", "4, 10, none, 1", "4, -10, none, -1", "10, 20, 3, 3", "100, 0, none, 0",
  })
  void percentRoundsAsAws(int current, int percent, Integer minMagnitude, int change) {
    assertThat(ScalingMath.percent(current, percent, minMagnitude)).isEqualTo(change);
  }

  static void assertDecision(Decision decision, int current, String expected) {
    if (expected.matches("\\d+")) {
      assertThat(decision.scales()).as(decision.reason()).isTrue();
      assertThat(decision.desired()).isEqualTo(Integer.parseInt(expected));
    } else {
      assertThat(decision.scales()).isFalse();
      assertThat(decision.reason()).contains(expected);
      assertThat(decision.desired()).isEqualTo(current);
    }
  }
}
