package dev.ecsemulator.core.ssm.error;

/**
 * AWS error {@code InternalServerError} (HTTP 500), the SSM error the model marks as a fault. The emulator sends it for
 * unexpected failures, which are bugs.
 */
public final class InternalServerError extends SsmException {

  public InternalServerError(String message) {
    super(message);
  }

  @Override
  public int httpStatus() {
    return 500;
  }
}
