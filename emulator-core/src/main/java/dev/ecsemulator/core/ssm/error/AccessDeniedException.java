package dev.ecsemulator.core.ssm.error;

/** AWS error {@code AccessDeniedException}: the parameter name is in a namespace reserved for AWS ({@code /aws/...}). */
public final class AccessDeniedException extends SsmException {
  public AccessDeniedException(String message) {
    super(message);
  }
}
