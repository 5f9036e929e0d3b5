package dev.ecsemulator.core.error;

/** AWS error {@code BlockedException}: The account is blocked. */
public final class BlockedException extends EcsException {
  public BlockedException(String message) {
    super(message);
  }
}
