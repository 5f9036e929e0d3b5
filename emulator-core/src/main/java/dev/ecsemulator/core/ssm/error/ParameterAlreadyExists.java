package dev.ecsemulator.core.ssm.error;

/** AWS error {@code ParameterAlreadyExists}: PutParameter without Overwrite for a name that is taken. */
public final class ParameterAlreadyExists extends SsmException {
  public ParameterAlreadyExists(String message) {
    super(message);
  }
}
