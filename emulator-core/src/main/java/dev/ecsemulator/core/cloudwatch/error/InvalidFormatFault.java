package dev.ecsemulator.core.cloudwatch.error;

/** CloudWatch error {@code InvalidFormatFault}: a value is not in the format asked for, e.g. StateReasonData that is not JSON (query code InvalidFormat). */
public final class InvalidFormatFault extends CloudWatchException {
  public InvalidFormatFault(String message) {
    super(message);
  }
}
