package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code PriorityInUse} (shape PriorityInUseException): another rule of the listener has the priority. */
public final class PriorityInUseException extends Elbv2Exception {
  public PriorityInUseException(String message) {
    super(message);
  }
}
