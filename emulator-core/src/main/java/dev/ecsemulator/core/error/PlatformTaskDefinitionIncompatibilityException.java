package dev.ecsemulator.core.error;

/** AWS error {@code PlatformTaskDefinitionIncompatibilityException}: The task definition is incompatible with the platform version. */
public final class PlatformTaskDefinitionIncompatibilityException extends EcsException {
  public PlatformTaskDefinitionIncompatibilityException(String message) {
    super(message);
  }
}
