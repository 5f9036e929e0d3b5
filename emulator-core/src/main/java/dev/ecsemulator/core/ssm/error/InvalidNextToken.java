package dev.ecsemulator.core.ssm.error;

/** AWS error {@code InvalidNextToken}: a NextToken this emulator did not make. */
public final class InvalidNextToken extends SsmException {
  public InvalidNextToken(String message) {
    super(message);
  }
}
