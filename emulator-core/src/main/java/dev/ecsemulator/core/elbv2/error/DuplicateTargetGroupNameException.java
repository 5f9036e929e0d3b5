package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code DuplicateTargetGroupName} (shape DuplicateTargetGroupNameException): another target group of the account and region has the name. */
public final class DuplicateTargetGroupNameException extends Elbv2Exception {
  public DuplicateTargetGroupNameException(String message) {
    super(message);
  }
}
