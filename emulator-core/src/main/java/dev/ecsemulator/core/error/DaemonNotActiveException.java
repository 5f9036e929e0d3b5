package dev.ecsemulator.core.error;

/** AWS error {@code DaemonNotActiveException}: The daemon is not ACTIVE. */
public final class DaemonNotActiveException extends EcsException {
  public DaemonNotActiveException(String message) {
    super(message);
  }
}
