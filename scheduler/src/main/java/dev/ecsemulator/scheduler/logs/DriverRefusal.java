package dev.ecsemulator.scheduler.logs;

import java.util.Objects;

/**
 * Docker's awslogs driver refuses a container: its options at {@link Step#CREATE} ({@code docker create} validates
 * log options), or at {@link Step#START}, when the driver is set up: a multiline pattern that does not compile, or a
 * CloudWatch Logs call that failed ({@link #cloudWatchCall}: creating the stream or the group). {@link #getMessage()}
 * is the driver's own words; {@link DriverErrors} words them as ECS reports them.
 */
final class DriverRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** When Docker refuses. */
  enum Step {
    CREATE,
    START
  }

  private final Step step;
  private final boolean cloudWatchCall;

  DriverRefusal(Step step, String message, boolean cloudWatchCall) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.step = Objects.requireNonNull(step, "step");
    this.cloudWatchCall = cloudWatchCall;
  }

  Step step() {
    return step;
  }

  /** Whether a CloudWatch Logs call failed (the AWS SDK then adds its status code and request ID). */
  boolean cloudWatchCall() {
    return cloudWatchCall;
  }
}
