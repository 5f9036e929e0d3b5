package dev.ecsemulator.core.secretsmanager.error;

/**
 * AWS error {@code InternalServiceError} (HTTP 500), the one Secrets Manager error the model marks as a fault. The
 * emulator sends it for unexpected failures, which are bugs.
 */
public final class InternalServiceError extends SecretsManagerException {

  public InternalServiceError(String message) {
    super(message);
  }

  @Override
  public int httpStatus() {
    return 500;
  }
}
