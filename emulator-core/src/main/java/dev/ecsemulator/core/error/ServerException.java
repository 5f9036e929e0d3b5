package dev.ecsemulator.core.error;

/**
 * AWS error {@code ServerException} (HTTP 500), the only ECS error marked as a fault. The emulator sends it
 * for unexpected failures, which are bugs.
 */
public final class ServerException extends EcsException {

  public ServerException(String message) {
    super(message);
  }

  @Override
  public int httpStatus() {
    return 500;
  }
}
