package dev.ecsemulator.core.logs.error;

/** AWS error {@code ResourceNotFoundException}: the log group or log stream the request names does not exist. */
public final class ResourceNotFoundException extends LogsException {

  public static final String LOG_GROUP = "The specified log group does not exist.";
  public static final String LOG_STREAM = "The specified log stream does not exist.";

  public ResourceNotFoundException(String message) {
    super(message);
  }

  /** "The specified log group does not exist." */
  public static ResourceNotFoundException logGroup() {
    return new ResourceNotFoundException(LOG_GROUP);
  }

  /** "The specified log stream does not exist." */
  public static ResourceNotFoundException logStream() {
    return new ResourceNotFoundException(LOG_STREAM);
  }
}
