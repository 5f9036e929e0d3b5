package dev.ecsemulator.core.error;

/** AWS error {@code TargetNotConnectedException}: The execute-command target is not connected. */
public final class TargetNotConnectedException extends EcsException {
  public TargetNotConnectedException(String message) {
    super(message);
  }
}
