package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code UnsupportedProtocol} (shape UnsupportedProtocolException): a protocol the emulator's data plane does not serve. */
public final class UnsupportedProtocolException extends Elbv2Exception {
  public UnsupportedProtocolException(String message) {
    super(message);
  }
}
