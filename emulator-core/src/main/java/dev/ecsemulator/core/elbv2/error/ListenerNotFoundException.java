package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code ListenerNotFound} (shape ListenerNotFoundException): a listener addressed does not exist. */
public final class ListenerNotFoundException extends Elbv2Exception {
  public ListenerNotFoundException(String message) {
    super(message);
  }
}
