package dev.ecsemulator.core.autoscaling;

import dev.ecsemulator.core.autoscaling.model.StepAdjustment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How many tasks a policy wants, from a metric value: pure functions of the capacity, the policy's settings, the
 * value, the time and the last scaling times (cooldowns). Table-driven tests cover them.
 *
 * <ul>
 *   <li><b>Target tracking</b>, out (the high alarm fires, value above target): proportionally,
 *       {@code ceil(current × value / target)}, at least one more; not again within the scale-out cooldown of the last
 *       scale-out (the one that started the cooldown already added capacity; AWS would add more only if the metric
 *       asked for more than that, the emulator waits).
 *   <li>Target tracking, in (the low alarm fires): conservatively, towards {@code ceil(current × value / target)} but
 *       by at most one task or 10 % of the capacity, whichever is more (AWS's own pace is not published); never with
 *       scale-in disabled, within the scale-in cooldown of the last scale-in, or while a deployment is in progress.
 *   <li><b>Step scaling</b>: the step whose bounds hold {@code value − threshold} gives the adjustment, by its type
 *       (ChangeInCapacity, ExactCapacity, PercentChangeInCapacity with AWS's rounding and MinAdjustmentMagnitude); a
 *       scale-out is not held by the cooldown, a scale-in is, as AWS documents for step scaling.
 *   <li>Always within the target's minimum and maximum; suspended scaling does nothing.
 * </ul>
 */
public final class ScalingMath {

  private ScalingMath() {}

  /** The target's bounds and state. */
  public record Capacity(int current, int min, int max) {}

  /** When the target last scaled, and what holds scaling now. */
  public record History(Instant now, Instant lastScaleOut, Instant lastScaleIn, boolean deploymentInProgress,
      boolean scaleOutSuspended, boolean scaleInSuspended) {

    boolean within(Instant last, Duration cooldown) {
      return last != null && now.isBefore(last.plus(cooldown));
    }
  }

  /**
   * A decision: the new desired count, or why there is none.
   *
   * @param desired the new desired count (the current one when nothing changes)
   * @param reason why nothing changes (null when it does)
   */
  public record Decision(int desired, String reason) {

    static Decision to(int desired) {
      return new Decision(desired, null);
    }

    static Decision none(int current, String reason) {
      return new Decision(current, reason);
    }

    public boolean scales() {
      return reason == null;
    }
  }

  /** Target tracking for a firing alarm: {@code high} for the scale-out alarm, else the scale-in one. */
  public static Decision targetTracking(Capacity capacity, double value, double target, boolean high,
      Duration scaleOutCooldown, Duration scaleInCooldown, boolean disableScaleIn, History history) {
    int current = capacity.current();
    if (high) {
      if (history.scaleOutSuspended()) {
        return Decision.none(current, "scale-out is suspended");
      }
      if (history.within(history.lastScaleOut(), scaleOutCooldown)) {
        return Decision.none(current, "within the scale-out cooldown");
      }
      int wanted = current == 0 ? 1 : Math.max(current + 1, (int) Math.ceil(current * value / target - 1e-9));
      return bounded(capacity, wanted);
    }
    if (disableScaleIn) {
      return Decision.none(current, "scale-in is disabled");
    }
    if (history.scaleInSuspended()) {
      return Decision.none(current, "scale-in is suspended");
    }
    if (history.deploymentInProgress()) {
      return Decision.none(current, "a deployment is in progress");
    }
    if (history.within(history.lastScaleIn(), scaleInCooldown)) {
      return Decision.none(current, "within the scale-in cooldown");
    }
    int proportional = (int) Math.ceil(current * value / target - 1e-9);
    int step = Math.max(1, current / 10);
    return bounded(capacity, Math.max(proportional, current - step));
  }

  /** Step scaling for a firing alarm whose threshold is {@code threshold}. */
  public static Decision step(Capacity capacity, double value, double threshold, String adjustmentType,
      List<StepAdjustment> steps, Integer minAdjustmentMagnitude, Duration cooldown, History history) {
    int current = capacity.current();
    double difference = value - threshold;
    StepAdjustment step = steps.stream()
        .filter(s -> (s.metricIntervalLowerBound() == null || difference >= s.metricIntervalLowerBound())
            && (s.metricIntervalUpperBound() == null || difference < s.metricIntervalUpperBound()))
        .findFirst().orElse(null);
    if (step == null) {
      return Decision.none(current, "no step adjustment holds the metric's difference from the threshold");
    }
    int adjustment = step.scalingAdjustment();
    int wanted = switch (adjustmentType == null ? "ChangeInCapacity" : adjustmentType) {
      case "ExactCapacity" -> adjustment;
      case "PercentChangeInCapacity" -> current + percent(current, adjustment, minAdjustmentMagnitude);
      default -> current + adjustment;
    };
    if (wanted > current && history.scaleOutSuspended()) {
      return Decision.none(current, "scale-out is suspended");
    }
    if (wanted < current) {
      if (history.scaleInSuspended()) {
        return Decision.none(current, "scale-in is suspended");
      }
      if (history.deploymentInProgress()) {
        return Decision.none(current, "a deployment is in progress");
      }
      Instant last = latest(history.lastScaleOut(), history.lastScaleIn());
      if (history.within(last, cooldown)) {
        return Decision.none(current, "within the cooldown");
      }
    }
    return bounded(capacity, wanted);
  }

  /**
   * A percent change in tasks, rounded as AWS rounds it: a change between 0 and 1 is 1, between 0 and -1 is -1;
   * others towards zero; then at least MinAdjustmentMagnitude in size.
   */
  static int percent(int current, int percent, Integer minMagnitude) {
    double change = current * percent / 100.0;
    int rounded;
    if (change > 0 && change < 1) {
      rounded = 1;
    } else if (change < 0 && change > -1) {
      rounded = -1;
    } else {
      rounded = (int) change; // towards zero
    }
    if (minMagnitude != null && rounded != 0 && Math.abs(rounded) < minMagnitude) {
      rounded = Integer.signum(rounded) * minMagnitude;
    }
    return rounded;
  }

  private static Decision bounded(Capacity capacity, int wanted) {
    int desired = Math.max(capacity.min(), Math.min(capacity.max(), wanted));
    if (desired == capacity.current()) {
      return Decision.none(capacity.current(), wanted > capacity.current()
          ? "the capacity is at its maximum" : wanted < capacity.current() ? "the capacity is at its minimum"
          : "the capacity is already as wanted");
    }
    return Decision.to(desired);
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
