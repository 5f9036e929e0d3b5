package dev.ecsemulator.core.logs.error;

/**
 * AWS error {@code InvalidParameterException}: a parameter is specified incorrectly. CloudWatch Logs also answers it
 * for requests that break the model's constraints ("1 validation error detected: ...").
 */
public final class InvalidParameterException extends LogsException {

  public InvalidParameterException(String message) {
    super(message);
  }
}
