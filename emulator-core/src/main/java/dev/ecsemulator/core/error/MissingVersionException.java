package dev.ecsemulator.core.error;

/** AWS error {@code MissingVersionException}: The container instance has no agent version. */
public final class MissingVersionException extends EcsException {
  public MissingVersionException(String message) {
    super(message);
  }
}
