package dev.ecsemulator.core.cloudwatch.error;

/** CloudWatch error {@code ResourceNotFound} (HTTP 404): no alarm has the name. */
public final class ResourceNotFound extends CloudWatchException {
  public ResourceNotFound(String message) {
    super(message);
  }

  @Override
  public int httpStatus() {
    return 404;
  }
}
