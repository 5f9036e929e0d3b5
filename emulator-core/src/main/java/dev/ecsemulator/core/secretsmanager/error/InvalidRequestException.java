package dev.ecsemulator.core.secretsmanager.error;

/** AWS error {@code InvalidRequestException}: A parameter value is not valid for the current state of the resource (the secret is scheduled for deletion, say). */
public final class InvalidRequestException extends SecretsManagerException {
  public InvalidRequestException(String message) {
    super(message);
  }
}
