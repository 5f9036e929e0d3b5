package dev.ecsemulator.core.secretsmanager.error;

/** AWS error {@code InvalidParameterException}: The parameter name or value is invalid. */
public final class InvalidParameterException extends SecretsManagerException {
  public InvalidParameterException(String message) {
    super(message);
  }
}
