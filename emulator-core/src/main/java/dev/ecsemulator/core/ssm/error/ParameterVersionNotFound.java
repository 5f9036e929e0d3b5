package dev.ecsemulator.core.ssm.error;

/** AWS error {@code ParameterVersionNotFound}: the parameter has no such version. */
public final class ParameterVersionNotFound extends SsmException {
  public ParameterVersionNotFound(String message) {
    super(message);
  }
}
