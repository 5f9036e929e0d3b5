package dev.ecsemulator.core.error;

/** The request body is larger than the emulator accepts (HTTP 413; AWS JSON 1.1 protocol error). */
public final class RequestEntityTooLargeException extends AwsException {

  public RequestEntityTooLargeException(String message) {
    super(message);
  }

  @Override
  public int httpStatus() {
    return 413;
  }
}
