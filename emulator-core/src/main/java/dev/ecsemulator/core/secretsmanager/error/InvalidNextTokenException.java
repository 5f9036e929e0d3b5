package dev.ecsemulator.core.secretsmanager.error;

/** AWS error {@code InvalidNextTokenException}: The NextToken value is invalid. */
public final class InvalidNextTokenException extends SecretsManagerException {
  public InvalidNextTokenException(String message) {
    super(message);
  }
}
