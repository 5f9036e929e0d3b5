package dev.ecsemulator.core.ssm.error;

/** AWS error {@code InvalidFilterKey}: a filter key is not valid for the operation, or is given twice. Its shape has no message member: the message is the emulator's own. */
public final class InvalidFilterKey extends SsmException {
  public InvalidFilterKey(String message) {
    super(message);
  }
}
