package dev.ecsemulator.scheduler.service;

import java.time.Duration;

/**
 * The service throttle: tasks that repeatedly fail to reach RUNNING (PENDING straight to STOPPED) are
 * retried with a growing delay, up to 15 minutes (ECS developer guide, {@code service-throttle-logic.md}).
 * Tasks that reached RUNNING and then died are not throttled; a new deployment, or a task that reaches
 * RUNNING, ends the throttle.
 *
 * <p><b>Unverified</b>: ECS does not publish its curve. We throttle from the 3rd consecutive failure,
 * starting at 10 s and doubling per further failure up to 15 minutes.
 */
public final class RestartThrottle {

  /** Consecutive failures to start after which launches are delayed (and the event is emitted). */
  public static final int FAILURES_BEFORE_THROTTLING = 3;

  public static final Duration FIRST_DELAY = Duration.ofSeconds(10);
  public static final Duration MAX_DELAY = Duration.ofMinutes(15);

  private RestartThrottle() {}

  /** Whether a streak of this many consecutive failures to start throttles launches. */
  public static boolean throttles(int consecutiveFailures) {
    return consecutiveFailures >= FAILURES_BEFORE_THROTTLING;
  }

  /**
   * The delay before the next launch after {@code consecutiveFailures} consecutive failures to start:
   * zero below {@link #FAILURES_BEFORE_THROTTLING}, then 10 s, 20 s, 40 s, ... capped at 15 minutes.
   */
  public static Duration delayAfter(int consecutiveFailures) {
    if (!throttles(consecutiveFailures)) {
      return Duration.ZERO;
    }
    int doublings = Math.min(consecutiveFailures - FAILURES_BEFORE_THROTTLING, 20);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }
}
