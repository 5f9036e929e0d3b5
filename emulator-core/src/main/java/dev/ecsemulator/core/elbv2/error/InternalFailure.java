package dev.ecsemulator.core.elbv2.error;

/**
 * {@code InternalFailure} (HTTP 500): AWS's common error for a failure of the service. The emulator sends it for
 * unexpected failures, which are bugs.
 */
public final class InternalFailure extends Elbv2Exception {

  public InternalFailure(String message) {
    super(message);
  }

  @Override
  public int httpStatus() {
    return 500;
  }
}
