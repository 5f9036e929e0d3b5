package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code ResourceInUse} (shape ResourceInUseException): the resource is used by another (a target group by a listener or rule). */
public final class ResourceInUseException extends Elbv2Exception {
  public ResourceInUseException(String message) {
    super(message);
  }
}
