package dev.ecsemulator.core.cloudwatch.error;

/** CloudWatch error {@code LimitExceededFault}: a quota is reached (query code LimitExceeded). */
public final class LimitExceededFault extends CloudWatchException {
  public LimitExceededFault(String message) {
    super(message);
  }
}
