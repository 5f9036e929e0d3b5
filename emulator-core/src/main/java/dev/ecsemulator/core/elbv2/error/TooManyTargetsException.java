package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code TooManyTargets} (shape TooManyTargetsException): more targets than a target group may hold. */
public final class TooManyTargetsException extends Elbv2Exception {
  public TooManyTargetsException(String message) {
    super(message);
  }
}
