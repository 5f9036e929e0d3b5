package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code IncompatibleProtocols} (shape IncompatibleProtocolsException): a target group whose protocol does not fit the listener's. */
public final class IncompatibleProtocolsException extends Elbv2Exception {
  public IncompatibleProtocolsException(String message) {
    super(message);
  }
}
