package dev.ecsemulator.core.ssm.error;

/** AWS error {@code ParameterPatternMismatchException}: the value does not match the parameter's AllowedPattern. */
public final class ParameterPatternMismatchException extends SsmException {
  public ParameterPatternMismatchException(String message) {
    super(message);
  }
}
