package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code DuplicateListener} (shape DuplicateListenerException): the load balancer has a listener on the port already. */
public final class DuplicateListenerException extends Elbv2Exception {
  public DuplicateListenerException(String message) {
    super(message);
  }
}
