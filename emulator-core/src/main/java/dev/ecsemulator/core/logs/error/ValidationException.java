package dev.ecsemulator.core.logs.error;

/**
 * AWS error {@code ValidationException}. CloudWatch Logs answers it when a request names its log group both by name and
 * by identifier ("LogGroup name and LogGroup ARN are mutually exclusive parameters.", recorded from AWS in LocalStack's
 * snapshot tests).
 */
public final class ValidationException extends LogsException {

  public ValidationException(String message) {
    super(message);
  }
}
