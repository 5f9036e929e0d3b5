package dev.ecsemulator.core.logs.error;

/**
 * AWS error {@code ResourceAlreadyExistsException}. The wording, without a final full stop, is what clients compare
 * against (moto mirrors the log group's; client code matches the log stream's).
 */
public final class ResourceAlreadyExistsException extends LogsException {

  public static final String LOG_GROUP = "The specified log group already exists";
  public static final String LOG_STREAM = "The specified log stream already exists";

  public ResourceAlreadyExistsException(String message) {
    super(message);
  }
}
