package dev.ecsemulator.core.error;

/** AWS error {@code DaemonNotFoundException}: The daemon does not exist. */
public final class DaemonNotFoundException extends EcsException {
  public DaemonNotFoundException(String message) {
    super(message);
  }
}
