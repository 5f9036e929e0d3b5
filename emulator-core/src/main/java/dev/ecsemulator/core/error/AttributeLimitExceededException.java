package dev.ecsemulator.core.error;

/** AWS error {@code AttributeLimitExceededException}: More than 10 custom attributes were given for a resource. */
public final class AttributeLimitExceededException extends EcsException {
  public AttributeLimitExceededException(String message) {
    super(message);
  }
}
