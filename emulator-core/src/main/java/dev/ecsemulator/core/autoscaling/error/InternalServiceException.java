package dev.ecsemulator.core.autoscaling.error;

/** Application Auto Scaling error {@code InternalServiceException} (HTTP 500): a bug of the emulator. */
public final class InternalServiceException extends AutoScalingException {
  public InternalServiceException(String message) {
    super(message);
  }

  @Override
  public int httpStatus() {
    return 500;
  }
}
