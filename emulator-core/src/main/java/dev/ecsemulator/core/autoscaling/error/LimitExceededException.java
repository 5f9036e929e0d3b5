package dev.ecsemulator.core.autoscaling.error;

/** Application Auto Scaling error {@code LimitExceededException}: a quota is reached. */
public final class LimitExceededException extends AutoScalingException {
  public LimitExceededException(String message) {
    super(message);
  }
}
