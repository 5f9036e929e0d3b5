package dev.ecsemulator.core.autoscaling.error;

/** Application Auto Scaling error {@code ValidationException}: a request Application Auto Scaling refuses. */
public final class ValidationException extends AutoScalingException {
  public ValidationException(String message) {
    super(message);
  }
}
