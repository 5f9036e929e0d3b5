package dev.ecsemulator.core.cloudwatch.error;

/** CloudWatch error {@code InternalServiceFault} (HTTP 500, query code InternalServiceError): a bug of the emulator. */
public final class InternalServiceFault extends CloudWatchException {
  public InternalServiceFault(String message) {
    super(message);
  }

  @Override
  public int httpStatus() {
    return 500;
  }
}
