package dev.ecsemulator.core.error;

/** AWS error {@code UpdateInProgressException}: An update is already in progress. */
public final class UpdateInProgressException extends EcsException {
  public UpdateInProgressException(String message) {
    super(message);
  }
}
