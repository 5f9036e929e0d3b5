package dev.ecsemulator.core.ssm.error;

/** AWS error {@code ParameterMaxVersionLimitExceeded}: a 101st version would delete the oldest, which has a label. */
public final class ParameterMaxVersionLimitExceeded extends SsmException {
  public ParameterMaxVersionLimitExceeded(String message) {
    super(message);
  }
}
