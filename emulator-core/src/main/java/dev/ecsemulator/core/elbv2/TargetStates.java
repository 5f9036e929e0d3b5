package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.elbv2.model.TargetHealth;

/**
 * A target's health states with AWS's reason codes and descriptions (the TargetHealth page of the ELBv2 API
 * reference and DescribeTargetHealth answers AWS users show):
 *
 * <pre>
 * register ─▶ initial (Elb.RegistrationInProgress, then Elb.InitialHealthChecking)
 *               │ healthy threshold of successes          │ unhealthy threshold of failures
 *               ▼                                          ▼
 *            healthy ◀── healthy threshold ──────────── unhealthy (Target.ResponseCodeMismatch / Timeout /
 *               └──────── unhealthy threshold ─────────▶           FailedHealthChecks)
 * deregister ─▶ draining (Target.DeregistrationInProgress) ─▶ removed (no request in flight, or the delay is over)
 * </pre>
 *
 * A registered target of a group no listener uses is shown {@code unused} (Target.NotInUse); a target that is not
 * registered, {@code unused} (Target.NotRegistered).
 */
public final class TargetStates {

  public static final String INITIAL = "initial";
  public static final String HEALTHY = "healthy";
  public static final String UNHEALTHY = "unhealthy";
  public static final String DRAINING = "draining";
  public static final String UNUSED = "unused";

  private TargetStates() {}

  public static TargetHealth registering() {
    return new TargetHealth("Target registration is in progress", "Elb.RegistrationInProgress", INITIAL);
  }

  public static TargetHealth initialChecking() {
    return new TargetHealth("Initial health checks in progress", "Elb.InitialHealthChecking", INITIAL);
  }

  public static TargetHealth healthy() {
    return new TargetHealth(null, null, HEALTHY);
  }

  /** Unhealthy: the target answered with a status the matcher does not accept. */
  public static TargetHealth codeMismatch(int status) {
    return new TargetHealth("Health checks failed with these codes: [" + status + "]", "Target.ResponseCodeMismatch",
        UNHEALTHY);
  }

  /** Unhealthy: no answer within the health check timeout. */
  public static TargetHealth timedOut() {
    return new TargetHealth("Request timed out", "Target.Timeout", UNHEALTHY);
  }

  /** Unhealthy: the connection failed (refused, reset, closed early). */
  public static TargetHealth failed() {
    return new TargetHealth("Health checks failed", "Target.FailedHealthChecks", UNHEALTHY);
  }

  public static TargetHealth deregistering() {
    return new TargetHealth("Target deregistration is in progress", "Target.DeregistrationInProgress", DRAINING);
  }

  public static TargetHealth notRegistered() {
    return new TargetHealth("Target is not registered to the target group", "Target.NotRegistered", UNUSED);
  }

  public static TargetHealth notInUse() {
    return new TargetHealth("Target group is not configured to receive traffic from the load balancer",
        "Target.NotInUse", UNUSED);
  }

  /** Health checks switched off: AWS shows such a target {@code unavailable}. */
  public static TargetHealth checksDisabled() {
    return new TargetHealth("Health checks are disabled", "Target.HealthCheckDisabled", "unavailable");
  }
}
