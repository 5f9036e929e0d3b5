package dev.ecsemulator.core.logs.error;

/**
 * AWS error {@code ServiceUnavailableException} (HTTP 500), the fault nearly every CloudWatch Logs operation lists. The
 * emulator sends it for unexpected failures, which are bugs.
 */
public final class ServiceUnavailableException extends LogsException {

  public ServiceUnavailableException(String message) {
    super(message);
  }

  @Override
  public int httpStatus() {
    return 500;
  }
}
