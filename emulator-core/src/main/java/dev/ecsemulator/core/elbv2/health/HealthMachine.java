package dev.ecsemulator.core.elbv2.health;

import dev.ecsemulator.core.elbv2.TargetStates;
import dev.ecsemulator.core.elbv2.model.TargetHealth;

/**
 * The health state machine of one target, as a pure function of its current health, its run of consecutive results
 * and the newest health check's outcome (see {@link TargetStates} for the states and AWS's reasons):
 *
 * <ul>
 *   <li>{@code initial} turns {@code healthy} after the healthy threshold of consecutive successes, {@code unhealthy}
 *       after the unhealthy threshold of consecutive failures; meanwhile its reason is Elb.InitialHealthChecking;
 *   <li>{@code healthy} turns {@code unhealthy} after the unhealthy threshold of consecutive failures;
 *   <li>{@code unhealthy} turns {@code healthy} after the healthy threshold of consecutive successes; each failure
 *       meanwhile updates its reason to the newest one;
 *   <li>{@code draining} (and anything else) is left as it is: a deregistered target's end is not the health
 *       checks' to decide.
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class HealthMachine {

  private HealthMachine() {}

  /** How a health check ended. */
  public enum Outcome {
    /** The target answered with a status the matcher accepts. */
    OK,
    /** It answered with another status. */
    MISMATCH,
    /** No (whole) answer within the timeout. */
    TIMEOUT,
    /** No connection, or it broke. */
    FAILED
  }

  /** One health check's result; {@code status} is the HTTP status for OK and MISMATCH, else 0. */
  public record Probe(Outcome outcome, int status) {

    public static Probe of(int status, String matcher) {
      return new Probe(HttpCodes.matches(matcher, status) ? Outcome.OK : Outcome.MISMATCH, status);
    }

    public boolean ok() {
      return outcome == Outcome.OK;
    }

    /** The unhealthy health this failure shows. */
    TargetHealth failure() {
      return switch (outcome) {
        case MISMATCH -> TargetStates.codeMismatch(status);
        case TIMEOUT -> TargetStates.timedOut();
        default -> TargetStates.failed();
      };
    }
  }

  /** A run of consecutive results: at most one of the two is non-zero. */
  public record Run(int successes, int failures) {
    public static final Run NONE = new Run(0, 0);

    Run after(Probe probe) {
      return probe.ok() ? new Run(successes + 1, 0) : new Run(0, failures + 1);
    }
  }

  /** The health and run after a check. */
  public record Step(TargetHealth health, Run run) {}

  /** The thresholds of the target group: consecutive results needed to turn healthy, or unhealthy. */
  public record Thresholds(int healthy, int unhealthy) {}

  public static Step next(TargetHealth current, Run run, Probe probe, Thresholds thresholds) {
    Run after = run.after(probe);
    String state = current.state();
    TargetHealth next = current;
    if (TargetStates.INITIAL.equals(state)) {
      if (after.successes() >= thresholds.healthy()) {
        next = TargetStates.healthy();
      } else if (after.failures() >= thresholds.unhealthy()) {
        next = probe.failure();
      } else {
        next = TargetStates.initialChecking();
      }
    } else if (TargetStates.HEALTHY.equals(state)) {
      if (after.failures() >= thresholds.unhealthy()) {
        next = probe.failure();
      }
    } else if (TargetStates.UNHEALTHY.equals(state)) {
      if (after.successes() >= thresholds.healthy()) {
        next = TargetStates.healthy();
      } else if (!probe.ok()) {
        next = probe.failure();
      }
    }
    return new Step(next, after);
  }
}
