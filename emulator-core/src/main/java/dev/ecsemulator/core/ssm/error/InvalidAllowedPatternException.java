package dev.ecsemulator.core.ssm.error;

/** AWS error {@code InvalidAllowedPatternException}: AllowedPattern is not a valid regular expression. */
public final class InvalidAllowedPatternException extends SsmException {
  public InvalidAllowedPatternException(String message) {
    super(message);
  }
}
