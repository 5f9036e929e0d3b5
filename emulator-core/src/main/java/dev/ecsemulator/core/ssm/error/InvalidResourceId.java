package dev.ecsemulator.core.ssm.error;

/** AWS error {@code InvalidResourceId}: no resource has the ID given to a tagging operation. Its shape has no message member. */
public final class InvalidResourceId extends SsmException {
  public InvalidResourceId(String message) {
    super(message);
  }
}
