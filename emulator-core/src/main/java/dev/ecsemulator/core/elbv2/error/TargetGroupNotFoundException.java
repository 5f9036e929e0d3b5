package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code TargetGroupNotFound} (shape TargetGroupNotFoundException): a target group named or addressed does not exist. */
public final class TargetGroupNotFoundException extends Elbv2Exception {
  public TargetGroupNotFoundException(String message) {
    super(message);
  }
}
