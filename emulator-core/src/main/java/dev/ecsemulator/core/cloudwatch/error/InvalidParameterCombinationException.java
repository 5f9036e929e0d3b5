package dev.ecsemulator.core.cloudwatch.error;

/** CloudWatch error {@code InvalidParameterCombinationException}: parameters that cannot be given together, or too many datapoints asked for (query code InvalidParameterCombination). */
public final class InvalidParameterCombinationException extends CloudWatchException {
  public InvalidParameterCombinationException(String message) {
    super(message);
  }
}
