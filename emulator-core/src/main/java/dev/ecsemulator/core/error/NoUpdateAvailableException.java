package dev.ecsemulator.core.error;

/** AWS error {@code NoUpdateAvailableException}: No agent update is available. */
public final class NoUpdateAvailableException extends EcsException {
  public NoUpdateAvailableException(String message) {
    super(message);
  }
}
