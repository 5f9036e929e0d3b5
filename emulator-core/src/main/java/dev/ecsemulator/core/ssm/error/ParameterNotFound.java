package dev.ecsemulator.core.ssm.error;

/** AWS error {@code ParameterNotFound}: no parameter has the name. */
public final class ParameterNotFound extends SsmException {
  public ParameterNotFound(String message) {
    super(message);
  }
}
