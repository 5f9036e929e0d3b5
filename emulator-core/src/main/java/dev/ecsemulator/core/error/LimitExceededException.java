package dev.ecsemulator.core.error;

/** AWS error {@code LimitExceededException}: A limit was exceeded. */
public final class LimitExceededException extends EcsException {
  public LimitExceededException(String message) {
    super(message);
  }
}
