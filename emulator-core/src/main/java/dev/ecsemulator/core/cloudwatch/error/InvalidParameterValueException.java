package dev.ecsemulator.core.cloudwatch.error;

/** CloudWatch error {@code InvalidParameterValueException}: a parameter has a value CloudWatch refuses (query code InvalidParameterValue). */
public final class InvalidParameterValueException extends CloudWatchException {
  public InvalidParameterValueException(String message) {
    super(message);
  }
}
