package dev.ecsemulator.core.error;

/** AWS error {@code InvalidParameterException}: A parameter is invalid. */
public final class InvalidParameterException extends EcsException {
  public InvalidParameterException(String message) {
    super(message);
  }
}
