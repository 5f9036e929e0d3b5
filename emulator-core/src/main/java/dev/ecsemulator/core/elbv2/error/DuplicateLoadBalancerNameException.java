package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code DuplicateLoadBalancerName} (shape DuplicateLoadBalancerNameException): another load balancer of the account and region has the name. */
public final class DuplicateLoadBalancerNameException extends Elbv2Exception {
  public DuplicateLoadBalancerNameException(String message) {
    super(message);
  }
}
