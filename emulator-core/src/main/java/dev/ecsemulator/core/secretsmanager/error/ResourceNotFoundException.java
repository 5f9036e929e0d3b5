package dev.ecsemulator.core.secretsmanager.error;

/** AWS error {@code ResourceNotFoundException}: Secrets Manager can't find the resource that you asked for. */
public final class ResourceNotFoundException extends SecretsManagerException {
  public ResourceNotFoundException(String message) {
    super(message);
  }
}
