package dev.ecsemulator.core.secretsmanager.error;

/** AWS error {@code ResourceExistsException}: A resource with the ID you requested already exists. */
public final class ResourceExistsException extends SecretsManagerException {
  public ResourceExistsException(String message) {
    super(message);
  }
}
