package dev.ecsemulator.core.error;

/** AWS error {@code TargetNotFoundException}: The attribute target does not exist. */
public final class TargetNotFoundException extends EcsException {
  public TargetNotFoundException(String message) {
    super(message);
  }
}
