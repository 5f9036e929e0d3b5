package dev.ecsemulator.core.ssm.error;

/** AWS error {@code InvalidPolicyTypeException}: a parameter policy of a type Parameter Store does not know. */
public final class InvalidPolicyTypeException extends SsmException {
  public InvalidPolicyTypeException(String message) {
    super(message);
  }
}
