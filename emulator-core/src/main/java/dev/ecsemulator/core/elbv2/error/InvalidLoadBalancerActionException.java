package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code InvalidLoadBalancerAction} (shape InvalidLoadBalancerActionException): an action that cannot be used as given. */
public final class InvalidLoadBalancerActionException extends Elbv2Exception {
  public InvalidLoadBalancerActionException(String message) {
    super(message);
  }
}
