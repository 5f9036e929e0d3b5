package dev.ecsemulator.core.autoscaling.error;

/** Application Auto Scaling error {@code InvalidNextTokenException}: the NextToken is not one Application Auto Scaling gave. */
public final class InvalidNextTokenException extends AutoScalingException {
  public InvalidNextTokenException(String message) {
    super(message);
  }
}
