package dev.ecsemulator.core.ssm.error;

/** AWS error {@code ParameterVersionLabelLimitExceeded}: a version would have more than 10 labels. */
public final class ParameterVersionLabelLimitExceeded extends SsmException {
  public ParameterVersionLabelLimitExceeded(String message) {
    super(message);
  }
}
