package dev.ecsemulator.core.ssm.error;

/** AWS error {@code PoliciesLimitExceededException}: more than 10 parameter policies. */
public final class PoliciesLimitExceededException extends SsmException {
  public PoliciesLimitExceededException(String message) {
    super(message);
  }
}
