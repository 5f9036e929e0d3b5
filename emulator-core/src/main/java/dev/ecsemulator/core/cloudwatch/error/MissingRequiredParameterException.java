package dev.ecsemulator.core.cloudwatch.error;

/** CloudWatch error {@code MissingRequiredParameterException}: a parameter required in this case is missing (query code MissingParameter). */
public final class MissingRequiredParameterException extends CloudWatchException {
  public MissingRequiredParameterException(String message) {
    super(message);
  }
}
