package dev.ecsemulator.core.error;

/** AWS error {@code SerializationException}: The request body is not valid JSON, or a member has the wrong JSON type (AWS JSON 1.1 protocol error). */
public final class SerializationException extends AwsException {
  public SerializationException(String message) {
    super(message);
  }
}
