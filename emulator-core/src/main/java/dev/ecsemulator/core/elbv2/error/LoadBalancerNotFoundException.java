package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code LoadBalancerNotFound} (shape LoadBalancerNotFoundException): a load balancer named or addressed does not exist. */
public final class LoadBalancerNotFoundException extends Elbv2Exception {
  public LoadBalancerNotFoundException(String message) {
    super(message);
  }
}
