package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code TargetGroupAssociationLimit} (shape TargetGroupAssociationLimitException): a target group already used by another load balancer. */
public final class TargetGroupAssociationLimitException extends Elbv2Exception {
  public TargetGroupAssociationLimitException(String message) {
    super(message);
  }
}
