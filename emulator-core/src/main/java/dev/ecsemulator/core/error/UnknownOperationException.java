package dev.ecsemulator.core.error;

/** AWS error {@code UnknownOperationException}: The X-Amz-Target names no operation of this service (AWS JSON 1.1 protocol error). */
public final class UnknownOperationException extends AwsException {
  public UnknownOperationException(String message) {
    super(message);
  }
}
