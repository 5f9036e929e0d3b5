package dev.ecsemulator.core.error;

/** AWS error {@code ResourceInUseException}: The resource is in use. */
public final class ResourceInUseException extends EcsException {
  public ResourceInUseException(String message) {
    super(message);
  }
}
