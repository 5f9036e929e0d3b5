package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code InvalidTarget} (shape InvalidTargetException): a target that cannot be registered (or is not registered). */
public final class InvalidTargetException extends Elbv2Exception {
  public InvalidTargetException(String message) {
    super(message);
  }
}
