package dev.ecsemulator.core.error;

/** AWS error {@code PlatformUnknownException}: The platform version does not exist. */
public final class PlatformUnknownException extends EcsException {
  public PlatformUnknownException(String message) {
    super(message);
  }
}
