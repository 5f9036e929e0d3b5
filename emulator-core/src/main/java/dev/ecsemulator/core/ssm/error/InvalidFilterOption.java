package dev.ecsemulator.core.ssm.error;

/** AWS error {@code InvalidFilterOption}: a filter option is not valid for its key. */
public final class InvalidFilterOption extends SsmException {
  public InvalidFilterOption(String message) {
    super(message);
  }
}
