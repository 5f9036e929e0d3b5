package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code OperationNotPermitted} (shape OperationNotPermittedException): e.g. deleting or reordering a listener's default rule. */
public final class OperationNotPermittedException extends Elbv2Exception {
  public OperationNotPermittedException(String message) {
    super(message);
  }
}
