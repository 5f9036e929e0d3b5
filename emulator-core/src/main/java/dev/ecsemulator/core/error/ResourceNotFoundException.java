package dev.ecsemulator.core.error;

/** AWS error {@code ResourceNotFoundException}: The resource does not exist. */
public final class ResourceNotFoundException extends EcsException {
  public ResourceNotFoundException(String message) {
    super(message);
  }
}
